// The SQL of case photos, as committed in attachment.repository.sql, on both engines: an upload stored,
// read back by id, and whether its case lies in an actor's scope (a county's own case yes, another's no).
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './attachment.repository.ts';

const snapshot = sqlSnapshot(new URL('./attachment.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('attachment.repository', () => {
  test('an upload stored and read back; a case in scope or not', async () => {
    const { db } = database;
    const account = await db
      .selectFrom('account')
      .innerJoin('org', 'org.id', 'account.scope_org_id')
      .select(['account.id', 'account.username', 'org.county_code'])
      .where('org.level', '=', 'county')
      .orderBy('account.id')
      .executeTakeFirstOrThrow();
    const actor = await accountActor(db, account.username);
    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      const id = await snapshot.record('insertAttachment', k, (d) =>
        repo.insertAttachment(t(d), {
          case_id: null,
          county_code: account.county_code,
          kind: 'photo',
          mime: 'image/png',
          bytes: 8,
          sha256: 'a'.repeat(64),
          storage_key: 'a'.repeat(64),
          uploaded_by: account.id,
        }),
      );
      expect(await snapshot.record('attachmentById', k, (d) => repo.attachmentById(d, id))).toMatchObject({
        id,
        case_id: null,
        mime: 'image/png',
        uploaded_by: account.id,
      });
      expect(await repo.attachmentById(trx, -1)).toBeUndefined();
    });
    const own = await db
      .selectFrom('civic_case')
      .select('id')
      .where('county_code', '=', account.county_code as string)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('civic_case')
      .select('id')
      .where('county_code', '<>', account.county_code as string)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await snapshot.record('caseInScope', db, (d) => repo.caseInScope(d, actor, own.id))).toBe(true);
    expect(await repo.caseInScope(db, actor, other.id)).toBe(false);
  });
});
