// Types and calls of one member (server/src/members/member-profile.routes.ts) and the reveal.
import { api, request } from '../api/client.ts';

export interface MemberView {
  id: number;
  name: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string;
  education: string;
  occupation: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  convertedOn: string | null;
  orgId: number;
  orgName: string;
}

export interface MemberProfile extends MemberView {
  org: { id: number; code: string; name: string; chain: { id: number; name: string }[] };
  history: {
    orgId: number;
    orgName: string;
    startedOn: string | null;
    endedOn: string | null;
    reason: 'register' | 'transfer_in' | 'transfer_out';
    transferId: number | null;
    recorded: boolean;
  }[];
  transfers: {
    id: number;
    letterNo: string;
    state: string;
    scope: string;
    issuedOn: string;
    validUntil: string;
    receivedOn: string | null;
    closedOn: string | null;
    fromOrgName: string;
    toOrgName: string;
  }[];
  recruitment: { id: number; appliedOn: string; stage: string; status: string; orgName: string } | null;
}

export interface NewMember {
  name: string;
  idNumber: string;
  ethnicity: string;
  phone: string;
  education: string;
  occupation: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  convertedOn?: string | undefined;
}

export type MemberPatch = Partial<
  Pick<NewMember, 'name' | 'ethnicity' | 'phone' | 'education' | 'occupation'> & {
    convertedOn: string | null;
  }
>;

/** One problem of a refused add or edit (422 MEMBER_INVALID: details.problems). */
export interface MemberProblem {
  field: string;
  code: string;
  message_zh: string;
  message_en: string;
}

export const memberApi = {
  profile: (id: number) => api.get<MemberProfile>(`/api/members/${id}`),
  add: (orgId: number, body: NewMember) => api.post<MemberView>(`/api/orgs/${orgId}/members`, body),
  edit: (id: number, patch: MemberPatch) =>
    request<{ changed: string[]; member: MemberView }>('PATCH', `/api/members/${id}`, patch),
  reveal: (id: number, field: 'idNumber' | 'phone') =>
    api.post<{ value: string }>(`/api/members/${id}/reveal`, { field }),
};
