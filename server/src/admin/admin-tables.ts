// Kysely types of server/migrations/0023_role_requests.sql, merged into DB (platform/db/schema.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from '../platform/db/schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type AccountApproval = 'pending' | 'approved' | 'rejected';
export type RoleRequestKind = 'create' | 'change';
export type RoleRequestState = 'pending' | 'approved' | 'rejected';

export interface AccountRoleRequestTable {
  id: Generated<number>;
  account_id: number;
  kind: RoleRequestKind;
  from_role: Role | null;
  from_scope_org_id: number | null;
  role: Role;
  scope_org_id: number;
  reason: Generated<string>;
  state: Generated<RoleRequestState>;
  requested_by: number;
  requested_at: DefaultTimestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
}

export interface AdminDB {
  account_role_request: AccountRoleRequestTable;
}

export type AccountRoleRequest = Selectable<AccountRoleRequestTable>;
