// Shapes of the foundation API (docs/api-foundation.md). Ids are numbers, dates YYYY-MM-DD.
// Where docs/openapi.json declares a shape, the type is the contract's (contract.ts, generated
// schema.d.ts); the rest are kept here by hand until their routes declare their answers.
import type { QueryOf, RequestBody, ResponseOf } from './contract.ts';

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
  | 'member:manage'
  | 'account:manage'
  | 'security:manage'
  | 'audit:read'
  | 'case:read'
  | 'case:report'
  | 'case:act'
  | 'patrol:checkin'
  | 'patrol:read'
  | 'recruitment:manage'
  | 'meeting:read'
  | 'meeting:record'
  | 'checklist:publish'
  | 'transfer:manage'
  | 'member:self'
  | 'dues:manage'
  | 'training:manage'
  | 'assessment:read'
  | 'assessment:manage'
  | 'assessment:submit'
  | 'village:read'
  | 'village:manage'
  | 'village:supervise';

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

/** One org of the tree (GET /api/orgs/tree), as the contract answers it. */
export type OrgNode = ResponseOf<'/api/orgs/tree', 'get'>['nodes'][number];

export interface OrgSearchItem extends OrgNode {
  pathNames: string[];
}

/** GET /api/orgs/{id}, as the contract answers it. */
export type OrgDetail = ResponseOf<'/api/orgs/{id}', 'get'>;

/** A row of an org's member list (GET /api/orgs/{id}/members), as the contract answers it. */
export type MemberRow = ResponseOf<'/api/orgs/{id}/members', 'get'>['items'][number];

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
  actorId: number | null;
  actorUsername: string;
  /** The account's display name (null when the account is gone or the actor was the system). */
  actorName: string | null;
  role: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** What was touched, by name (a person, a case's number and title …); null when it has none. */
  targetName: string | null;
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
  /** 三员分立: a new account waits for the security administrator's approval */
  approval?: 'pending' | 'approved' | 'rejected';
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

// —— Cases (docs/api-cases.md)

export type CaseState =
  | 'reported'
  | 'filed'
  | 'rejected'
  | 'dispatched'
  | 'in_handling'
  | 'returned'
  | 'extension_requested'
  | 'escalated'
  | 'handled'
  | 'closed'
  | 'evaluated'
  | 'reopened';

/** What a transition does (the contract's enum). */
export type CaseAction = CaseTransitionInput['action'];

export type CaseChannel = NonNullable<QueryOf<'/api/cases', 'get'>['channel']>;
export type Light = 'green' | 'yellow' | 'red';
export type SupervisionLevel = NonNullable<CaseTransitionInput['supervision']> | 'none';
export type Evaluation = NonNullable<CaseTransitionInput['evaluation']>;
export type RejectReason = NonNullable<CaseTransitionInput['rejectReason']>;
export type LimitUnit = NonNullable<CaseTransitionInput['extension']>['unit'];
export type SummonsState = 'summoned' | 'reported' | 'done';

export interface CaseCategories {
  classes: {
    code: string;
    name: string;
    kind: string;
    subcategories: { code: string; name: string; urgent: boolean; departmentKind: string }[];
  }[];
}

export interface CaseRow {
  id: number;
  caseNo: string;
  title: string;
  state: CaseState;
  stateName: string;
  channel: CaseChannel;
  categoryCode: string | null;
  categoryName: string | null;
  gridName: string | null;
  townName: string | null;
  departmentName: string | null;
  urgent: boolean;
  createdAt: string;
  stepDeadline: string | null;
  light: Light | null;
  supervision: SupervisionLevel;
  version: number;
  /** Not in the contract's CaseRow yet; the map tab draws rows that carry them. */
  lng?: number | null;
  lat?: number | null;
}

export interface CaseStepRow {
  action: CaseAction | 'report' | string;
  actionName: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  actorName: string | null;
  actorRole: string | null;
  note: string | null;
  attachments: (number | string)[];
  at: string;
}

export interface SummonsPartRow {
  departmentId: number;
  departmentName: string;
  state: SummonsState;
  reportDeadline: string | null;
  reportedAt: string | null;
  doneAt: string | null;
  late: boolean;
}

export interface CaseDetail extends CaseRow {
  description: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  reporter: { nameMasked: string | null; phoneMasked: string | null } | null;
  grid: { id: number; code: string; name: string } | null;
  village: { id: number; name: string } | null;
  counters: { redispatch: number; rework: number; extension: number; reopen: number };
  evaluation: Evaluation | null;
  allowedActions: CaseAction[];
  summons: SummonsPartRow[];
  steps: CaseStepRow[];
  photos: (number | string)[];
}

/** The body of POST /api/cases/{id}/transitions. */
export type CaseTransitionInput = RequestBody<'/api/cases/{id}/transitions', 'post'>;

/** The body of POST /api/cases. */
export type NewCaseInput = RequestBody<'/api/cases', 'post'>;

export interface Attachment {
  id: number;
  mime: string;
  bytes: number;
  sha256: string;
}

export interface CaseSuggestion {
  categories: { code: string; name: string; score: number }[];
  departments: { id: number; name: string }[];
  duplicates: { id: number; caseNo: string; title: string; distanceM: number; createdAt: string }[];
}

export interface Department {
  id: number;
  code?: string;
  name: string;
  kind?: string;
  countyCode?: string;
}

export interface PublicCase {
  caseNo: string;
  state: CaseState;
  stateName: string;
  category: string | null;
  createdAt: string;
  closedAt: string | null;
  steps: { action: string; actionName: string; at: string }[];
}

export interface CaseRates {
  responseRate: number | null;
  onTimeHandlingRate: number | null;
  closeRate: number | null;
  onTimeCloseRate: number | null;
  reworkRate: number | null;
  satisfactionRate: number | null;
}

export interface CaseStats {
  total: number;
  byChannel: Partial<Record<CaseChannel | string, number>>;
  byCategory: { code: string; name: string; n: number }[];
  rates: CaseRates;
  avgHandlingHours: number | null;
  byLight: { green: number; yellow: number; red: number };
}
