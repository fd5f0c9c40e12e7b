// What the village capabilities share (issue 14): the village an id names, settings merged deeply
// over their defaults, and the schema pieces of their routes.
import { type TSchema, Type } from '@sinclair/typebox';
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import {
  Int,
  MultilineText,
  DateOnly as SharedDateOnly,
  Fen as SharedFen,
  Id as SharedId,
  Year as SharedYear,
} from '../platform/http/schemas.ts';
import { readSetting } from '../platform/settings/settings.ts';

/** An org id from a request placed inside the scope (404 outside) and checked to be a village or community. */
export async function verifyVillage(db: Db, actor: Actor, unverifiedId: number, field = 'orgId') {
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
export async function readVillageSetting<T extends object>(db: Db, key: string, defaults: T): Promise<T> {
  const stored = await readSetting<Record<string, unknown>>(db, key, {});
  return mergeDeep(defaults, stored);
}

// ---- schema pieces: the platform's shared types (platform/http/schemas.ts) under the village names ----

/** A real calendar date YYYY-MM-DD. */
export const DateOnly = (description: string) => SharedDateOnly(description);
/** Text without control characters (tab and line breaks allowed: minutes and contents span lines). */
export const Text = (maxLength: number, minLength = 0, description?: string) =>
  MultilineText(maxLength, { minLength, ...(description ? { description } : {}) });
export const Id = (description?: string) => SharedId(description);
export const Count = (maximum = 1_000_000) => Int(0, maximum);
export const Fen = (description = '金额（分）/ amount in fen') => SharedFen(description);
export const Year = () => SharedYear();
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
