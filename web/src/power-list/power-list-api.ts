// Types and calls of the 小微权力清单 API (server/src/power-list/power-list.routes.ts).
import { api, download } from '../api/client.ts';

export interface ProcedureStep {
  name: string;
  actor: string;
  evidence: string;
}

export interface PowerItem {
  id: number;
  countyCode: string;
  kind: 'positive' | 'negative';
  code: string;
  name: string;
  category: string;
  categoryName: string;
  actor: string;
  basis: string;
  steps: ProcedureStep[];
  keywords: string[];
  active: boolean;
}

export interface PowerUse {
  id: number;
  org: { id: number; code: string; name: string };
  item: { id: number; code: string; name: string } | null;
  title: string;
  description: string;
  amountFen: number | null;
  startedOn: string;
  status: 'open' | 'completed' | 'abandoned';
  completedOn: string | null;
  stepsDone: number;
  stepsTotal: number;
  nextStep: (ProcedureStep & { index: number }) | null;
  flag: 'unmatched' | 'negative' | null;
  flagDetail: { negativeName?: string; words?: string[]; reason?: string } | null;
  flagReviewedAt: string | null;
  flagReviewNote: string | null;
  deliberationId: number | null;
}

export interface PowerUseDetail extends PowerUse {
  procedure: (ProcedureStep & { index: number })[];
  steps: { index: number; doneOn: string; actorName: string; evidence: string; attachments: number[] }[];
}

export interface PowerFigures {
  base: { id: number; code: string; name: string; level: string };
  year: number;
  rows: {
    org: { id: number; code: string; name: string; level: string };
    uses: number;
    open: number;
    completed: number;
    unmatched: number;
    negative: number;
    unreviewed: number;
  }[];
  totals: {
    uses: number;
    open: number;
    completed: number;
    unmatched: number;
    negative: number;
    unreviewed: number;
  };
  byPower: { code: string; name: string; uses: number; completed: number }[];
}

type Query = Record<string, string | number | boolean | undefined>;

export const powerApi = {
  list: (countyCode?: string) =>
    api.get<{ countyCode: string; positive: PowerItem[]; negative: PowerItem[] }>(
      '/api/power-list',
      countyCode ? { countyCode } : undefined,
    ),
  uses: (q: {
    orgId?: number;
    itemId?: number;
    flag?: string;
    unreviewed?: boolean;
    status?: string;
    year?: number;
    q?: string;
    page?: number;
    pageSize?: number;
  }) => api.get<{ items: PowerUse[]; total: number }>('/api/power-uses', q as Query),
  use: (id: number) => api.get<PowerUseDetail>(`/api/power-uses/${id}`),
  create: (body: {
    orgId: number;
    itemId?: number;
    title: string;
    description?: string;
    amountFen?: number;
    startedOn: string;
  }) => api.post<{ id: number; flag: string | null }>('/api/power-uses', body),
  step: (id: number, body: { index: number; doneOn: string; actorName: string; evidence?: string }) =>
    api.post<PowerUseDetail>(`/api/power-uses/${id}/steps`, body),
  review: (id: number, note: string) => api.post<PowerUseDetail>(`/api/power-uses/${id}/review`, { note }),
  figures: (q: { orgId?: number; year?: number }) => api.get<PowerFigures>('/api/power-figures', q as Query),
  exportExcel: (q: Query, name: string) => download('/api/power-uses.xlsx', q, name),
};
