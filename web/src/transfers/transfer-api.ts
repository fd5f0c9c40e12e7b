// Types and calls of the transfers API (server/src/transfers/transfer.routes.ts).
import { api } from '../api/client.ts';

export type TransferState = 'issued' | 'received' | 'receipt_returned' | 'withdrawn' | 'refused' | 'expired';
export type TransferAction = 'confirm' | 'return_receipt' | 'withdraw' | 'refuse';

export interface Transfer {
  id: number;
  letterNo: string;
  scope: 'city' | 'province' | 'national';
  state: TransferState;
  direction: 'in' | 'out' | 'both';
  issuedOn: string;
  validUntil: string;
  receivedOn: string | null;
  receiptReturnedOn: string | null;
  closedReason: string | null;
  reason: string;
  expired: boolean;
  receiptOverdue: boolean;
  member: { id: number; name: string; gender: string; idNumberMasked: string; status: string };
  fromOrg: { id: number; name: string };
  toOrg: { id: number; name: string };
  actions: TransferAction[];
}

export interface ReceivingOrg {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentName: string | null;
}

export interface MemberOption {
  id: number;
  name: string;
  idNumberMasked: string;
  orgName: string;
}

export interface MobileMember {
  id: number;
  member: { id: number; name: string; idNumberMasked: string };
  homeOrg: { id: number; name: string };
  inflowOrg: { id: number; name: string } | null;
  side: 'outflow' | 'inflow' | 'both';
  destination: string;
  since: string;
  expectedMonths: number;
  contactPhoneMasked: string;
  state: 'outflow' | 'inflow_confirmed' | 'ended';
  actions: ('confirm_inflow' | 'end')[];
  activities?: { id: number; heldOn: string; kind: string; topic: string; orgName: string }[];
}

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const transferApi = {
  list: (query: Record<string, string | number | undefined>) =>
    api.get<Page<Transfer>>('/api/transfers', query),
  issue: (body: { memberId: number; toOrgId: number; reason?: string }) =>
    api.post<Transfer>('/api/transfers', body),
  act: (id: number, action: TransferAction, reason?: string) =>
    api.post<Transfer>(`/api/transfers/${id}/transitions`, reason ? { action, reason } : { action }),
  receivingOrgs: (q: string) => api.get<ReceivingOrg[]>('/api/transfers/receiving-orgs', { q }),
  members: (orgId: number, q: string) =>
    api.get<Page<MemberOption>>(`/api/orgs/${orgId}/members`, { q, pageSize: 20 }),
  mobileList: (query: Record<string, string | number | undefined>) =>
    api.get<Page<MobileMember>>('/api/mobile-members', query),
  mobileDetail: (id: number) => api.get<MobileMember>(`/api/mobile-members/${id}`),
  registerMobile: (body: Record<string, unknown>) => api.post<MobileMember>('/api/mobile-members', body),
  mobileAct: (id: number, action: 'confirm_inflow' | 'end') =>
    api.post<MobileMember>(`/api/mobile-members/${id}/transitions`, { action }),
  addActivity: (id: number, body: { on: string; kind: string; topic: string }) =>
    api.post<MobileMember>(`/api/mobile-members/${id}/activities`, body),
};
