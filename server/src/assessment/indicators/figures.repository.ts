// The records behind the computed indicators, read for every village under a base org at once (one
// grouped query per source, never one per village): organizational life, development candidates,
// dues, training hours, collective income, contest promises. Each query starts from the access
// layer; a row's village is the 4th id of its org's path (city / county / town / village), the level
// at which Jiangmen's villages sit.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { GoalFollowup } from '../../contests/domain/contest-scoring.ts';
import type { HeldMeeting } from '../../meetings/domain/meeting-rules.ts';
import { BRANCH_KINDS } from '../../meetings/meeting-common.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { scoped } from '../../platform/access/scope.ts';
import type { DB } from '../../platform/db/schema.ts';

/** The village id of an org path ('/1/5/23/100/…' → 100), null above the village level. */
export const villageIdOf = (pathColumn: string): RawBuilder<number | null> =>
  sql<number | null>`nullif(split_part(${sql.ref(pathColumn)}, '/', 5), '')::bigint`;

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

export interface BranchInput {
  id: number;
  villageId: number;
  foundedOn: string | null;
  fullMembers: number;
  hasGroups: boolean;
}

/** The branches holding organizational life under the base (the villages themselves included), and their meetings in [from, to]. */
export async function orgLifeInputs(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  from: string,
  to: string,
) {
  const pattern = `${basePath}%`;
  const [branches, full, groups, meetings] = await Promise.all([
    scoped
      .orgs(db, actor)
      .where('org.path', 'like', pattern)
      .where('org.depth', '>=', 3)
      .where((eb) => eb.or([eb('org.kind', 'in', [...BRANCH_KINDS]), eb('org.level', '=', 'village')]))
      .select(['org.id', 'org.path', 'org.founded_on', villageIdOf('org.path').as('village_id')])
      .execute(),
    scoped
      .members(db, actor)
      .where('member_org.path', 'like', pattern)
      .where('member.status', '=', 'full')
      .select(['member_org.path', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('member_org.path')
      .execute(),
    scoped
      .orgs(db, actor)
      .where('org.path', 'like', pattern)
      .where('org.kind', '=', 'group')
      .select('org.parent_id')
      .distinct()
      .execute(),
    scoped
      .meetings(db, actor)
      .where('meeting_org.path', 'like', pattern)
      .where('meeting.held_on', '>=', from)
      .where('meeting.held_on', '<=', to)
      .select(['meeting.org_id', 'meeting.kind', 'meeting.held_on', 'meeting.counts'])
      .execute(),
  ]);
  const branchIds = new Set(branches.map((b) => Number(b.id)));
  const fullOf = new Map<number, number>();
  for (const r of full)
    for (const id of idsOf(r.path))
      if (branchIds.has(id)) fullOf.set(id, (fullOf.get(id) ?? 0) + Number(r.n));
  const withGroups = new Set(groups.map((g) => Number(g.parent_id)));
  const heldBy = new Map<number, HeldMeeting[]>();
  for (const m of meetings) {
    const id = Number(m.org_id);
    const list = heldBy.get(id) ?? [];
    list.push({ kind: m.kind, heldOn: m.held_on, counts: m.counts });
    heldBy.set(id, list);
  }
  return {
    branches: branches
      .filter((b) => b.village_id !== null)
      .map(
        (b): BranchInput => ({
          id: Number(b.id),
          villageId: Number(b.village_id),
          foundedOn: b.founded_on,
          fullMembers: fullOf.get(Number(b.id)) ?? 0,
          hasGroups: withGroups.has(Number(b.id)),
        }),
      ),
    meetingsOf: (branchId: number) => heldBy.get(branchId) ?? [],
  };
}

/** Development candidates selected (recruitment step 7, 确定发展对象) in [from, to], per village. */
export async function candidatesByVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  from: string,
  to: string,
): Promise<Map<number, number>> {
  const rows = await scoped
    .applicants(db, actor)
    .innerJoin('recruitment_step', 'recruitment_step.recruitment_id', 'recruitment.id')
    .where('recruitment_org.path', 'like', `${basePath}%`)
    .where('recruitment_step.event', '=', 'step')
    .where('recruitment_step.step', '=', 7)
    .where('recruitment_step.occurred_on', '>=', from)
    .where('recruitment_step.occurred_on', '<=', to)
    .select([villageIdOf('recruitment_org.path').as('village_id'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(villageIdOf('recruitment_org.path'))
    .execute();
  return new Map(rows.filter((r) => r.village_id !== null).map((r) => [Number(r.village_id), Number(r.n)]));
}

/** The last day a development candidate was selected in each village (any time). */
export async function lastCandidateByVillage(db: Kysely<DB>, actor: Actor, basePath: string) {
  const rows = await scoped
    .applicants(db, actor)
    .innerJoin('recruitment_step', 'recruitment_step.recruitment_id', 'recruitment.id')
    .where('recruitment_org.path', 'like', `${basePath}%`)
    .where('recruitment_step.event', '=', 'step')
    .where('recruitment_step.step', '=', 7)
    .select([
      villageIdOf('recruitment_org.path').as('village_id'),
      sql<string>`max(recruitment_step.occurred_on)::text`.as('last_on'),
    ])
    .groupBy(villageIdOf('recruitment_org.path'))
    .execute();
  return new Map(rows.filter((r) => r.village_id !== null).map((r) => [Number(r.village_id), r.last_on]));
}

/**
 * Dues per village over the months [fromMonth, toMonth]: the member-months due (each member from the
 * month they joined) and those paid.
 */
export async function duesByVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  fromMonth: string,
  toMonth: string,
): Promise<Map<number, { due: number; paid: number }>> {
  const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const first = monthIndex(fromMonth);
  const last = monthIndex(toMonth);
  const joined = sql<number>`(extract(year from member.joined_on)::int * 12 + extract(month from member.joined_on)::int - 1)`;
  const [due, paid] = await Promise.all([
    scoped
      .members(db, actor)
      .where('member_org.path', 'like', `${basePath}%`)
      .select([
        villageIdOf('member_org.path').as('village_id'),
        sql<number>`sum(greatest(0, ${last} - greatest(${first}, ${joined}) + 1))::int`.as('n'),
      ])
      .groupBy(villageIdOf('member_org.path'))
      .execute(),
    scoped
      .members(db, actor)
      .innerJoin('dues_payment', 'dues_payment.member_id', 'member.id')
      .where('member_org.path', 'like', `${basePath}%`)
      .where('dues_payment.month', '>=', fromMonth)
      .where('dues_payment.month', '<=', toMonth)
      .select([villageIdOf('member_org.path').as('village_id'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(villageIdOf('member_org.path'))
      .execute(),
  ]);
  const out = new Map<number, { due: number; paid: number }>();
  for (const r of due)
    if (r.village_id !== null) out.set(Number(r.village_id), { due: Number(r.n), paid: 0 });
  for (const r of paid) {
    if (r.village_id === null) continue;
    const row = out.get(Number(r.village_id)) ?? { due: 0, paid: 0 };
    row.paid = Number(r.n);
    out.set(Number(r.village_id), row);
  }
  return out;
}

/** Class hours attended by the members of each village in sessions held in [from, to], and the members. */
export async function trainingByVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  from: string,
  to: string,
): Promise<Map<number, { hours: number; members: number }>> {
  const [hours, members] = await Promise.all([
    scoped
      .members(db, actor)
      .innerJoin('training_enrollment', 'training_enrollment.member_id', 'member.id')
      .innerJoin('training_attendance', 'training_attendance.enrollment_id', 'training_enrollment.id')
      .innerJoin('training_session', 'training_session.id', 'training_attendance.session_id')
      .where('member_org.path', 'like', `${basePath}%`)
      .where('training_session.held_on', '>=', from)
      .where('training_session.held_on', '<=', to)
      .select([
        villageIdOf('member_org.path').as('village_id'),
        sql<number>`coalesce(sum(training_attendance.hours), 0)::float8`.as('hours'),
      ])
      .groupBy(villageIdOf('member_org.path'))
      .execute(),
    scoped
      .members(db, actor)
      .where('member_org.path', 'like', `${basePath}%`)
      .select([villageIdOf('member_org.path').as('village_id'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(villageIdOf('member_org.path'))
      .execute(),
  ]);
  const out = new Map<number, { hours: number; members: number }>();
  for (const r of members)
    if (r.village_id !== null) out.set(Number(r.village_id), { hours: 0, members: Number(r.n) });
  for (const r of hours) {
    if (r.village_id === null) continue;
    const row = out.get(Number(r.village_id)) ?? { hours: 0, members: 0 };
    row.hours = Number(r.hours);
    out.set(Number(r.village_id), row);
  }
  return out;
}

/** Operating income (fen) of each village under the base in each of `years` (only villages that reported). */
export async function operatingIncomeByVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  years: readonly number[],
  operatingSources: readonly string[],
): Promise<Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, number>>();
  if (years.length === 0) return out;
  const rows = await scoped
    .collectiveIncomes(db, actor)
    .where('income_org.path', 'like', `${basePath}%`)
    .where('collective_income.year', 'in', [...years])
    .select([
      'collective_income.org_id',
      'collective_income.year',
      sql<number>`coalesce(sum(collective_income.amount_fen) filter (where collective_income.source = any(${[...operatingSources]}::text[])), 0)::float8`.as(
        'operating',
      ),
    ])
    .groupBy(['collective_income.org_id', 'collective_income.year'])
    .execute();
  for (const r of rows) {
    const byYear = out.get(Number(r.org_id)) ?? new Map<number, number>();
    byYear.set(Number(r.year), Number(r.operating));
    out.set(Number(r.org_id), byYear);
  }
  return out;
}

/** The follow-ups of the goals each village promised in contests of `year`. */
export async function contestFollowupsByVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  year: number,
): Promise<Map<number, GoalFollowup[]>> {
  const rows = await scoped
    .orgs(db, actor)
    .innerJoin('contest_entry', 'contest_entry.org_id', 'org.id')
    .innerJoin('contest', 'contest.id', 'contest_entry.contest_id')
    .innerJoin('contest_goal', 'contest_goal.entry_id', 'contest_entry.id')
    .where('org.path', 'like', `${basePath}%`)
    .where('contest.year', '=', year)
    .select(['contest_entry.org_id', 'contest_goal.followup'])
    .execute();
  const out = new Map<number, GoalFollowup[]>();
  for (const r of rows) {
    const list = out.get(Number(r.org_id)) ?? [];
    list.push(r.followup);
    out.set(Number(r.org_id), list);
  }
  return out;
}
