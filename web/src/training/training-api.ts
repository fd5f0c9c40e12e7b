// Types and calls of the training API (server/src/training/training.routes.ts).
import { api } from '../api/client.ts';

export type TrainingLevel = 'city_key' | 'county_general' | 'grassroots';
export interface ClassRow {
  id: number;
  title: string;
  level: TrainingLevel;
  provider: string;
  partySchool: boolean;
  startsOn: string;
  endsOn: string;
  org: { id: number; name: string };
  enrolled: number;
}
export interface ClassDetail extends Omit<ClassRow, 'enrolled'> {
  sessions: { id: number; heldOn: string; topic: string; hours: number }[];
  enrollments: {
    id: number;
    kind: 'member' | 'applicant';
    personId: number;
    name: string;
    hours: number;
    days: number;
    sessionIds: number[];
  }[];
}
export interface Progress {
  year: number;
  org: { id: number; name: string };
  trained: number;
  target: number | null;
  rate: number | null;
  children: {
    org: { id: number; name: string };
    trained: number;
    target: number | null;
    rate: number | null;
    members: number;
  }[];
}

export const trainingApi = {
  classes: (year?: number) => api.get<{ items: ClassRow[] }>('/api/training/classes', { year }),
  create: (body: {
    orgId: number;
    title: string;
    level: TrainingLevel;
    provider?: string;
    partySchool?: boolean;
    startsOn: string;
    endsOn: string;
  }) => api.post<ClassDetail>('/api/training/classes', body),
  detail: (id: number) => api.get<ClassDetail>(`/api/training/classes/${id}`),
  addSession: (id: number, body: { heldOn: string; topic: string; hours: number }) =>
    api.post<ClassDetail>(`/api/training/classes/${id}/sessions`, body),
  enroll: (id: number, body: { memberIds?: number[]; applicantIds?: number[] }) =>
    api.post<ClassDetail>(`/api/training/classes/${id}/enrollments`, body),
  attend: (id: number, sessionId: number, attendance: { enrollmentId: number; hours?: number }[]) =>
    api.post<ClassDetail>(`/api/training/classes/${id}/attendance`, { sessionId, attendance }),
  progress: (year: number, orgId?: number) => api.get<Progress>('/api/training/progress', { year, orgId }),
  setTarget: (orgId: number, year: number, target: number) =>
    api.put<{ ok: true }>('/api/training/targets', { orgId, year, target }),
};
