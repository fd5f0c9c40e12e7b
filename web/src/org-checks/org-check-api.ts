// Types and calls of the org checks API (server/src/org-checks/org-check.routes.ts).
import { api, download } from '../api/client.ts';

/** In the order of the summary cards. */
export const FINDING_KINDS = [
  'term_overdue',
  'term_due',
  'no_term',
  'committee_size',
  'too_few_full',
  'too_many',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export type Position = 'secretary' | 'deputy_secretary' | 'member';
export const POSITIONS: Position[] = ['secretary', 'deputy_secretary', 'member'];

export interface Finding {
  kind: FindingKind;
  rule: string;
  severity: 'error' | 'warning';
  message_zh: string;
  message_en: string;
}

export interface FindingRow extends Finding {
  org: { id: number; code: string; name: string; shortName: string; kind: string; level: string };
  figures: {
    members: number;
    fullMembers: number;
    committeeSize: number | null;
    electedOn: string | null;
    termEndsOn: string | null;
    daysOverdue: number | null;
  };
}

export interface FindingsPage {
  today: string;
  checkedOrgs: number;
  counts: Record<FindingKind, number>;
  total: number;
  page: number;
  pageSize: number;
  items: FindingRow[];
}

export interface OrgTerms {
  org: { id: number; code: string; name: string; kind: string; level: string };
  termYears: number;
  electsCommittee: boolean;
  members: number;
  fullMembers: number;
  terms: { id: number; electedOn: string; termYears: number; endsOn: string; note: string }[];
  committee: { memberId: number | null; name: string; position: Position }[];
  findings: Finding[];
}

export interface ElectionBody {
  orgId: number;
  electedOn: string;
  note?: string;
  committee: { memberId: number; position: Position }[];
}

export interface FullMember {
  id: number;
  name: string;
  idNumberMasked: string;
  orgName: string;
}

export type FindingFilter = { kind?: FindingKind; q?: string };

export const orgCheckApi = {
  list: (filter: FindingFilter & { page: number; pageSize: number }) =>
    api.get<FindingsPage>('/api/org-checks', filter),
  org: (id: number) => api.get<OrgTerms>(`/api/org-checks/orgs/${id}`),
  recordElection: (body: ElectionBody) => api.post<OrgTerms>('/api/org-checks/elections', body),
  fullMembers: (orgId: number, q: string) =>
    api
      .get<{ items: FullMember[] }>(`/api/orgs/${orgId}/members`, { q, status: 'full', pageSize: 20 })
      .then((p) => p.items),
  exportExcel: (filter: FindingFilter, fallbackName: string) =>
    download('/api/org-checks.xlsx', filter, fallbackName),
};
