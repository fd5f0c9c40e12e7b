// Types and calls of the 双报到 API (server/src/transfers/community.routes.ts).
import { api } from '../api/client.ts';

export type Assessment = 'excellent' | 'good' | 'fair' | 'poor';
export const ASSESSMENTS: Assessment[] = ['excellent', 'good', 'fair', 'poor'];
export type ReporterKind = 'member' | 'unit';

export interface Report {
  id: number;
  community: { id: number; name: string; shortName: string };
  reporterKind: ReporterKind;
  reporter: { id: number; name: string; idNumberMasked: string | null; orgName: string | null };
  year: number;
  reportedOn: string;
  note: string;
  hours: number;
  serviceCount: number;
  lastServedOn: string | null;
  assessment: Assessment | null;
  assessedOn: string | null;
  canAssess: boolean;
}

export interface Figures {
  reporters: number;
  members: number;
  units: number;
  hours: number;
  membersMeetingTarget: number;
  inactive: number;
  assessments: Record<Assessment | 'none', number>;
}

export interface ByCommunity {
  year: number;
  targetHours: number;
  assessmentOpen: boolean;
  myCommunity: { id: number; name: string } | null;
  totals: Figures & { communities: number };
  items: (Figures & {
    community: { id: number; name: string; shortName: string; townName: string | null };
  })[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Service {
  id: number;
  servedOn: string;
  hours: number;
  content: string;
  recordedBy: string | null;
}

export interface FoundMember {
  id: number;
  name: string;
  idNumberMasked: string;
  orgName: string;
  occupation: string;
  inService: boolean;
  reportedThisYear: boolean;
}

export interface OrgOption {
  id: number;
  code: string;
  name: string;
  unitName?: string | null;
  parentName: string | null;
}

export interface ListQuery {
  year: number;
  communityOrgId?: number | undefined;
  reporterKind?: ReporterKind | undefined;
  q?: string | undefined;
  assessment?: Assessment | 'none' | undefined;
  sort?: 'reportedOn' | 'hours' | 'name' | undefined;
}

type Page<T> = { year: number; items: T[]; total: number; page: number; pageSize: number };

export interface ReportBody {
  communityOrgId: number;
  memberId?: number;
  idNumber?: string;
  unitOrgId?: number;
  reportedOn?: string;
  note?: string;
}

export const communityApi = {
  list: (query: ListQuery & { page: number; pageSize: number }) =>
    api.get<Page<Report>>('/api/community-reports', { ...query }),
  byCommunity: (query: { year: number; q?: string; page: number; pageSize: number }) =>
    api.get<ByCommunity>('/api/community-reports/by-community', query),
  services: (reportId: number) =>
    api.get<{ report: Report; services: Service[] }>('/api/community-reports/services', { reportId }),
  lookup: (communityOrgId: number, idNumber: string) =>
    api.get<FoundMember>('/api/community-reports/member-lookup', { communityOrgId, idNumber }),
  communities: (q: string) => api.get<OrgOption[]>('/api/community-reports/community-options', { q }),
  units: (q: string) => api.get<OrgOption[]>('/api/community-reports/unit-options', { q }),
  report: (body: ReportBody) => api.post<{ id: number }>('/api/community-reports', body),
  addService: (body: { reportId: number; servedOn: string; hours: number; content: string }) =>
    api.post<{ id: number }>('/api/community-reports/service-hours', body),
  assess: (reportId: number, assessment: Assessment) =>
    api.post<{ id: number }>('/api/community-reports/assessments', { reportId, assessment }),
};
