// What each role may do. A route declares one permission; this table is the whole policy.
import * as contract from '../../../../contract/people-names.ts';
import type { Exactly } from '../../../../contract/zh-en.ts';
import type { Role } from '../db/schema.ts';

export const PERMISSIONS = [
  'org:read',
  'grid:read',
  'member:read',
  'member:read_pii',
  /** add members to the register (Excel import) */
  'member:manage',
  'account:manage',
  'security:manage',
  'audit:read',
  'case:report',
  'case:read',
  'case:act',
  /** retrain the dispatcher's classifier (a city-level scope is checked by the route) */
  'case:train_classifier',
  'patrol:checkin',
  'patrol:read',
  'recruitment:manage',
  /** organizational life: read a branch's meetings, compliance and checklist tasks */
  'meeting:read',
  /** record a meeting with its sign-in; mark a checklist item done with it */
  'meeting:record',
  /** compose and publish the monthly checklist (the city or a county: checked by the service) */
  'checklist:publish',
  /** 组织关系转接, 流动党员 and 双报到 (issue 5 item 3): the receiving org sees incoming transfers */
  'transfer:manage',
  /** 党费: rate table (the city: checked by the service), bases, payments, arrears, warnings */
  'dues:manage',
  /** 培训 / 党校: classes, sessions, enrollment, attendance, 万名党员进党校 progress */
  'training:manage',
  /** a member's own records (我的档案): only the member row linked to the account */
  'member:self',
  /** 考核、擂台赛、软弱涣散、村集体经济 (issue 15): read the grading, contests, ledgers and incomes of the scope */
  'assessment:read',
  /** run, review, approve and publish the grading, decide appeals, run contests, list weak orgs and keep
   *  their ledgers, record collective incomes (the level — town, county, city — is checked by the service) */
  'assessment:manage',
  /** a village's own part: appeal its secretary's assessment, enter a contest */
  'assessment:submit',
  /** village decisions, 村务公开, the power list and its use, cadres and 换届 of the scope (issue 14) */
  'village:read',
  /** a village records its matters, publications, power use, replies, representatives and reserves */
  'village:manage',
  /** towns and counties: power lists, election calendars, 联审, cadre terms, the career ladder, flag reviews */
  'village:supervise',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 三员分立: system, security and audit administrators hold disjoint powers and no business data. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ['account:manage'],
  security_admin: ['security:manage'],
  audit_admin: ['audit:read'],
  org_admin: [
    'org:read',
    'grid:read',
    'member:read',
    'member:read_pii',
    'member:manage',
    'case:report',
    'case:read',
    'case:act',
    'case:train_classifier',
    'recruitment:manage',
    'transfer:manage',
    'patrol:read',
    'meeting:read',
    'meeting:record',
    'checklist:publish',
    'dues:manage',
    'training:manage',
    'assessment:read',
    'assessment:manage',
    'village:read',
    'village:manage',
    'village:supervise',
  ],
  secretary: [
    'org:read',
    'grid:read',
    'member:read',
    'member:read_pii',
    'member:manage',
    'case:report',
    'case:read',
    'case:act',
    'recruitment:manage',
    'transfer:manage',
    'patrol:read',
    'meeting:read',
    'meeting:record',
    'dues:manage',
    'training:manage',
    'assessment:read',
    'assessment:submit',
    'village:read',
    'village:manage',
  ],
  grid_worker: [
    'org:read',
    'grid:read',
    'case:report',
    'case:read',
    'case:act',
    'patrol:checkin',
    'patrol:read',
  ],
  // Each role reads only what its work needs. Department staff read and act only on the cases
  // dispatched or summoned to their department (scope.ts), a member only their own records, a
  // resident only the cases they reported: none of them reads the org register, its counts or the
  // org checks of the county their account hangs under (no 'org:read').
  department_staff: ['case:read', 'case:act'],
  member: ['member:self'],
  resident: ['case:report', 'case:read', 'case:act'],
};

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

/** The roles' Chinese names (contract/people-names.ts, which the web reads too). */
export const ROLE_NAMES: Exactly<Role, typeof contract.ROLE_NAMES> = contract.ROLE_NAMES;

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
