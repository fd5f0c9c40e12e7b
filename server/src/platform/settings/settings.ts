// Configurable rules (RULES.md marks them "configurable"): defaults here, overrides in the setting
// table, changed only by an authorized administrator through the API.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const SECURITY_DEFAULTS = {
  passwordMinLength: 10,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
};
export type SecuritySettings = typeof SECURITY_DEFAULTS;

const cache = new Map<string, { value: unknown; at: number }>();
const TTL_MS = 5_000;

export async function readSetting<T extends object>(db: Kysely<DB>, key: string, defaults: T): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return { ...defaults, ...(hit.value as Partial<T>) };
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const value = (row?.value ?? {}) as Partial<T>;
  cache.set(key, { value, at: Date.now() });
  return { ...defaults, ...value };
}

export async function writeSetting(
  db: Kysely<DB>,
  key: string,
  value: object,
  descriptionZh: string,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value: json, description_zh: descriptionZh })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
  cache.delete(key);
}

export const readSecuritySettings = (db: Kysely<DB>) => readSetting(db, 'security', SECURITY_DEFAULTS);
