// The SQL of recruitment's writes (recruitment-write.repository.sql) and of a recruitment's detail reads
// and the pipeline list with its keyset and capped count (the part of recruitment.repository.sql
// recorded here), on both engines; the writes in a transaction
// rolled back: an application, a step with its people, publicity and vote, an objection and its
// resolution, a training record, step 17's new member and its conversion.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countyAdmin, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as reads from './recruitment.repository.ts';
import * as repo from './recruitment-write.repository.ts';

const snapshot = sqlSnapshot(new URL('./recruitment-write.repository.sql', import.meta.url));
const readSnapshot = sqlSnapshot(new URL('./recruitment.repository.sql', import.meta.url));
let database: Database;
let r: { id: number; applicant_id: number; org_id: number; county_code: string | null };
let member: { id: number };
let account: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  r = await db
    .selectFrom('recruitment')
    .select(['id', 'applicant_id', 'org_id', 'county_code'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  member = await db.selectFrom('member').select('id').orderBy('id').executeTakeFirstOrThrow();
  account = await db.selectFrom('account').select('id').orderBy('id').executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  snapshot.verify();
  readSnapshot.verify();
  await database?.close();
});

describe('recruitment repositories', () => {
  test("a recruitment's detail reads", async () => {
    const { db } = database;
    const timeline = await readSnapshot.record('timelineOf', db, (d) => reads.timelineOf(d, r.id));
    expect(timeline.length).toBeGreaterThan(0);
    await readSnapshot.record('peopleOf', db, (d) => reads.peopleOf(d, r.id));
    await readSnapshot.record('votesOf', db, (d) => reads.votesOf(d, r.id));
    await readSnapshot.record('objectionsOf', db, (d) => reads.objectionsOf(d, r.id));
    await readSnapshot.record('trainingsOf', db, (d) => reads.trainingsOf(d, r.applicant_id));
  });

  test('the pipeline list: a page, the page after its last row, the capped count and estimate', async () => {
    const { db } = database;
    const { actor, county } = await countyAdmin(db);
    const f = { orgPath: county.path } as const;
    const first = await readSnapshot.record('listRecruitments', db, (d) =>
      reads.listRecruitments(d, actor, f, 3, 0),
    );
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((x) => x.org_path.startsWith(county.path))).toBe(true);
    const last = first.at(-1) as (typeof first)[number];
    const next = await readSnapshot.record('listRecruitments after', db, (d) =>
      reads.listRecruitments(d, actor, f, 3, 0, { lastStepOn: last.last_step_on, id: last.id }),
    );
    // the keyset page is the offset page
    const offset = await reads.listRecruitments(db, actor, f, 3, 3);
    expect(next.map((x) => x.id)).toEqual(offset.map((x) => x.id));
    const n = await readSnapshot.record('cappedRecruitments', db, (d) =>
      reads.cappedRecruitments(d, actor, f, 2),
    );
    expect(n).toBeLessThanOrEqual(3);
    await readSnapshot.record('estimateRecruitments', db, (d) => reads.estimateRecruitments(d, actor, f));
    // the stage counts from the per-org roll-up (0057) are the live counts of the active applications
    const stages = await readSnapshot.record('countsByStage', db, (d) =>
      reads.countsByStage(d, actor, county.path),
    );
    const live = await db
      .selectFrom('recruitment')
      .innerJoin('org', 'org.id', 'recruitment.org_id')
      .select(['recruitment.stage', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org.path', 'like', `${county.path}%`)
      .where('recruitment.status', '=', 'active')
      .groupBy('recruitment.stage')
      .execute();
    const byStage = (rows: { stage: string; n: number | string }[]) =>
      Object.fromEntries(rows.filter((x) => Number(x.n) > 0).map((x) => [x.stage, Number(x.n)]));
    expect(byStage(stages)).toEqual(byStage(live));
  });

  test('the writes of an application and its steps (rolled back)', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;
      expect(
        await snapshot.record('applicantByIdHash', k, (d) => repo.applicantByIdHash(t(d), 'no-such-hash')),
      ).toBeUndefined();
      await snapshot.record('openRecruitmentOf', k, (d) => repo.openRecruitmentOf(t(d), r.applicant_id));
      const applicantId = await snapshot.record('insertApplicant', k, (d) =>
        repo.insertApplicant(t(d), {
          name: '测试',
          pinyin_initials: 'cs',
          gender: 'female',
          ethnicity: '汉族',
          birth_date: '2000-01-01',
          id_number_enc: 'x',
          id_number_hash: 'test-hash',
          id_number_masked: '4407**********0000',
          phone_enc: 'x',
          phone_masked: '138****0000',
          education: '大学本科',
          occupation: '其他',
          county_code: r.county_code,
        }),
      );
      const rec = await snapshot.record('insertRecruitment', k, (d) =>
        repo.insertRecruitment(t(d), {
          applicant_id: applicantId,
          org_id: r.org_id,
          county_code: r.county_code,
          stage: 'applicant',
          last_step: 1,
          applied_on: '2025-01-02',
          last_step_on: '2025-01-02',
          due_on: null,
          due_kind: null,
          created_by: account.id,
        }),
      );
      await snapshot.record('insertStep', k, (d) =>
        repo.insertStep(t(d), {
          recruitment_id: rec.id,
          county_code: r.county_code,
          step: 1,
          occurred_on: '2025-01-02',
          note: '',
          attachments: '[]',
          recorded_by: account.id,
        }),
      );
      const { version } = await trx
        .selectFrom('recruitment')
        .select('version')
        .where('id', '=', rec.id)
        .executeTakeFirstOrThrow();
      const bumped = await snapshot.record('updateRecruitmentAtVersion', k, (d) =>
        repo.updateRecruitmentAtVersion(t(d), rec.id, version, {
          version: version + 1,
          updated_at: new Date(),
        }),
      );
      expect(bumped).toBe(true);
      expect(await repo.updateRecruitmentAtVersion(trx, rec.id, version, { version: version + 1 })).toBe(
        false,
      );
      await snapshot.record('insertPeople', k, (d) =>
        repo.insertPeople(t(d), [
          { recruitment_id: rec.id, role: 'mentor', member_id: member.id, assigned_on: '2025-02-01' },
        ]),
      );
      await snapshot.record('insertPublicity', k, (d) =>
        repo.insertPublicity(t(d), {
          recruitment_id: rec.id,
          kind: 'admission',
          starts_on: '2025-03-01',
          ends_on: '2025-03-07',
        }),
      );
      await snapshot.record('insertVote', k, (d) =>
        repo.insertVote(t(d), {
          recruitment_id: rec.id,
          kind: 'admission',
          meeting_on: '2025-03-10',
          members_due: 5,
          present: 5,
          yes: 5,
          no: 0,
          abstain: 0,
          written_yes: 0,
          written_no: 0,
          passed: true,
        }),
      );
      await snapshot.record('insertTraining', k, (d) =>
        repo.insertTraining(t(d), {
          applicant_id: applicantId,
          county_code: r.county_code,
          title: '入党积极分子培训',
          provider: '',
          starts_on: '2025-02-10',
          ends_on: '2025-02-12',
          hours: 24,
          recorded_by: account.id,
        }),
      );
      const o = await snapshot.record('insertObjection', k, (d) =>
        repo.insertObjection(t(d), {
          recruitment_id: rec.id,
          kind: 'admission',
          raised_on: '2025-03-02',
          content: '反映情况',
          recorded_by: account.id,
        }),
      );
      await snapshot.record('resolveObjection', k, (d) =>
        repo.resolveObjection(t(d), o.id, {
          resolved_on: '2025-03-05',
          resolution: '已核实',
          resolved_by: account.id,
        }),
      );
      const a = await snapshot.record('applicantById', k, (d) => repo.applicantById(t(d), applicantId));
      const m = await snapshot.record('insertMember', k, (d) =>
        repo.insertMember(t(d), {
          org_id: r.org_id,
          name: a.name,
          pinyin_initials: a.pinyin_initials,
          gender: a.gender,
          ethnicity: a.ethnicity,
          birth_date: a.birth_date,
          id_number_enc: a.id_number_enc,
          id_number_hash: a.id_number_hash,
          id_number_masked: a.id_number_masked,
          phone_enc: a.phone_enc,
          phone_masked: a.phone_masked,
          education: 'bachelor',
          occupation: 'other',
          status: 'probationary',
          joined_on: '2025-04-01',
          converted_on: null,
          county_code: r.county_code,
        }),
      );
      await snapshot.record('linkMember', k, (d) => repo.linkMember(t(d), rec.id, m.id));
      await snapshot.record('convertMember', k, (d) => repo.convertMember(t(d), m.id, '2026-04-01'));
      await snapshot.record('addOneMember', k, (d) => repo.addOneMember(t(d), [r.org_id]));
      expect(await reads.objectionsOf(trx, rec.id)).toEqual([
        expect.objectContaining({ id: o.id, resolved_on: '2025-03-05' }),
      ]);
    });
  });
});
