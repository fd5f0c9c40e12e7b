// The SQL of organizational life, as committed beside its three repositories (meeting.repository.sql,
// checklist.repository.sql, checklist-read.repository.sql), on both engines — in one file so the seeded
// database is cloned once: a village secretary records a meeting; the county issues a checklist, the
// branch marks its task done with the meeting, the county reminds the late branches; each read back the
// way the services read. Every write is in a transaction rolled back.
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../platform/access/actor.ts';
import { accountActor, rolledBack } from '../platform/access/testing/account-actor.ts';
import type { Database } from '../platform/db/engine.ts';
import type { DB } from '../platform/db/schema.ts';
import { sqlSnapshot } from '../platform/db/testing/sql-snapshot.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import * as checklists from './checklist.repository.ts';
import * as read from './checklist-read.repository.ts';
import * as meetings from './meeting.repository.ts';

const meetingSql = sqlSnapshot(new URL('./meeting.repository.sql', import.meta.url));
const checklistSql = sqlSnapshot(new URL('./checklist.repository.sql', import.meta.url));
const readSql = sqlSnapshot(new URL('./checklist-read.repository.sql', import.meta.url));
const MONTH = '2099-01';
let database: Database;
type Org = { id: number; code: string; path: string; depth: number; county_code: string | null };
let village: Org;
let county: Org;
let secretary: Actor;
let issuer: Actor;
let member: { id: number };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = (q: (b: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    q(base()).executeTakeFirstOrThrow();
  const base = () => db.selectFrom('org').select(['id', 'code', 'path', 'depth', 'county_code']);
  village = await org((b) => b.where('level', '=', 'village').where('member_count', '>', 3).orderBy('code'));
  county = await org((b) => b.where('code', '=', village.code.slice(0, 6)));
  secretary = await accountActor(db, village.code);
  issuer = await accountActor(db, county.code);
  member = await db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select('member.id')
    .where('org.path', 'like', `${village.path}%`)
    .orderBy('member.id')
    .executeTakeFirstOrThrow();
}, 300_000);

afterAll(async () => {
  meetingSql.verify();
  checklistSql.verify();
  readSql.verify();
  await database?.close();
});

describe('meeting, checklist and checklist-read repositories', () => {
  test('a meeting, a checklist published, a task done, a reminder (rolled back), read back', async () => {
    await rolledBack(database.db, async (trx) => {
      const k: Kysely<DB> = trx;
      const t = (d: unknown) => d as Transaction<DB>;

      // the meeting
      expect(
        await meetingSql.record('membersUnder', k, (d) =>
          meetings.membersUnder(d, secretary, [member.id], village.path),
        ),
      ).toEqual([{ id: member.id }]);
      const full = await meetingSql.record('fullMembersUnder', k, (d) =>
        meetings.fullMembersUnder(d, secretary, village.path),
      );
      expect(full).toBeGreaterThanOrEqual(0);
      const meetingId = await meetingSql.record('insertMeeting', k, (d) =>
        meetings.insertMeeting(t(d), {
          org_id: village.id,
          county_code: village.county_code,
          kind: 'committee_meeting',
          held_on: `${MONTH}-10`,
          topic: '学习党章',
          place: '',
          host: '',
          minutes: '',
          photos: JSON.stringify([]),
          expected: 1,
          present: 1,
          quorum_met: true,
          counts: true,
          recorded_by: secretary.accountId,
        }),
      );
      await meetingSql.record('insertAttendance', k, (d) =>
        meetings.insertAttendance(t(d), [
          {
            meeting_id: meetingId,
            member_id: member.id,
            county_code: village.county_code,
            status: 'present',
            reason: '',
          },
        ]),
      );
      const page = await meetingSql.record('meetingPage', k, (d) =>
        meetings.meetingPage(
          d,
          secretary,
          { path: village.path, kind: 'committee_meeting', from: `${MONTH}-01`, to: `${MONTH}-31` },
          20,
          0,
        ),
      );
      expect(page.rows.map((r) => r.id)).toEqual([meetingId]);
      expect(page.total).toBe(1);
      expect(
        (
          await meetingSql.record('meetingInScope', k, (d) =>
            meetings.meetingInScope(d, secretary, meetingId),
          )
        )?.id,
      ).toBe(meetingId);
      expect(await meetingSql.record('signInOf', k, (d) => meetings.signInOf(d, meetingId))).toHaveLength(1);
      const people = await meetingSql.record('attendeesUnder', k, (d) =>
        meetings.attendeesUnder(d, secretary, village.path),
      );
      expect(people.map((p) => p.id)).toContain(member.id);

      // the county's checklist
      expect(
        await checklistSql.record('issuedChecklist', k, (d) =>
          checklists.issuedChecklist(d, county.id, MONTH),
        ),
      ).toBeUndefined();
      const checklistId = await checklistSql.record('insertChecklist', k, (d) =>
        checklists.insertChecklist(t(d), {
          issuer_org_id: county.id,
          county_code: county.county_code,
          month: MONTH,
          title: '一月组织生活',
          note: '',
          created_by: issuer.accountId,
        }),
      );
      await checklistSql.record('insertItems', k, (d) =>
        checklists.insertItems(t(d), [
          {
            checklist_id: checklistId,
            seq: 1,
            title: '支委会',
            description: '',
            kinds: JSON.stringify(['committee_meeting']),
            due_on: `${MONTH}-20`,
          },
        ]),
      );
      const draft = await checklistSql.record('issuedChecklistForUpdate', k, (d) =>
        checklists.issuedChecklistForUpdate(t(d), checklistId, county.id),
      );
      expect(draft?.status).toBe('draft');
      const rows = await checklistSql.record('insertTasks', k, (d) =>
        checklists.insertTasks(t(d), checklistId, county.path),
      );
      expect(await checklistSql.record('itemCount', k, (d) => checklists.itemCount(t(d), checklistId))).toBe(
        1,
      );
      await checklistSql.record('setPublished', k, (d) =>
        checklists.setPublished(t(d), checklistId, issuer.accountId, rows),
      );

      // the branch's task, done with the meeting
      const task = await trx
        .selectFrom('checklist_task')
        .select('id')
        .where('checklist_id', '=', checklistId)
        .where('org_id', '=', village.id)
        .executeTakeFirstOrThrow();
      const toMark = await checklistSql.record('taskToMark', k, (d) =>
        checklists.taskToMark(d, secretary, task.id),
      );
      expect(toMark?.month).toBe(MONTH);
      const evidence = await checklistSql.record('evidenceMeeting', k, (d) =>
        checklists.evidenceMeeting(d, secretary, meetingId),
      );
      expect(evidence?.org_id).toBe(village.id);
      expect(
        await checklistSql.record('setTaskDone', k, (d) =>
          checklists.setTaskDone(t(d), task.id, {
            done_on: `${MONTH}-10`,
            meeting_id: meetingId,
            done_by: secretary.accountId,
          }),
        ),
      ).toBe(true);
      const reminded = await checklistSql.record('remindLate', k, (d) =>
        checklists.remindLate(
          t(d),
          issuer,
          { checklistId, path: county.path, today: `${MONTH}-25` },
          { title: '提醒', body: '提醒' },
        ),
      );
      expect(reminded.tasks).toBe(rows - 1);

      // the reads
      expect(
        (
          await readSql.record('visibleChecklistRow', k, (d) =>
            read.visibleChecklistRow(d, issuer, checklistId),
          )
        )?.id,
      ).toBe(checklistId);
      expect(await readSql.record('itemsOf', k, (d) => read.itemsOf(d, [checklistId]))).toHaveLength(1);
      expect(
        (await readSql.record('visibleChecklists', k, (d) => read.visibleChecklists(d, issuer, MONTH))).map(
          (c) => c.id,
        ),
      ).toEqual([checklistId]);
      const counts = await readSql.record('taskCounts', k, (d) => read.taskCounts(d, issuer, [checklistId]));
      expect(counts.map((c) => [Number(c.total), Number(c.done)])).toEqual([[rows, 1]]);
      const own = await readSql.record('tasksOfOrg', k, (d) =>
        read.tasksOfOrg(d, secretary, village.id, MONTH),
      );
      expect(own.map((r) => r.meetingId)).toEqual([meetingId]);
      const byChild = await readSql.record('completionByChild', k, (d) =>
        read.completionByChild(d, issuer, checklistId, county, `${MONTH}-25`),
      );
      expect(byChild.reduce((n, r) => n + Number(r.total), 0)).toBe(rows);
      const childIds = byChild.map((r) => Number(r.child)).filter((id) => id > 0);
      expect(
        await readSql.record('orgsNamed', k, (d) => read.orgsNamed(d, issuer, childIds.slice(0, 1))),
      ).toHaveLength(1);
      const late = await readSql.record('overdueOrgs', k, (d) =>
        read.overdueOrgs(d, issuer, checklistId, county.path, `${MONTH}-25`, 500),
      );
      expect(late.map((o) => o.id)).not.toContain(village.id);
    });
  });
});
