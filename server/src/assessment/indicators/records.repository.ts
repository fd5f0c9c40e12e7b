// The records behind one village's figure (the drill-down from a score): its meetings, development
// candidates, dues month by month, training sessions, collective incomes and contest goals in the
// assessed span. Every query starts from the access layer, so a reader sees only what its scope holds.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { scoped } from '../../platform/access/scope.ts';
import type { DB } from '../../platform/db/schema.ts';

export interface Span {
  from: string;
  to: string;
}

/** The meetings held by the village's branches (the village org included) in the span. */
export async function meetingRecords(
  db: Kysely<DB>,
  actor: Actor,
  villagePath: string,
  span: Span,
  page: number,
  pageSize: number,
) {
  const q = scoped
    .meetings(db, actor)
    .where('meeting_org.path', 'like', `${villagePath}%`)
    .where('meeting.held_on', '>=', span.from)
    .where('meeting.held_on', '<=', span.to);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .select([
        'meeting.id',
        'meeting.held_on',
        'meeting.kind',
        'meeting.topic',
        'meeting.present',
        'meeting.expected',
        'meeting.counts',
        'meeting_org.name as org_name',
      ])
      .orderBy('meeting.held_on', 'desc')
      .orderBy('meeting.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      heldOn: r.held_on,
      kind: r.kind,
      topic: r.topic,
      orgName: r.org_name,
      present: Number(r.present),
      expected: Number(r.expected),
      counts: r.counts,
    })),
  };
}

/** Development candidates selected (step 7) in the village's branches in the span. */
export async function candidateRecords(db: Kysely<DB>, actor: Actor, villagePath: string, span: Span) {
  const rows = await scoped
    .applicants(db, actor)
    .innerJoin('recruitment_step', 'recruitment_step.recruitment_id', 'recruitment.id')
    .where('recruitment_org.path', 'like', `${villagePath}%`)
    .where('recruitment_step.event', '=', 'step')
    .where('recruitment_step.step', '=', 7)
    .where('recruitment_step.occurred_on', '>=', span.from)
    .where('recruitment_step.occurred_on', '<=', span.to)
    .select([
      'recruitment.id',
      'applicant.name',
      'recruitment.stage',
      'recruitment_org.name as org_name',
      'recruitment_step.occurred_on',
    ])
    .orderBy('recruitment_step.occurred_on', 'desc')
    .execute();
  return rows.map((r) => ({
    recruitmentId: Number(r.id),
    name: r.name,
    stage: r.stage,
    orgName: r.org_name,
    selectedOn: r.occurred_on,
  }));
}

/** Dues of the village month by month in [fromMonth, toMonth]: members due and payments. */
export async function duesMonths(
  db: Kysely<DB>,
  actor: Actor,
  villagePath: string,
  fromMonth: string,
  toMonth: string,
) {
  const [members, paid] = await Promise.all([
    scoped
      .members(db, actor)
      .where('member_org.path', 'like', `${villagePath}%`)
      .select(sql<string>`to_char(member.joined_on, 'YYYY-MM')`.as('joined'))
      .execute(),
    scoped
      .members(db, actor)
      .innerJoin('dues_payment', 'dues_payment.member_id', 'member.id')
      .where('member_org.path', 'like', `${villagePath}%`)
      .where('dues_payment.month', '>=', fromMonth)
      .where('dues_payment.month', '<=', toMonth)
      .select([
        'dues_payment.month',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(dues_payment.paid_fen)::float8`.as('fen'),
      ])
      .groupBy('dues_payment.month')
      .execute(),
  ]);
  const paidOf = new Map(paid.map((p) => [p.month, { n: Number(p.n), fen: Number(p.fen) }]));
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth; ) {
    months.push(m);
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return months.map((month) => {
    const due = members.filter((x) => x.joined <= month).length;
    const p = paidOf.get(month) ?? { n: 0, fen: 0 };
    return { month, due, paid: p.n, paidFen: p.fen };
  });
}

/** Training sessions the village's members attended in the span, with their hours. */
export async function trainingRecords(db: Kysely<DB>, actor: Actor, villagePath: string, span: Span) {
  const rows = await scoped
    .members(db, actor)
    .innerJoin('training_enrollment', 'training_enrollment.member_id', 'member.id')
    .innerJoin('training_attendance', 'training_attendance.enrollment_id', 'training_enrollment.id')
    .innerJoin('training_session', 'training_session.id', 'training_attendance.session_id')
    .innerJoin('training_class', 'training_class.id', 'training_session.class_id')
    .where('member_org.path', 'like', `${villagePath}%`)
    .where('training_session.held_on', '>=', span.from)
    .where('training_session.held_on', '<=', span.to)
    .select([
      'training_session.id',
      'training_session.held_on',
      'training_session.topic',
      'training_class.title',
      (eb) => eb.fn.countAll<number>().as('attendees'),
      sql<number>`sum(training_attendance.hours)::float8`.as('hours'),
    ])
    .groupBy([
      'training_session.id',
      'training_session.held_on',
      'training_session.topic',
      'training_class.title',
    ])
    .orderBy('training_session.held_on', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    sessionId: Number(r.id),
    heldOn: r.held_on,
    topic: r.topic,
    classTitle: r.title,
    attendees: Number(r.attendees),
    hours: Number(r.hours),
  }));
}

/** The village's collective income by source in the given years. */
export async function incomeRecords(
  db: Kysely<DB>,
  actor: Actor,
  villageId: number,
  years: readonly number[],
) {
  return (
    await scoped
      .collectiveIncomes(db, actor)
      .where('collective_income.org_id', '=', villageId)
      .where('collective_income.year', 'in', [...years])
      .select(['collective_income.year', 'collective_income.source', 'collective_income.amount_fen'])
      .orderBy('collective_income.year', 'desc')
      .orderBy('collective_income.source')
      .execute()
  ).map((r) => ({ year: Number(r.year), source: r.source, amountFen: Number(r.amount_fen) }));
}

/** The goals the village promised in the contests of `year`, with their follow-up. */
export async function goalRecords(db: Kysely<DB>, actor: Actor, villageId: number, year: number) {
  return (
    await scoped
      .orgs(db, actor)
      .innerJoin('contest_entry', 'contest_entry.org_id', 'org.id')
      .innerJoin('contest', 'contest.id', 'contest_entry.contest_id')
      .innerJoin('contest_goal', 'contest_goal.entry_id', 'contest_entry.id')
      .where('org.id', '=', villageId)
      .where('contest.year', '=', year)
      .select([
        'contest.id as contest_id',
        'contest.title',
        'contest_entry.topic',
        'contest_goal.id',
        'contest_goal.seq',
        'contest_goal.goal',
        'contest_goal.followup',
        'contest_goal.followup_note',
      ])
      .orderBy('contest.id')
      .orderBy('contest_goal.seq')
      .execute()
  ).map((r) => ({
    contestId: Number(r.contest_id),
    contestTitle: r.title,
    topic: r.topic,
    goalId: Number(r.id),
    goal: r.goal,
    followup: r.followup,
    note: r.followup_note,
  }));
}
