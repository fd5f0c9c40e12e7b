// Types and calls of the organizational-life API (server/src/meetings/meeting.routes.ts).
import { api } from '../api/client.ts';

export const MEETING_KINDS = [
  'general_assembly',
  'committee_meeting',
  'group_meeting',
  'lecture',
  'theme_day',
  'life_meeting',
  'member_appraisal',
  'first_topic',
  'study_group',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type AttendanceStatus = 'present' | 'absent' | 'on_leave';
export type ComplianceStatus = 'compliant' | 'due' | 'overdue';

export interface MeetingRow {
  id: number;
  orgId: number;
  orgName: string;
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  place: string;
  expected: number;
  present: number;
  quorumMet: boolean;
  counts: boolean;
}

export interface MeetingDetail extends MeetingRow {
  host: string;
  minutes: string;
  photos: string[];
  attendance: { memberId: number; name: string; status: AttendanceStatus; reason: string }[];
}

export interface Attendee {
  id: number;
  name: string;
  status: 'probationary' | 'full';
  orgName: string;
}

export interface Missing {
  kind: MeetingKind;
  period: string;
  status: 'due' | 'overdue';
  count: number;
}

export interface ComplianceCounts {
  branches: number;
  compliant: number;
  due: number;
  overdue: number;
}

export interface ComplianceReport {
  org: { id: number; name: string; level: string; holdsOrgLife: boolean };
  asOf: string;
  self: {
    status: ComplianceStatus;
    missing: Missing[];
    kinds: {
      kind: MeetingKind;
      status: ComplianceStatus;
      frequency: { per: 'month' | 'quarter' | 'year'; times: number };
      current: { period: { label: string }; held: number };
    }[];
  } | null;
  totals: ComplianceCounts;
  children: (ComplianceCounts & { org: { id: number; name: string; level: string } })[];
  failing: { id: number; name: string; status: ComplianceStatus; missing: Missing[] }[];
}

export interface MeetingInput {
  orgId: number;
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  place?: string;
  host?: string;
  minutes?: string;
  attendance: { memberId: number; status: AttendanceStatus; reason?: string }[];
}

export interface ChecklistItem {
  id: number;
  seq: number;
  title: string;
  description: string;
  kinds: MeetingKind[];
  dueOn: string;
}

export interface Checklist {
  id: number;
  month: string;
  title: string;
  note: string;
  status: 'draft' | 'published';
  targetCount: number;
  issuerOrgId: number;
  issuerName: string;
  canPublish: boolean;
  items: ChecklistItem[];
  tasks: number;
  done: number;
  rate: number;
}

export interface ChecklistInput {
  month: string;
  title: string;
  note?: string;
  items: { title: string; description?: string; kinds?: MeetingKind[]; dueOn?: string }[];
  publish?: boolean;
}

export interface RateRow {
  branches: number;
  branchesDone: number;
  branchesOverdue: number;
  tasks: number;
  done: number;
  rate: number;
}

export interface Completion {
  checklist: { id: number; title: string; month: string; issuerName: string };
  org: { id: number; name: string; level: string };
  totals: RateRow;
  own: RateRow | null;
  children: (RateRow & { org: { id: number; name: string; level: string } })[];
}

export interface Task {
  id: number;
  checklistId: number;
  month: string;
  checklistTitle: string;
  issuerName: string;
  seq: number;
  title: string;
  description: string;
  kinds: MeetingKind[];
  dueOn: string;
  doneOn: string | null;
  meetingId: number | null;
  meetingTopic: string | null;
  meetingHeldOn: string | null;
  overdue: boolean;
}

export const meetingApi = {
  list: (query: { orgId?: number; kind?: MeetingKind; page?: number; pageSize?: number }) =>
    api.get<{ org: { id: number; name: string }; items: MeetingRow[]; total: number }>(
      '/api/meetings',
      query,
    ),
  detail: (id: number) => api.get<MeetingDetail>(`/api/meetings/${id}`),
  record: (input: MeetingInput) => api.post<MeetingDetail>('/api/meetings', input),
  attendees: (orgId: number) =>
    api.get<{ org: { id: number; name: string; holdsOrgLife: boolean }; items: Attendee[] }>(
      `/api/meetings/orgs/${orgId}/attendees`,
    ),
  compliance: (orgId: number) => api.get<ComplianceReport>(`/api/meetings/orgs/${orgId}/compliance`),
  checklists: (month?: string) => api.get<{ items: Checklist[] }>('/api/checklists', { month }),
  compose: (input: ChecklistInput) => api.post<Checklist>('/api/checklists', input),
  publish: (checklistId: number) => api.post<{ targets: number }>('/api/checklists/publish', { checklistId }),
  completion: (checklistId: number, orgId?: number) =>
    api.get<Completion>('/api/checklists/completion', { checklistId, orgId }),
  overdue: (checklistId: number, orgId?: number) =>
    api.get<{ items: { id: number; name: string; overdue: number; remindedAt: string | null }[] }>(
      '/api/checklists/overdue',
      { checklistId, orgId },
    ),
  remind: (checklistId: number, orgId?: number) =>
    api.post<{ notified: number; tasks: number }>('/api/checklists/remind', { checklistId, orgId }),
  tasks: (orgId: number, month?: string) =>
    api.get<{ org: { id: number; name: string }; today: string; items: Task[] }>('/api/checklists/tasks', {
      orgId,
      month,
    }),
  markDone: (taskId: number, meetingId: number) =>
    api.post<{ id: number; doneOn: string }>('/api/checklists/tasks/done', { taskId, meetingId }),
};
