// SQL of the setting table: one JSON value per key (the configurable rules, the data key's check value).
import type { Db } from '../db/handle.ts';

/** The stored value of a key; undefined when the key was never written. */
export async function settingValue(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Writes a key's value (JSON text), replacing the stored one. */
export async function upsertSetting(db: Db, key: string, json: string, descriptionZh: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value: json, description_zh: descriptionZh })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/** Writes a key's value unless the key is there already (the first writer wins). */
export async function insertSettingIfAbsent(
  db: Db,
  key: string,
  json: string,
  descriptionZh: string,
): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value: json, description_zh: descriptionZh })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
