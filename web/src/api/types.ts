// Shapes of the foundation API (docs/api-foundation.md). Ids are numbers, dates YYYY-MM-DD.

export type Role =
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | 'org_admin'
  | 'secretary'
  | 'grid_worker'
  | 'department_staff'
  | 'member'
  | 'resident';

export type Permission =
  | 'org:read'
  | 'grid:read'
  | 'member:read'
  | 'member:read_pii'
  | 'account:manage'
  | 'security:manage'
  | 'audit:read';

export type OrgKind =
  | 'committee'
  | 'working_committee'
  | 'general_branch'
  | 'branch'
  | 'joint_branch'
  | 'temporary_branch'
  | 'group';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roles?: Role[];
  mustChangePassword: boolean;
}

export interface Scope {
  id: number;
  code: string;
  name: string;
  shortName?: string | null;
  level: string;
  category: string | null;
}

export interface Me {
  account: Account;
  scope: Scope;
  permissions: Permission[];
  csrfToken: string | null;
  demoMode: boolean;
}

export interface LoginResult {
  account: Account;
  csrfToken: string;
}

export interface OrgNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  level: string;
  category: string | null;
  memberCount: number;
  gridCount: number;
  householdCount: number;
  childCount: number;
}

export interface OrgSearchItem extends OrgNode {
  pathNames: string[];
}

export interface OrgDetail {
  org: OrgNode & {
    divisionCode: string | null;
    unitName: string | null;
    uscc: string | null;
    countyCode: string | null;
  };
  ancestors: { id: number; code: string; name: string }[];
  childKinds: Partial<Record<OrgKind, number>>;
}

export interface MemberRow {
  id: number;
  name: string;
  gender: string;
  birthDate: string | null;
  idNumberMasked: string;
  phoneMasked: string;
  status: string;
  joinedOn: string | null;
  orgId: number;
  orgName: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export interface CountyFeature {
  type: 'Feature';
  properties: { code: string; name: string; inScope: boolean };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface CountyCollection {
  type: 'FeatureCollection';
  features: CountyFeature[];
}

export interface MapGrid {
  id: number;
  code: string;
  name: string;
  countyCode: string;
  households: number;
  boundary: [number, number][][];
}

export interface MapGrids {
  bbox: [number, number, number, number];
  grids: MapGrid[];
}

export interface GridDetail {
  grid: {
    id: number;
    code: string;
    name: string;
    householdCount: number;
    residentCount: number;
    countyCode: string;
    center: [number, number];
  };
  org: { id: number; code: string; name: string; kind: OrgKind } | null;
  village: { id: number; code: string; name: string } | null;
  town: { id: number; name: string } | null;
  county: { id: number; name: string } | null;
  workers: { id: number; name: string; phoneMasked: string; kind: 'full_time' | 'part_time' }[];
}

export interface AuditRow {
  id: number;
  at: string;
  actorUsername: string;
  role: string;
  action: string;
  targetType: string;
  targetId: string | null;
  clientIp: string | null;
  before: unknown;
  after: unknown;
}

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  scopeOrgName: string;
  locked: boolean;
  disabled: boolean;
  mustChangePassword: boolean;
}

export interface SecuritySettings {
  passwordMinLength: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  passwordMaxAgeDays: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}
