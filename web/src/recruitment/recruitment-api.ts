// Types and calls of the recruitment API (server/src/recruitment/recruitment.routes.ts).
import { api } from '../api/client.ts';
import type { CursorAnswer } from '../api/cursor-paging.ts';

export type Stage = 'applicant' | 'activist' | 'candidate' | 'probationary' | 'full';
export const STAGES: Stage[] = ['applicant', 'activist', 'candidate', 'probationary', 'full'];
export type DueKind = 'talk' | 'assessment' | 'approval' | 'conversion' | 'conversion_approval';

export interface Summary {
  org: { id: number; name: string };
  today: string;
  byStage: Record<Stage, number>;
  overdue: number;
  overdueByKind: Partial<Record<DueKind, number>>;
  dueConversionsThisMonth: number;
}

export interface ListItem {
  id: number;
  name: string;
  gender: 'male' | 'female';
  orgId: number;
  orgName: string;
  status: 'active' | 'completed' | 'closed';
  stage: Stage;
  lastStep: number;
  lastStepOn: string;
  appliedOn: string;
  talkLate: boolean;
  dueOn: string | null;
  dueKind: DueKind | null;
  overdue: boolean;
  probationEndsOn: string | null;
}

export interface StepRecord {
  id: number;
  on: string;
  note: string;
  details: Record<string, unknown> | null;
  attachments: string[];
  late: boolean;
  recordedBy: string | null;
}

export interface Detail {
  id: number;
  version: number;
  status: 'active' | 'completed' | 'closed';
  stage: Stage;
  lastStep: number;
  lastStepOn: string;
  nextSteps: number[];
  today: string;
  due: { kind: DueKind; on: string; overdue: boolean } | null;
  talkLate: boolean;
  probationEndsOn: string | null;
  extensionMonths: number | null;
  memberId: number | null;
  closedOn: string | null;
  closedReason: string | null;
  org: { id: number; name: string };
  applicant: {
    name: string;
    gender: 'male' | 'female';
    ethnicity: string;
    birthDate: string;
    idNumberMasked: string;
    phoneMasked: string;
    education: string;
    occupation: string;
  };
  steps: { no: number; code: string; stage: Stage; zh: string; en: string; records: StepRecord[] }[];
  events: { id: number; event: string; on: string; note: string; details: Record<string, unknown> | null }[];
  mentors: { id: number; name: string; assignedOn: string }[];
  sponsors: { id: number; name: string; assignedOn: string }[];
  publicity: Record<'admission' | 'conversion', { startsOn: string; endsOn: string } | null>;
  objections: {
    id: number;
    kind: 'admission' | 'conversion';
    raisedOn: string;
    content: string;
    resolvedOn: string | null;
    resolution: string | null;
  }[];
  votes: { kind: string; meetingOn: string; membersDue: number; present: number; yes: number }[];
  trainings: { id: number; title: string; startsOn: string; endsOn: string; hours: number }[];
  trainingTotals: { days: number; hours: number };
  rules: { publicityDays: number } & Record<string, number>;
}

export interface Branch {
  id: number;
  name: string;
  fullMembers: number;
}

export const recruitmentApi = {
  summary: () => api.get<Summary>('/api/recruitment/summary'),
  list: (query: Record<string, string | number | boolean | undefined>) =>
    api.get<{ items: ListItem[]; page: number | null; pageSize: number; today: string } & CursorAnswer>(
      '/api/recruitment/applications',
      query,
    ),
  branches: () => api.get<{ items: Branch[] }>('/api/recruitment/branches'),
  create: (body: Record<string, unknown>) => api.post<Detail>('/api/recruitment/applications', body),
  detail: (id: number) => api.get<Detail>(`/api/recruitment/applications/${id}`),
  eligible: (id: number) =>
    api.get<{ items: { id: number; name: string; convertedOn: string | null; orgName: string }[] }>(
      `/api/recruitment/applications/${id}/eligible-members`,
    ),
  membersDue: (id: number, on: string) =>
    api.get<{ on: string; due: number }>(`/api/recruitment/applications/${id}/members-due`, { on }),
  step: (id: number, body: Record<string, unknown>) =>
    api.post<Detail>(`/api/recruitment/applications/${id}/steps`, body),
  event: (id: number, body: Record<string, unknown>) =>
    api.post<Detail>(`/api/recruitment/applications/${id}/events`, body),
  reveal: (id: number, field: 'idNumber' | 'phone') =>
    api.post<{ value: string }>(`/api/recruitment/applications/${id}/reveal`, { field }),
};
