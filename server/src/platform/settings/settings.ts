// Configurable rules (RULES.md marks them "configurable"): defaults here, overrides in the setting
// table, changed only by an authorized administrator through the API.
import type { Db } from '../db/handle.ts';
import { settingValue, upsertSetting } from './settings.repository.ts';

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

export async function readSetting<T extends object>(db: Db, key: string, defaults: T): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return { ...defaults, ...(hit.value as Partial<T>) };
  const value = ((await settingValue(db, key)) ?? {}) as Partial<T>;
  cache.set(key, { value, at: Date.now() });
  return { ...defaults, ...value };
}

export async function writeSetting(db: Db, key: string, value: object, descriptionZh: string): Promise<void> {
  const json = JSON.stringify(value);
  await upsertSetting(db, key, json, descriptionZh);
  cache.delete(key);
}

export const readSecuritySettings = (db: Db) => readSetting(db, 'security', SECURITY_DEFAULTS);
