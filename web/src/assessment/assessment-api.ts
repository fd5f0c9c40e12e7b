// Types and calls of the issue-15 API: grading (server/src/assessment/assessment.routes.ts), weak orgs
// and their ledgers (weak-orgs/weak-org.routes.ts), contests (contests/contest.routes.ts) and the
// collective economy (collective-economy/economy.routes.ts).
import { api, download } from '../api/client.ts';

export interface Named {
  zh: string;
  en: string;
}
export interface Coded {
  code: string;
  name: Named;
}

export interface BoardItem {
  id: number;
  org: { id: number; code: string; name: string; shortName?: string | null };
  town: { id: number; name: string };
  year: number;
  category: string;
  secretaryName: string | null;
  total: number;
  rank: number;
  groupSize: number;
  grade: string;
  allowanceFen: number;
  reviewed: boolean;
  roundState: string;
  basis: string;
  appealState: string | null;
}

export interface Round {
  id: number;
  countyOrgId: number;
  countyName: string;
  state: string;
  basis: string;
  appealUntil: string | null;
  unreviewed: { townId: number; name: string; n: number }[];
}

export interface Board {
  scope: { id: number; name: string; level: string };
  year: number;
  rounds: Round[];
  categories: Coded[];
  grades: Coded[];
  method: string;
  summary: {
    villages: number;
    average: number;
    reviewed: number;
    appeals: number;
    vacant: number;
    allowanceFen: number;
    byCategoryGrade: { category: string; grade: string; n: number; average: number }[];
    byTown: { townId: number; name: string; grade: string; n: number; average: number }[];
  };
  items: BoardItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface IndicatorRow {
  indicator: string;
  name: Named;
  description: Named;
  unit: string;
  source: string;
  origin: string;
  status: string;
  weight: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  score: number | null;
  contribution: number | null;
  note: string;
  evidence: string;
}

export interface Appeal {
  id: number;
  indicator: string | null;
  reason: string;
  state: string;
  decision: string;
  totalBefore: number;
  gradeBefore: string;
  totalAfter: number | null;
  gradeAfter: string | null;
}

export interface HistoryRow {
  id: number;
  year: number;
  category: string;
  secretaryName: string | null;
  total: number;
  rank: number;
  groupSize: number;
  grade: string;
  allowanceFen: number;
  basis: string;
  appealState: string | null;
}

export interface Detail {
  id: number;
  year: number;
  org: { id: number; name: string };
  town: { id: number; name: string };
  category: string;
  secretaryName: string | null;
  total: number;
  weightUsed: number;
  rank: number;
  groupSize: number;
  grade: string;
  allowanceFen: number;
  reviewed: boolean;
  townComment: string;
  round: { id: number; state: string; basis: string; appealUntil: string | null };
  categories: Coded[];
  grades: Coded[];
  indicators: IndicatorRow[];
  appeal: Appeal | null;
  history: HistoryRow[];
}

export interface Records {
  indicator: string;
  name: Named;
  kind: string;
  reason: string;
  figure: { value: number | null; note: string };
  span: { from: string; to: string };
  total: number;
  items: Record<string, unknown>[];
}

export interface AppealItem {
  id: number;
  assessmentId: number;
  orgName: string;
  townName: string;
  secretaryName: string | null;
  state: string;
  reason: string;
  totalBefore: number;
  gradeBefore: string;
  totalAfter: number | null;
  gradeAfter: string | null;
}

export interface Mine {
  org: { id: number; name: string; level: string };
  categories: Coded[];
  grades: Coded[];
  years: HistoryRow[];
}

export type BoardQuery = {
  year: number;
  orgId?: number;
  townId?: number;
  category?: string;
  grade?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export const assessmentApi = {
  board: (q: BoardQuery) => api.get<Board>('/api/assessment/board', q),
  exportBoard: (q: BoardQuery) => {
    const { page: _p, pageSize: _s, ...rest } = q;
    return download('/api/assessment/board.xlsx', rest, 'assessment.xlsx');
  },
  run: (year: number, countyOrgId?: number) =>
    api.post<{ villages: number; ms: { total: number } }>('/api/assessment/rounds', {
      year,
      ...(countyOrgId ? { countyOrgId } : {}),
    }),
  move: (year: number, action: 'approve' | 'reopen' | 'publish', countyOrgId?: number) =>
    api.post<{ state: string }>('/api/assessment/rounds/transitions', {
      year,
      action,
      ...(countyOrgId ? { countyOrgId } : {}),
    }),
  review: (year: number) => api.post<{ reviewed: number }>('/api/assessment/reviews', { year }),
  mine: () => api.get<Mine>('/api/assessment/mine'),
  detail: (id: number) => api.get<Detail>(`/api/assessments/${id}`),
  records: (id: number, indicator: string, page = 1) =>
    api.get<Records>(`/api/assessments/${id}/indicators/${indicator}/records`, { page, pageSize: 10 }),
  appeal: (id: number, reason: string, indicator?: string) =>
    api.post<{ id: number }>(`/api/assessments/${id}/appeal`, {
      reason,
      ...(indicator ? { indicator } : {}),
    }),
  manualScore: (assessmentId: number, indicator: string, score: number, evidence: string) =>
    api.put<{ total: number }>('/api/assessment/manual-scores', { assessmentId, indicator, score, evidence }),
  appeals: (year: number) => api.get<{ items: AppealItem[] }>('/api/assessment/appeals', { year }),
  decide: (
    appealId: number,
    body: {
      outcome: 'upheld' | 'rejected';
      decision: string;
      corrections?: { indicator: string; score: number }[];
    },
  ) => api.post<{ state: string }>(`/api/assessment/appeals/${appealId}/decision`, body),
};

export interface Hit {
  criterion: string;
  zh: string;
  en: string;
}
export interface Candidates {
  asOf: string;
  villages: number;
  limit: number;
  criteria: { code: string; name: Named; candidates: number }[];
  items: { org: { id: number; code: string; name: string }; hits: Hit[]; listed: boolean }[];
}
export interface LedgerItem {
  id: number;
  year: number;
  org: { id: number; name: string };
  town: { id: number; name: string };
  state: string;
  criteria: Coded[];
  problems: number;
  problemsDone: number;
}
export interface Ledger {
  id: number;
  year: number;
  org: { id: number; name: string };
  town: { id: number; name: string };
  state: string;
  stateName: Named;
  reasons: { hits: Hit[]; manual: string | null };
  plan: string;
  cadreName: string | null;
  cadrePost: string | null;
  deadline: string | null;
  listedOn: string;
  acceptanceEvidence: string | null;
  acceptedOn: string | null;
  reviewDueOn: string | null;
  reviewedOn: string | null;
  reviewResult: string | null;
  reviewNote: string | null;
  problems: {
    id: number;
    seq: number;
    problem: string;
    measure: string;
    deadline: string | null;
    doneOn: string | null;
    evidence: string | null;
  }[];
  progress: { id: number; action: string; onDate: string; note: string; recordedBy: string | null }[];
  actions: string[];
}
export interface WeakFigures {
  states: Coded[];
  totals: { listed: number; byState: Record<string, number> };
  children: { org: { id: number; name: string }; listed: number }[];
  criteria: { code: string; name: Named; n: number }[];
}

export const weakOrgApi = {
  candidates: (year: number) => api.get<Candidates>('/api/weak-orgs/candidates', { year }),
  list: (year: number, items: { orgId: number }[]) =>
    api.post<{ listed: number[] }>('/api/weak-orgs', { year, items }),
  ledgers: (q: { year?: number; state?: string }) =>
    api.get<{ states: Coded[]; items: LedgerItem[] }>('/api/weak-orgs', q),
  figures: (year?: number) => api.get<WeakFigures>('/api/weak-orgs/figures', year ? { year } : {}),
  ledger: (id: number) => api.get<Ledger>(`/api/weak-orgs/${id}`),
  plan: (
    id: number,
    body: {
      plan: string;
      cadreName: string;
      cadrePost: string;
      deadline: string;
      problems: { problem: string; measure: string; deadline?: string }[];
    },
  ) => api.put<{ state: string }>(`/api/weak-orgs/${id}/plan`, body),
  progress: (id: number, body: { onDate: string; note: string; problemId?: number; evidence?: string }) =>
    api.post<{ state: string }>(`/api/weak-orgs/${id}/progress`, body),
  move: (id: number, body: { action: string; note?: string; evidence?: string; relapsed?: boolean }) =>
    api.post<{ state: string }>(`/api/weak-orgs/${id}/transitions`, body),
};

export interface ContestSummary {
  id: number;
  year: number;
  title: string;
  heldOn: string;
  state: string;
  organizer: { id: number; name: string };
}
export interface ContestEntry {
  id: number;
  org: { id: number; name: string; townName: string };
  secretaryName: string | null;
  topic: string;
  evidence: string;
  votes: number;
  judgeScore: number | null;
  finalScore: number | null;
  rank: number | null;
  award: string | null;
  awardName: Named | null;
  /** A finished contest: this scope follows the village's goals up. */
  canFollowUp: boolean;
  scores: { judge: string; score: number }[];
  goals: { id: number; goal: string; followup: string; note: string }[];
}
export interface ContestDetail extends ContestSummary {
  theme: string;
  canManage: boolean;
  canEnter: boolean;
  entries: ContestEntry[];
}

export const contestApi = {
  list: (year?: number) => api.get<{ items: ContestSummary[] }>('/api/contests', year ? { year } : {}),
  detail: (id: number) => api.get<ContestDetail>(`/api/contests/${id}`),
  create: (body: { year: number; title: string; theme?: string; heldOn: string }) =>
    api.post<{ id: number }>('/api/contests', body),
  enter: (id: number, body: { topic: string; evidence?: string; goals: string[] }) =>
    api.post<{ id: number }>(`/api/contests/${id}/entries`, body),
  scores: (
    id: number,
    body: {
      scores: { entryId: number; judge: string; score: number }[];
      votes: { entryId: number; votes: number }[];
    },
  ) => api.put<{ scores: number; votes: number }>(`/api/contests/${id}/scores`, body),
  finish: (id: number) => api.post<{ state: string }>(`/api/contests/${id}/finish`),
  followups: (items: { goalId: number; followup: string; note?: string }[]) =>
    api.put<{ saved: number }>('/api/contests/goals/followups', { items }),
};

export interface Income {
  org: { id: number; code: string; name: string };
  reported: boolean;
  operatingFen: number;
  totalFen: number;
  netFen: number;
  distributedFen: number;
  retainedFen: number;
  growth: number | null;
  band: number;
}
export interface Incomes {
  year: number;
  scope: { id: number; name: string };
  thresholds: { fen: number; label: string }[];
  totals: { villages: number; reported: number; bands: number[]; operatingFen: number };
  children: { org: { id: number; name: string }; villages: number; bands: number[] }[];
  total: number;
  items: Income[];
}
export interface Enterprise {
  id: number;
  kind: string;
  name: string;
  uscc: string | null;
  org: { id: number; name: string };
  foundedOn: string;
  villages: { id: number; name: string }[];
  years: { year: number; revenueFen: number; dividendsFen: number; jobs: number }[];
}
export interface ImportResult {
  total: number;
  imported: number;
  rejected: number;
  written: boolean;
  problems: { row: number; field: string; code: string; message_zh: string }[];
}

export const economyApi = {
  incomes: (q: { year: number; orgId?: number; q?: string; page?: number; sort?: string }) =>
    api.get<Incomes>('/api/collective-economy/incomes', { ...q, pageSize: 15 }),
  enterprises: (q: { kind?: string; page?: number }) =>
    api.get<{
      summary: { kind: string; count: number; villages: number; jobs: number }[];
      total: number;
      items: Enterprise[];
    }>('/api/collective-economy/enterprises', { ...q, pageSize: 10 }),
  template: (year: number) =>
    download('/api/collective-economy/import-template.xlsx', { year }, 'collective-income-template.xlsx'),
  settings: () =>
    api.get<{ sources: { code: string; name: Named; operating: boolean }[] }>(
      '/api/collective-economy/settings',
    ),
  villageYear: (orgId: number, year: number) =>
    api.get<{
      org: { id: number; name: string };
      year: number;
      reported: boolean;
      incomes: Record<string, number>;
      expensesFen: number;
      distributedFen: number;
      note: string;
    }>('/api/collective-economy/incomes/village', { orgId, year }),
  save: (body: {
    orgId: number;
    year: number;
    incomes: Record<string, number>;
    expensesFen: number;
    distributedFen: number;
    note?: string;
  }) => api.put<{ operatingFen: number; netFen: number }>('/api/collective-economy/incomes', body),
  import: (file: Blob) =>
    api.upload<ImportResult>('/api/collective-economy/import', file, { mode: 'keep_good' }),
};
