// The SQL of the intake, as committed in case-intake.repository.sql, on both engines, in a transaction
// rolled back: the case number's sequence, the case row, its photos (only the reporter's own, not yet
// linked), its first step, the dispatchers' notifications, and the replay of an idempotency key.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as repo from './case-intake.repository.ts';

const snapshot = sqlSnapshot(new URL('./case-intake.repository.sql', import.meta.url));
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

const asTrx = (d: Kysely<DB>) => d as Transaction<DB>;

describe('case-intake.repository', () => {
  test('a case reported: number, row, photos, first step, notifications, then its replay', async () => {
    const { db } = database;
    // the place of a seeded case: its grid, village, town and county
    const place = await db
      .selectFrom('civic_case')
      .select(['grid_id', 'village_org_id', 'town_org_id', 'county_code'])
      .where('grid_id', 'is not', null)
      .where('village_org_id', 'is not', null)
      .where('town_org_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const reporter = await db
      .selectFrom('account')
      .select('id')
      .where('role', '=', 'grid_worker')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const other = await db
      .selectFrom('account')
      .select('id')
      .where('id', '<>', reporter.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const dispatchers = await db
      .selectFrom('account')
      .select('id')
      .where('scope_org_id', 'in', [place.village_org_id as number, place.town_org_id as number])
      .where('role', 'in', ['org_admin', 'secretary'])
      .where('disabled', '=', false)
      .execute();
    expect(dispatchers.length).toBeGreaterThan(0);

    await rolledBack(db, async (trx) => {
      const k: Kysely<DB> = trx;
      const seq = await snapshot.record('nextCaseSeq', k, (d) => repo.nextCaseSeq(asTrx(d)));
      expect(seq).toBeGreaterThan(0);
      const caseNo = `T${String(seq).padStart(10, '0')}`;
      const at = new Date();
      const inserted = await snapshot.record('insertCase', k, (d) =>
        repo.insertCase(asTrx(d), {
          case_no: caseNo,
          channel: 'grid_worker',
          client_request_id: 'intake-test-request',
          title: '路灯不亮',
          grid_id: place.grid_id,
          village_org_id: place.village_org_id,
          town_org_id: place.town_org_id,
          county_code: place.county_code,
          reporter_account_id: reporter.id,
          step: 'dispatch',
          step_started_at: at,
          created_at: at,
          updated_at: at,
        }),
      );
      expect(inserted).toMatchObject({ case_no: caseNo, state: 'reported' });

      // two uploads: the reporter's own is linked, another account's is not
      const upload = (uploadedBy: number, n: number) =>
        trx
          .insertInto('case_attachment')
          .values({
            kind: 'photo',
            mime: 'image/jpeg',
            bytes: 10,
            sha256: String(n).repeat(64),
            storage_key: `test/${n}`,
            uploaded_by: uploadedBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const own = await upload(reporter.id, 1);
      const foreign = await upload(other.id, 2);
      const linked = await snapshot.record('linkPhotos', k, (d) =>
        repo.linkPhotos(asTrx(d), inserted.id, place.county_code, [own.id, foreign.id], reporter.id),
      );
      expect(linked).toEqual([own.id]);

      await snapshot.record('insertStep', k, (d) =>
        repo.insertStep(asTrx(d), {
          case_id: inserted.id,
          county_code: place.county_code,
          action: 'report',
          from_state: null,
          to_state: 'reported',
          actor_id: reporter.id,
          actor_role: 'grid_worker',
          details: JSON.stringify({ channel: 'grid_worker' }),
          at,
        }),
      );
      await snapshot.record('notifyDispatchers', k, (d) =>
        repo.notifyDispatchers(
          asTrx(d),
          inserted.id,
          [place.village_org_id as number, place.town_org_id as number],
          `新案件 ${caseNo}`,
          '路灯不亮',
        ),
      );
      const notified = await trx
        .selectFrom('notification')
        .select('account_id')
        .where('case_id', '=', inserted.id)
        .execute();
      expect(notified.map((n) => n.account_id).sort()).toEqual(dispatchers.map((d) => d.id).sort());

      // the replay: by client request id (and by an external system's id, none here)
      expect(
        await snapshot.record('caseOfKey client request', k, (d) =>
          repo.caseOfKey(d, { system: null, id: 'intake-test-request' }),
        ),
      ).toMatchObject({ id: inserted.id, case_no: caseNo });
      expect(
        await snapshot.record('caseOfKey external', k, (d) =>
          repo.caseOfKey(d, { system: '12345', id: 'intake-test-request' }),
        ),
      ).toBeUndefined();
    });
  });
});
