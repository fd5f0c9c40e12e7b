// What the village capabilities share (issue 14): the village an id names, settings merged deeply
// over their defaults, and the schema pieces of their routes.
import { type TSchema, Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import { readSetting } from '../platform/settings/settings.ts';

/** An org id from a request placed inside the scope (404 outside) and checked to be a village or community. */
export async function verifyVillage(db: Kysely<DB>, actor: Actor, unverifiedId: number, field = 'orgId') {
  const org = await verifyOrg(db, actor, unverifiedId);
  if (org.level !== 'village' || org.category !== 'territorial' || !org.county_code)
    throw unprocessable(
      'VILLAGE_ORG_REQUIRED',
      `${field}：「${org.name}」不是村（社区）党组织，请选择一个村（社区）。`,
      `${field}: "${org.name}" is not a village or community party organization.`,
      { field, orgId: org.id },
    );
  return { ...org, county_code: org.county_code };
}
export type VillageOrg = Awaited<ReturnType<typeof verifyVillage>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `override` over `defaults`, object by object (arrays and values replace). */
export function mergeDeep<T>(defaults: T, override: unknown): T {
  if (!isPlainObject(defaults) || !isPlainObject(override)) return (override ?? defaults) as T;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(override)) out[k] = k in out ? mergeDeep(out[k], v) : v;
  return out as T;
}

/** A setting with its nested defaults kept where the stored value leaves them out. */
export async function readVillageSetting<T extends object>(
  db: Kysely<DB>,
  key: string,
  defaults: T,
): Promise<T> {
  const stored = await readSetting<Record<string, unknown>>(db, key, {});
  return mergeDeep(defaults, stored);
}

// ---- schema pieces (bounded strings and numbers; the platform's shared types replace them when landed) ----

export const DateOnly = (description: string) =>
  Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    maxLength: 10,
    description: `${description} (YYYY-MM-DD)`,
  });
export const Text = (maxLength: number, minLength = 0, description?: string) =>
  Type.String({ maxLength, minLength, ...(description ? { description } : {}) });
export const Id = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...(description ? { description } : {}) });
export const Count = (maximum = 1_000_000) => Type.Integer({ minimum: 0, maximum });
export const Fen = (description = '金额（分）/ amount in fen') =>
  Type.Integer({ minimum: 0, maximum: 10_000_000_000, description });
export const Year = () => Type.Integer({ minimum: 2000, maximum: 2100, description: '年度 / year' });
export const lit = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const AttachmentIds = Type.Array(Id(), { maxItems: 20, description: '附件编号 / attachment ids' });

/** Response pieces. */
export const Named = Type.Object({ zh: Type.String(), en: Type.String() });
export const OrgRef = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
export const Created = Type.Object({ id: Type.Integer() });
