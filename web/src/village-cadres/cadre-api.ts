// Types and calls of the village cadre, reserve, ladder and 换届 API (server/src/village-cadres/*.routes.ts).
import { api, download } from '../api/client.ts';

export interface Finding {
  code: string;
  severity: 'error' | 'warning';
  messageZh: string;
  messageEn: string;
}
export interface Term {
  electedOn: string;
  endsOn: string;
  state: 'ok' | 'due' | 'overdue';
  beyondDelayLimit: boolean;
}
export interface VillageRow {
  org: { id: number; code: string; name: string };
  town: string;
  secretary: string | null;
  director: string | null;
  oneShoulder: boolean;
  term: Term | null;
  representatives: number;
  women: number;
  reserves: number;
  findings: Finding[];
}
export interface VillageCadres {
  org: { id: number; code: string; name: string };
  oneShoulder: boolean;
  term: Term | null;
  posts: {
    cadreId: number;
    name: string;
    gender: string;
    birthDate: string | null;
    education: string;
    partyMember: boolean;
    committee: string;
    post: string;
    postName: string;
    postNameEn: string;
    termStart: string;
    termEnd: string;
  }[];
  representatives: { id: number; name: string; gender: string; groupRole: string; gridName: string | null }[];
  register: {
    gridId: number | null;
    gridName: string | null;
    adults: number;
    households: number;
    asOf: string;
  }[];
  reserves: number;
  findings: Finding[];
}
export interface Reserve {
  id: number;
  org: { id: number; code: string; name: string };
  name: string;
  gender: string;
  education: string;
  partyMember: boolean;
  since: string;
  mentorName: string;
  status: string;
  trainingHours: number;
  mentoring: number;
}
export interface Worker {
  id: number;
  org: { id: number; code: string; name: string };
  gridWorker: boolean;
  name: string;
  tier: number;
  tierName: string;
  grade: number;
  level: number;
  gradeSince: string;
  yearsOfService: number;
  hoursSince: number;
  lastAssessment: string | null;
  promotion: {
    eligible: boolean;
    next: { tier: number; grade: number } | null;
    yearsMetOn: string;
    reasons: { code: string; messageZh: string }[];
  };
}
export interface Round {
  id: number;
  countyCode: string;
  year: number;
  title: string;
  startsOn: string;
  endsOn: string;
  villages: number;
  held: number;
  postponed: number;
  candidates: number;
  disqualified: number;
}
export interface ElectionRow {
  id: number;
  org: { id: number; code: string; name: string };
  town: string;
  year: number;
  plannedOn: string;
  heldOn: string | null;
  status: 'planned' | 'held' | 'postponed';
  delayApprovedUntil: string | null;
  term: Term | null;
  candidates: number;
  cleared: number;
  disqualified: number;
}
export interface ElectionDetail {
  id: number;
  org: { id: number; code: string; name: string };
  year: number;
  roundTitle: string;
  plannedOn: string;
  heldOn: string | null;
  status: string;
  delayApprovedUntil: string | null;
  note: string;
  departments: { code: string; name: string }[];
  negativeList: { code: string; name: string }[];
  candidates: {
    id: number;
    name: string;
    gender: string;
    birthDate: string;
    idNumberMasked: string;
    partyMember: boolean;
    posts: { post: string; name: string }[];
    reviewStatus: 'pending' | 'cleared' | 'disqualified';
    missing: string[];
    reviews: {
      department: string;
      departmentName: string;
      verdict: string;
      negativeItemName: string | null;
      reason: string;
      reviewedOn: string;
    }[];
    electedPost: string | null;
    electedPostName: string | null;
  }[];
}

type Query = Record<string, string | number | boolean | undefined>;
type Page<T> = { items: T[]; total: number };

export const cadreApi = {
  villages: (q: { orgId?: number; q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<VillageRow>>('/api/village-cadres/villages', q as Query),
  village: (id: number) => api.get<VillageCadres>(`/api/village-cadres/orgs/${id}`),
  exportExcel: (q: Query, name: string) => download('/api/village-cadres.xlsx', q, name),
  reserves: (q: { orgId?: number; status?: string; page?: number }) =>
    api.get<Page<Reserve>>('/api/reserve-cadres', q as Query),
  workers: (q: { orgId?: number; tier?: number; gridWorkers?: boolean; page?: number }) =>
    api.get<Page<Worker>>('/api/community-workers', q as Query),
  promote: (id: number, on: string) => api.post(`/api/community-workers/${id}/promote`, { on }),
  rounds: () => api.get<{ items: Round[] }>('/api/election-rounds'),
  elections: (q: { orgId?: number; roundId?: number; status?: string; page?: number }) =>
    api.get<Page<ElectionRow>>('/api/elections', q as Query),
  election: (id: number) => api.get<ElectionDetail>(`/api/elections/${id}`),
  review: (
    candidateId: number,
    body: {
      department: string;
      verdict: 'pass' | 'fail';
      negativeItem?: string;
      reason: string;
      reviewedOn: string;
    },
  ) => api.post<{ reviewStatus: string }>(`/api/election-candidates/${candidateId}/reviews`, body),
};
