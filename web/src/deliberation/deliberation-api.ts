// Types and calls of the village decision API (server/src/deliberation/deliberation.routes.ts).
import { api, download } from '../api/client.ts';

export interface Breach {
  code: string;
  step: string | null;
  messageZh: string;
  messageEn: string;
}

export interface MatterSummary {
  id: number;
  org: { id: number; code: string; name: string };
  title: string;
  template: string;
  templateName: string;
  category: string;
  categoryName: string;
  amountFen: number | null;
  retrospective: boolean;
  status: 'open' | 'completed' | 'rejected' | 'withdrawn';
  validity: 'pending' | 'valid' | 'invalid';
  breaches: Breach[];
  nextStep: { key: string; nameZh: string; nameEn: string; dueOn: string | null } | null;
  overdue: boolean;
  proposedOn: string;
  resolvedOn: string | null;
  completedOn: string | null;
  version: number;
}

export interface NamedKey {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface MatterStep {
  seq: number;
  step: string;
  nameZh: string;
  nameEn: string;
  mergedWith: string | null;
  body: string;
  bodyNameZh: string;
  bodyNameEn: string;
  heldOn: string;
  noticeOn: string | null;
  place: string;
  dueCount: number | null;
  presentCount: number | null;
  householdsDue: number | null;
  householdsPresent: number | null;
  attendees: { kind: string; id: number; name: string }[];
  votes: { yes: number; no: number; abstain: number } | null;
  quorumMet: boolean | null;
  passed: boolean | null;
  minutes: string;
  content: string;
  publicity: { startsOn: string; endsOn: string } | null;
  implementedOn: string | null;
  attachments: { id: number; mime: string; fileName: string }[];
  recordedAt: string;
}

export interface MatterDetail extends MatterSummary {
  description: string;
  grid: { id: number; name: string } | null;
  oneShoulder: boolean;
  villagerMeetingRequired: { reason: string } | null;
  templateSteps: (NamedKey & { state: 'done' | 'next' | 'pending' })[];
  steps: MatterStep[];
  next:
    | (NamedKey & {
        kind: 'meeting' | 'publication' | 'supervision';
        bodies: NamedKey[];
        canMerge: boolean;
        dueOn: string | null;
        earliestOn: string | null;
        publicityDays: number | null;
        noticeDays: number | null;
      })
    | null;
}

export interface Roster {
  body: string;
  on: string;
  oneShoulder: boolean;
  people: { kind: 'member' | 'cadre' | 'representative'; id: number; name: string; role: string }[];
  adults: number | null;
  households: number | null;
}

export interface Options {
  templates: {
    key: string;
    nameZh: string;
    nameEn: string;
    mergeable: boolean;
    steps: (NamedKey & { kind: string; bodies: string[] })[];
  }[];
  categories: { code: string; zh: string; en: string; villagerMeeting: boolean }[];
  bodies: { key: string; zh: string; en: string }[];
  villagerMeetingAmountFen: number;
  villagerMeetingNoticeDays: number;
  resolutionPublicityDays: number;
  resultPublicityDays: number;
  publishResolutionWithinDays: number;
}

export interface FigureCounts {
  total: number;
  open: number;
  completed: number;
  rejected: number;
  withdrawn: number;
  valid: number;
  invalid: number;
  pending: number;
  validityRate: number | null;
}

export interface Figures {
  base: { id: number; code: string; name: string; level: string };
  year: number;
  rows: (FigureCounts & { org: { id: number; code: string; name: string; level: string } })[];
  totals: FigureCounts;
  breaches: { code: string; matters: number }[];
}

export interface MatterQuery {
  orgId?: number;
  status?: string;
  validity?: string;
  template?: string;
  category?: string;
  year?: number;
  q?: string;
  overdue?: boolean;
  sort?: 'proposed' | 'due';
  page?: number;
  pageSize?: number;
}

export interface StepBody {
  step: string;
  mergedWith?: 'consult';
  body: string;
  heldOn: string;
  noticeOn?: string;
  place?: string;
  attendees?: { members?: number[]; cadres?: number[]; representatives?: number[] };
  presentCount?: number;
  householdsPresent?: number;
  votes?: { yes: number; no: number; abstain: number };
  minutes?: string;
  content?: string;
  publicity?: { startsOn: string; endsOn: string };
  implementedOn?: string;
  photoTakenAt?: string;
  attachments?: number[];
  version?: number;
}

type Query = Record<string, string | number | boolean | undefined>;

export const deliberationApi = {
  options: () => api.get<Options>('/api/deliberation-options'),
  list: (q: MatterQuery) =>
    api.get<{ items: MatterSummary[]; total: number; page: number; pageSize: number }>(
      '/api/deliberations',
      q as Query,
    ),
  get: (id: number) => api.get<MatterDetail>(`/api/deliberations/${id}`),
  roster: (id: number, body: string, on: string) =>
    api.get<Roster>(`/api/deliberations/${id}/roster`, { body, on }),
  create: (body: {
    orgId: number;
    template: string;
    title: string;
    category: string;
    amountFen?: number;
    description?: string;
    gridId?: number;
  }) => api.post<{ id: number }>('/api/deliberations', body),
  step: (id: number, body: StepBody) =>
    api.post<{ status: string; validity: string }>(`/api/deliberations/${id}/steps`, body),
  withdraw: (id: number, reason: string) => api.post(`/api/deliberations/${id}/withdraw`, { reason }),
  figures: (q: { orgId?: number; year?: number }) =>
    api.get<Figures>('/api/deliberation-figures', q as Query),
  exportExcel: (q: MatterQuery, name: string) => download('/api/deliberations.xlsx', q as Query, name),
  upload: (file: File, orgId?: number) =>
    api.upload<{ id: number; mime: string; fileName: string }>('/api/village-attachments', file, {
      fileName: file.name,
      orgId,
    }),
};
