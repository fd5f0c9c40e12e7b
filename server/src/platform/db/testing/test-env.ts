// Fixed settings of every test run: the SM4 data key and the password of the seeded demo accounts.
import { setDataKey } from '../../crypto/crypto.ts';

export const TEST_DATA_KEY = '00112233445566778899aabbccddeeff';
export const TEST_PASSWORD = process.env.TEST_PASSWORD ?? 'Qiangji@2026';
export const TEST_SCALE = 'test';

export type TestEngine = 'pglite' | 'postgres';

/** What the global setup hands the test files (through Vitest's provide/inject). */
export interface TestTemplates {
  engine: TestEngine;
  /** PGlite: uncompressed `dumpDataDir()` tarballs of a migrated and a migrated+seeded database. */
  pglite?: { empty: string; seeded: string };
  /** PostgreSQL: a URL whose database serves for `create database`, and the two template names. */
  postgres?: { url: string; empty: string; seeded: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    qjTemplates: TestTemplates;
  }
}

export function useTestDataKey(): void {
  setDataKey(TEST_DATA_KEY);
}

/** The engine of the current Vitest project (QJ_TEST_ENGINE), or an error that says how to choose one. */
export function currentEngine(env: Record<string, string | undefined> = process.env): TestEngine {
  const engine = env.QJ_TEST_ENGINE;
  if (engine === 'pglite' || engine === 'postgres') return engine;
  throw new Error(
    `QJ_TEST_ENGINE is ${engine === undefined ? 'not set' : `'${engine}'`}: database tests (*.db.test.ts) run in ` +
      'the Vitest projects db-pglite and db-postgres (npx vitest run --project db-pglite)',
  );
}

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
