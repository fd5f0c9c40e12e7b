// The data key must be the one the personal data was written with. A server with another key would
// answer 500 on every reveal and write data the others cannot read (issue 10 item 6: a second server
// with a new data folder silently made its own key). So at start, after the migrations:
//  - a stored check value (setting 'data_key_check': a known text, SM4-encrypted) must decrypt to
//    that text with this key;
//  - a database with personal data and no check value yet: a few encrypted values must decrypt to
//    what they hold (ID and phone numbers); then the check value is written.
// Otherwise the server refuses to start and names the setting: QJ_DATA_KEY.
import type { Db } from '../db/handle.ts';
import { insertSettingIfAbsent, settingValue } from '../settings/settings.repository.ts';
import { decryptPii, encryptPii } from './crypto.ts';
import { encryptedSamples } from './key-check.repository.ts';

const CHECK_KEY = 'data_key_check';
const CHECK_TEXT = 'qiangji:data-key-check:v1';

export class DataKeyMismatchError extends Error {}

function opens(stored: string, shape: RegExp): boolean {
  try {
    return shape.test(decryptPii(stored));
  } catch {
    return false;
  }
}

const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;
const PHONE = /^[\d+\-() ]{5,24}$/;

/** Throws DataKeyMismatchError (naming QJ_DATA_KEY) when the key cannot read the stored data. */
export async function checkDataKey(db: Db, where: string): Promise<'checked' | 'first'> {
  const stored = ((await settingValue(db, CHECK_KEY)) as { check?: string } | undefined)?.check;
  if (stored) {
    let plain = '';
    try {
      plain = decryptPii(stored);
    } catch {
      plain = '';
    }
    if (plain !== CHECK_TEXT) throw mismatch(where);
    return 'checked';
  }
  for (const s of await encryptedSamples(db)) {
    if (!opens(s.value, s.kind === 'id' ? ID_NUMBER : PHONE)) throw mismatch(where);
  }
  const value = JSON.stringify({ check: encryptPii(CHECK_TEXT), writtenAt: new Date().toISOString() });
  await insertSettingIfAbsent(db, CHECK_KEY, value, '数据密钥校验值（SM4 加密的已知文本）');
  return 'first';
}

function mismatch(where: string): DataKeyMismatchError {
  return new DataKeyMismatchError(
    `QJ_DATA_KEY 与 ${where} 中已加密的个人信息不符，拒绝启动：请把 QJ_DATA_KEY 设为写入这些数据时所用的密钥。` +
      ` / QJ_DATA_KEY does not decrypt the personal data already in ${where}: refusing to start. ` +
      'Set QJ_DATA_KEY to the key the data was written with (every server of one database needs the same key).',
  );
}

/** Why a PostgreSQL server needs QJ_DATA_KEY, with a fresh key to copy. */
export function missingKeyMessage(freshKey: string): string {
  return (
    '使用 PostgreSQL（DATABASE_URL）时必须通过 QJ_DATA_KEY 配置数据密钥（32 位十六进制），同一数据库的所有服务器使用同一密钥。' +
    ` / QJ_DATA_KEY must be set when DATABASE_URL is used: every server of one database needs the same key ` +
    `(32 hex characters). A new database can use this fresh one: QJ_DATA_KEY=${freshKey}`
  );
}
