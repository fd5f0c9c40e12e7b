// The SQL of mobile members, as committed in mobile-member.repository.sql, on both engines: the reads of
// a village secretary, and a registration's writes in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { shanghaiToday } from '../platform/time/calendar.ts';
import * as repo from './mobile-member.repository.ts';

const snapshot = sqlSnapshot(new URL('./mobile-member.repository.sql', import.meta.url));
const today = shanghaiToday();
let database: Database;
let actor: Actor;
let member: { id: number; org_id: number; county_code: string | null };
let inflow: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const village = await db
    .selectFrom('org')
    .select(['code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 10)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  actor = await accountActor(db, village.code);
  member = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.org_id', 'member.county_code'])
    .where('org.path', 'like', `${village.path}%`)
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
  inflow = await db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'branch')
    .where('path', 'not like', `${village.path}%`)
    .orderBy('path')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  await database?.close();
});

describe('mobile-member.repository', () => {
  test('reads: a page, one registration, its activities, an inflow org', async () => {
    const { db } = database;
    const page = await snapshot.record('mobilePage', db, (d) =>
      repo.mobilePage(
        d,
        actor,
        { side: { side: 'outflow', pattern: `${actor.scopePath}%` }, state: 'outflow' },
        1,
        20,
      ),
    );
    expect(page.total).toBe(page.rows.length);
    expect(await snapshot.record('mobileById', db, (d) => repo.mobileById(d, actor, -1))).toBeUndefined();
    expect(await snapshot.record('activitiesOf', db, (d) => repo.activitiesOf(d, -1))).toEqual([]);
    expect(await snapshot.record('isInflowTarget', db, (d) => repo.isInflowTarget(d, actor, inflow.id))).toBe(
      true,
    );
  });

  test('writes: register, confirm, an activity (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      expect(
        await snapshot.record('openRegistration', k, (d) => repo.openRegistration(t(d), member.id)),
      ).toBeUndefined();
      const row = await snapshot.record('insertRegistration', k, (d) =>
        repo.insertRegistration(t(d), {
          member_id: member.id,
          county_code: member.county_code,
          home_org_id: member.org_id,
          inflow_org_id: inflow.id,
          destination: '江门市蓬江区',
          destination_division_code: null,
          since: today,
          expected_months: 4,
          fixed_place: true,
          contact_phone_enc: 'x',
          contact_phone_masked: '138****8000',
          certificate_no: null,
          note: '',
          created_by: actor.accountId,
        }),
      );
      await snapshot.record('updateRegistrationState', k, (d) =>
        repo.updateRegistrationState(
          t(d),
          { id: row.id, state: 'outflow' },
          { state: 'inflow_confirmed', updated_at: new Date(), inflow_confirmed_on: today },
        ),
      );
      await snapshot.record('insertActivity', k, (d) =>
        repo.insertActivity(t(d), {
          mobile_member_id: row.id,
          county_code: member.county_code,
          org_id: inflow.id,
          held_on: today,
          kind: '主题党日',
          topic: '学习党章',
          recorded_by: actor.accountId,
        }),
      );
      const seen = await repo.mobileById(trx, actor, row.id);
      expect(seen?.state).toBe('inflow_confirmed');
      expect(await repo.activitiesOf(trx, row.id)).toHaveLength(1);
    });
  });
});
