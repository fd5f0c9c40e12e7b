// Passwords: argon2id (hash-wasm, WebAssembly: no native addon), encoded in the PHC string format.
import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';

const PARAMS = { parallelism: 1, iterations: 3, memorySize: 19456, hashLength: 32 } as const; // OWASP minimum

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ ...PARAMS, password, salt: randomBytes(16), outputType: 'encoded' });
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    return false;
  }
}
