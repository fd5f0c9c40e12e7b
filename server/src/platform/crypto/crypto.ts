// 国密 at the edges of personal data: SM4 encrypts ID and phone numbers at rest, SM3 keys the lookup
// hash of an ID number and links the audit chain. Libraries: sm-crypto (SM4), hash-wasm (SM3, WASM).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm3 } from 'hash-wasm';
import smCrypto from 'sm-crypto';

let dataKey: string | undefined;

/** Sets the 128-bit SM4 key (32 hex chars). Called once at start. */
export function setDataKey(hexKey: string): void {
  if (!/^[0-9a-f]{32}$/i.test(hexKey))
    throw new Error('QJ_DATA_KEY must be 32 hex characters (128-bit SM4 key)');
  dataKey = hexKey.toLowerCase();
}

/** The key from QJ_DATA_KEY, else the one kept in DATA_DIR/keys.json (created on first start). */
export function loadDataKey(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'keys.json');
  if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { dataKey: string }).dataKey;
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(16).toString('hex');
  fs.writeFileSync(file, JSON.stringify({ dataKey: key }), { mode: 0o600 });
  return key;
}

/** SM3 of the data key (never the key): tells whether a backup was written with the same key. */
export async function dataKeyFingerprint(): Promise<string> {
  return sm3(`qiangji:data-key-fingerprint:${key()}`);
}

/** Whether a data key exists without making one (DATA_DIR/keys.json or QJ_DATA_KEY). */
export function hasDataKey(dataDir: string, fromEnv: string | undefined): boolean {
  return Boolean(fromEnv) || fs.existsSync(path.join(dataDir, 'keys.json'));
}

function key(): string {
  if (!dataKey) throw new Error('data key not set: call setDataKey() at start');
  return dataKey;
}

/** SM4-CBC with a random IV; stored as "ivhex:cipherhex". */
export function encryptPii(plain: string): string {
  const iv = randomBytes(16).toString('hex');
  return `${iv}:${smCrypto.sm4.encrypt(plain, key(), { mode: 'cbc', iv }) as string}`;
}

export function decryptPii(stored: string): string {
  const [iv, cipher] = stored.split(':');
  if (!iv || !cipher) throw new Error('not an encrypted value');
  return smCrypto.sm4.decrypt(cipher, key(), { mode: 'cbc', iv }) as string;
}

/** Keyed SM3 of a normalized ID number: unique index without storing the number in clear. */
export async function piiHash(plain: string): Promise<string> {
  return sm3(`${key()}:${plain.toUpperCase()}`);
}

export function sm3Hex(text: string): Promise<string> {
  return sm3(text);
}
