// Types and calls of "my branch" and the org checks (server/src/org-checks/org-check.routes.ts).
import { api } from '../api/client.ts';

export const FINDING_KINDS = [
  'term_overdue',
  'term_due',
  'too_few_full',
  'committee_size',
  'too_many',
  'no_term',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  rule: string;
  severity: 'error' | 'warning';
  message_zh: string;
  message_en: string;
  org: { id: number; code: string; name: string; shortName: string };
}

export const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;

export interface MyBranch {
  today: string;
  month: string;
  org: { id: number; code: string; name: string; shortName: string; kind: string };
  members: { total: number; full: number; probationary: number };
  pipeline: Record<(typeof STAGES)[number], number>;
  checklist: {
    total: number;
    done: number;
    items: {
      id: number;
      orgId: number;
      orgName: string;
      title: string;
      dueOn: string;
      doneOn: string | null;
      state: 'done' | 'open' | 'overdue';
    }[];
  };
  meetings: {
    thisMonth: number;
    last: {
      id: number;
      kind: string;
      heldOn: string;
      topic: string;
      expected: number;
      present: number;
      orgName: string;
    }[];
  };
  dues: null;
  warnings: { counts: Record<FindingKind, number>; total: number; items: Finding[] };
}

/** GET /api/dues/orgs/:id (server/src/dues): the month's totals in fen. */
export interface BranchDues {
  month: string;
  totals: { members: number; dueFen: number; paidFen: number; arrearsFen: number; unpaid: number };
}

/** GET /api/dues/warnings (server/src/dues): six months without dues or organizational life. */
export interface SixMonthWarnings {
  total: number;
  items: {
    member: { id: number; name: string };
    org: { id: number; name: string };
    dues: boolean;
    orgLife: boolean;
  }[];
}

export const myBranchApi = {
  get: (orgId?: number) => api.get<MyBranch>('/api/my-branch', orgId ? { orgId } : undefined),
  dues: (orgId: number) => api.get<BranchDues>(`/api/dues/orgs/${orgId}`),
  sixMonths: (orgId: number) => api.get<SixMonthWarnings>('/api/dues/warnings', { orgId, pageSize: 20 }),
};
