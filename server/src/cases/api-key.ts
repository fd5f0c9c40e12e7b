// API keys of external systems (12345, 110, 信访 …): random high-entropy strings, stored only as their
// SHA-256 (a slow password hash is not needed for 256-bit random keys, and the lookup stays one index probe).
import { createHash, createHmac } from 'node:crypto';
import type { Db } from '../platform/db/handle.ts';
import { unauthorized } from '../platform/errors/errors.ts';
import type { ApiCaller } from '../platform/http/route.ts';
import { activeSystemByKeyHash } from './external-system.repository.ts';

export const API_KEY_HEADER = 'x-api-key';

export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The demo key of an external system: deterministic from the demo seed, so it can be printed at start. */
export function demoApiKey(systemCode: string, seed: number): string {
  return `qj_${systemCode}_${createHmac('sha256', `qiangji-demo-${seed}`).update(systemCode).digest('hex').slice(0, 32)}`;
}

export async function verifyApiKey(db: Db, key: unknown): Promise<ApiCaller> {
  if (typeof key !== 'string' || key.length < 16 || key.length > 200) {
    throw unauthorized(
      'API_KEY_REQUIRED',
      `请在请求头 ${API_KEY_HEADER} 中提供对接系统的接口密钥。`,
      `Send the external system's API key in the ${API_KEY_HEADER} header.`,
    );
  }
  const row = await activeSystemByKeyHash(db, apiKeyHash(key));
  if (!row) {
    throw unauthorized('API_KEY_INVALID', '接口密钥无效或已停用。', 'The API key is invalid or disabled.');
  }
  return row;
}
