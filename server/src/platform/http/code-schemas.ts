// The code lists and small shapes that many responses share, one const each (the contract, issue 12):
// a role, a permission, an organization's kind, level and category, a zh/en name, an id with its name.
// A folder's own codes (case states, meeting kinds, recruitment stages) stay in its *-responses.ts.
import { Type } from '@sinclair/typebox';
import { PERMISSIONS } from '../access/permissions.ts';
import type { OrgCategory, OrgKind, OrgLevel, Role } from '../db/schema.ts';
import { Literals } from './schemas.ts';

/** Every member of the union T once: a member left out is a compile error. */
const everyOf =
  <T extends string>() =>
  <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A =>
    values;

export const ROLES = everyOf<Role>()([
  'system_admin',
  'security_admin',
  'audit_admin',
  'org_admin',
  'secretary',
  'grid_worker',
  'department_staff',
  'member',
  'resident',
]);
export const ORG_KINDS = everyOf<OrgKind>()([
  'committee',
  'working_committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'group',
]);
export const ORG_LEVELS = everyOf<OrgLevel>()(['city', 'county', 'town', 'village', 'grid', 'unit']);
export const ORG_CATEGORIES = everyOf<OrgCategory>()([
  'territorial',
  'agency',
  'state_enterprise',
  'school',
  'hospital',
  'new_org',
  'industry_committee',
  'chain_committee',
]);

export const RoleCode = Literals(ROLES);
export const PermissionCode = Literals(PERMISSIONS);
export const OrgKindCode = Literals(ORG_KINDS);
export const OrgLevelCode = Literals(ORG_LEVELS);
export const OrgCategoryCode = Literals(ORG_CATEGORIES);
export const GenderCode = Literals(['male', 'female']);

/** A name in both languages: { zh: '支部党员大会', en: 'branch general assembly' }. */
export const ZhEn = Type.Object({ zh: Type.String(), en: Type.String() });

/** A record named by its id and name (an organization, a member, a department …). */
export const IdName = Type.Object({ id: Type.Number(), name: Type.String() });

/** An instant in a response (a Date serialized by JSON.stringify). */
export const DateTime = Type.String({ format: 'date-time' });

/** { ok: true }: a write that answers nothing more. */
export const Ok = Type.Object({ ok: Type.Boolean() });
