// Types and calls of the dues API (server/src/dues/dues.routes.ts). Amounts are in fen.
import { api } from '../api/client.ts';

export interface Bracket {
  upToFen: number | null;
  bp: number;
}
export interface RateTable {
  inService: Bracket[];
  retired: Bracket[];
  fixedFen: { farmer: number; student: number; unemployed: number; low_income: number };
}
export interface RateVersion {
  id: number;
  effectiveMonth: string;
  rates: RateTable;
  note: string;
}
export interface DuesRow {
  member: { id: number; name: string; orgName: string };
  category: string;
  baseFen: number | null;
  dueFen: number | null;
  paidFen: number;
  arrearsMonths: string[];
  arrearsFen: number;
}
export interface BranchDues {
  org: { id: number; name: string };
  month: string;
  members: DuesRow[];
  totals: { members: number; dueFen: number; paidFen: number; arrearsFen: number; unpaid: number };
}
export interface Warnings {
  month: string;
  window: { from: string; to: string };
  total: number;
  items: {
    member: { id: number; name: string };
    org: { id: number; name: string };
    dues: boolean;
    orgLife: boolean;
  }[];
}

export const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));

export const duesApi = {
  rates: () => api.get<{ items: RateVersion[] }>('/api/dues/rates'),
  saveRates: (body: { effectiveMonth: string; rates: RateTable; note?: string }) =>
    api.put<{ items: RateVersion[] }>('/api/dues/rates', body),
  branch: (orgId: number, month: string) => api.get<BranchDues>(`/api/dues/orgs/${orgId}`, { month }),
  declareBase: (memberId: number, baseFen: number, fromMonth: string) =>
    api.put<{ ok: true }>(`/api/dues/members/${memberId}/base`, { baseFen, fromMonth }),
  pay: (
    orgId: number,
    body: { month: string; paidOn: string; payments: { memberId: number; paidFen: number }[] },
  ) => api.post<BranchDues>(`/api/dues/orgs/${orgId}/payments`, body),
  warnings: (orgId: number, month: string) =>
    api.get<Warnings>('/api/dues/warnings', { orgId, month, pageSize: 200 }),
};
