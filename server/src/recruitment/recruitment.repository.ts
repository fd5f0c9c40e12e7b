// The only place with the SQL of recruitment. Every query of scoped rows starts from scoped.applicants
// or scoped.members (platform/access/scope.ts).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { cappedCount, estimatedCount } from '../platform/db/bounded-count.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { MemberRef, Snapshot } from './domain/recruitment-machine.ts';
import type { Stage } from './domain/steps.ts';

/** Org kinds that hold a branch general meeting (支部党员大会) and so can recruit. */
export const BRANCH_KINDS = ['branch', 'joint_branch', 'temporary_branch'] as const;

const RECRUITMENT_COLUMNS = [
  'recruitment.id',
  'recruitment.applicant_id',
  'recruitment.org_id',
  'recruitment.county_code',
  'recruitment.status',
  'recruitment.stage',
  'recruitment.last_step',
  'recruitment.applied_on',
  'recruitment.last_step_on',
  'recruitment.talk_late',
  'recruitment.probation_ends_on',
  'recruitment.extension_months',
  'recruitment.due_on',
  'recruitment.due_kind',
  'recruitment.member_id',
  'recruitment.closed_on',
  'recruitment.closed_reason',
  'recruitment.version',
  'applicant.name',
  'applicant.gender',
  'applicant.ethnicity',
  'applicant.birth_date',
  'applicant.id_number_masked',
  'applicant.phone_masked',
  'applicant.education',
  'applicant.occupation',
  'recruitment_org.name as org_name',
  'recruitment_org.path as org_path',
] as const;

/** A recruitment inside the actor's scope, or 404 RECRUITMENT_NOT_FOUND. */
export async function findRecruitment(db: Kysely<DB>, actor: Actor, unverifiedId: number) {
  const row = await scoped
    .applicants(db, actor)
    .select(RECRUITMENT_COLUMNS)
    .where('recruitment.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('recruitment', unverifiedId);
  return row;
}
export type RecruitmentRow = Awaited<ReturnType<typeof findRecruitment>>;

/** Encrypted personal data of a verified recruitment's applicant (for reveal and the member record). */
export function applicantSecrets(db: Kysely<DB> | Transaction<DB>, applicantId: number) {
  return db.selectFrom('applicant').selectAll().where('id', '=', applicantId).executeTakeFirstOrThrow();
}

export async function loadSnapshot(db: Kysely<DB>, r: RecruitmentRow): Promise<Snapshot> {
  const [steps, publicity, objections, trainings] = await Promise.all([
    db
      .selectFrom('recruitment_step')
      .select(['step', 'occurred_on'])
      .where('recruitment_id', '=', r.id)
      .where('event', '=', 'step')
      .orderBy('step')
      .orderBy('occurred_on')
      .execute(),
    db
      .selectFrom('recruitment_publicity')
      .select(['kind', 'starts_on', 'ends_on'])
      .where('recruitment_id', '=', r.id)
      .execute(),
    db
      .selectFrom('recruitment_objection')
      .select(['id', 'kind', 'raised_on', 'resolved_on'])
      .where('recruitment_id', '=', r.id)
      .execute(),
    db
      .selectFrom('recruitment_training')
      .select(['starts_on', 'ends_on', 'hours'])
      .where('applicant_id', '=', r.applicant_id)
      .execute(),
  ]);
  const pub = (kind: 'admission' | 'conversion') => {
    const p = publicity.find((x) => x.kind === kind);
    return p ? { startsOn: p.starts_on, endsOn: p.ends_on } : null;
  };
  return {
    status: r.status,
    birthDate: r.birth_date,
    steps: steps.map((s) => ({ step: s.step as number, on: s.occurred_on })),
    publicity: { admission: pub('admission'), conversion: pub('conversion') },
    objections: objections.map((o) => ({
      id: o.id,
      kind: o.kind,
      raisedOn: o.raised_on,
      resolvedOn: o.resolved_on,
    })),
    trainings: trainings.map((t) => ({ startsOn: t.starts_on, endsOn: t.ends_on, hours: Number(t.hours) })),
    extensionMonths: r.extension_months,
  };
}

/** Members named as mentors or sponsors: each must be inside the actor's scope (else 404). */
export async function memberRefs(db: Kysely<DB>, actor: Actor, ids: readonly number[]): Promise<MemberRef[]> {
  if (ids.length === 0) return [];
  const rows = await scoped
    .members(db, actor)
    .select(['member.id', 'member.name', 'member.status', 'member.converted_on'])
    .where('member.id', 'in', [...new Set(ids)])
    .execute();
  return ids.map((id) => {
    const m = rows.find((r) => r.id === id);
    if (!m) throw errors.outOfScope('member', id);
    return { memberId: m.id, name: m.name, status: m.status, convertedOn: m.converted_on };
  });
}

/** Full members (with voting rights) of a branch and its groups on a date. */
export async function fullMembersOn(db: Kysely<DB>, actor: Actor, branchPath: string, on: string) {
  const row = await scoped
    .members(db, actor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_org.path', 'like', `${branchPath}%`)
    .where('member.status', '=', 'full')
    .where('member.converted_on', '<=', on)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The full members of a branch (candidates for mentor and sponsor). */
export function fullMembersOf(db: Kysely<DB>, actor: Actor, branchPath: string) {
  return scoped
    .members(db, actor)
    .select(['member.id', 'member.name', 'member.converted_on', 'member_org.name as org_name'])
    .where('member_org.path', 'like', `${branchPath}%`)
    .where('member.status', '=', 'full')
    .orderBy('member.converted_on')
    .orderBy('member.id')
    .limit(500)
    .execute();
}

export interface RecruitmentFilter {
  orgPath?: string | undefined;
  stage?: Stage | undefined;
  status?: 'active' | 'completed' | 'closed' | undefined;
  overdueOn?: string | undefined;
  dueBetween?: { first: string; last: string } | undefined;
  q?: string | undefined;
}

function filtered(db: Kysely<DB>, actor: Actor, f: RecruitmentFilter) {
  let q = scoped.applicants(db, actor);
  if (f.orgPath) q = q.where('recruitment_org.path', 'like', `${f.orgPath}%`);
  if (f.stage) q = q.where('recruitment.stage', '=', f.stage);
  if (f.status) q = q.where('recruitment.status', '=', f.status);
  if (f.overdueOn)
    q = q.where('recruitment.status', '=', 'active').where('recruitment.due_on', '<', f.overdueOn);
  if (f.dueBetween)
    q = q
      .where('recruitment.status', '=', 'active')
      .where('recruitment.last_step', '<', 24)
      .where('recruitment.probation_ends_on', '>=', f.dueBetween.first)
      .where('recruitment.probation_ends_on', '<=', f.dueBetween.last);
  if (f.q) q = q.where('applicant.name', 'like', `%${escapeLike(f.q)}%`);
  return q;
}

/** Where the previous page stopped: its last row's date of the last step and id (keyset paging). */
export interface RecruitmentAfter {
  lastStepOn: string;
  id: number;
}

/**
 * The pipeline, latest step first: a backward walk of the (last_step_on, id) index (0056) from where
 * the previous page stopped (keyset), or from `offset` for a page asked by number.
 */
export function listRecruitments(
  db: Kysely<DB>,
  actor: Actor,
  f: RecruitmentFilter,
  limit: number,
  offset: number,
  after?: RecruitmentAfter,
) {
  let q = filtered(db, actor, f);
  if (after)
    q = q.where(
      sql<boolean>`(recruitment.last_step_on, recruitment.id) < (${after.lastStepOn}::date, ${after.id}::bigint)`,
    );
  return q
    .select(RECRUITMENT_COLUMNS)
    .orderBy('recruitment.last_step_on', 'desc')
    .orderBy('recruitment.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Every match, counted (the summary's conversions due this month: a month of the probation index). */
export async function countRecruitments(db: Kysely<DB>, actor: Actor, f: RecruitmentFilter) {
  const r = await filtered(db, actor, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The list's matches, read at most `cap` + 1 far, along the list's own index (as its first page walks). */
export function cappedRecruitments(db: Kysely<DB>, actor: Actor, f: RecruitmentFilter, cap: number) {
  return cappedCount(db, filtered(db, actor, f).orderBy('recruitment.last_step_on', 'desc'), cap);
}

/** The planner's estimate of the matches (past the count cap). */
export function estimateRecruitments(db: Kysely<DB>, actor: Actor, f: RecruitmentFilter) {
  return estimatedCount(db, filtered(db, actor, f));
}

/**
 * Active applications at each stage under orgPath, from the per-org stage counts (0057, kept by a
 * trigger on recruitment): the subtree's org rows through scoped.orgs, never its recruitments.
 */
export function countsByStage(db: Kysely<DB>, actor: Actor, orgPath: string) {
  return scoped
    .orgs(db, actor)
    .innerJoin('recruitment_stage_stat as s', 's.org_id', 'org.id')
    .where('org.path', 'like', `${orgPath}%`)
    .select(['s.stage', sql<number>`coalesce(sum(s.active), 0)::int`.as('n')])
    .groupBy('s.stage')
    .execute();
}

export function overdueByKind(db: Kysely<DB>, actor: Actor, orgPath: string, today: string) {
  return scoped
    .applicants(db, actor)
    .where('recruitment_org.path', 'like', `${orgPath}%`)
    .where('recruitment.status', '=', 'active')
    .where('recruitment.due_on', '<', today)
    .select(['recruitment.due_kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('recruitment.due_kind')
    .execute();
}

/**
 * Branches inside the scope that can recruit, with their full members today: the per-org counts of
 * their subtree (org_member_stat, 0016) less the few full members whose conversion is dated later.
 */
export function branchesInScope(db: Kysely<DB>, actor: Actor, today: string) {
  // the subtree as a range of the path index (text_pattern_ops): paths hold digits and '/', all before '~'
  const subtree = sql<boolean>`sub.path ~>=~ org.path and sub.path ~<~ (org.path || '~')`;
  return scoped
    .orgs(db, actor)
    .where('org.kind', 'in', BRANCH_KINDS)
    .select([
      'org.id',
      'org.name',
      'org.path',
      (eb) =>
        eb
          .selectFrom('org as sub')
          .innerJoin('org_member_stat as s', 's.org_id', 'sub.id')
          .select(sql<number>`coalesce(sum(s.full_members), 0)`.as('n'))
          .where(subtree)
          .as('full_stat'),
      (eb) =>
        eb
          .selectFrom('member')
          .innerJoin('org as sub', 'sub.id', 'member.org_id')
          .select(sql<number>`count(*)`.as('n'))
          .where('member.status', '=', 'full')
          .where('member.converted_on', '>', today)
          .where(subtree)
          .as('full_later'),
    ])
    .orderBy('org.path')
    .limit(500)
    .execute()
    .then((rows) =>
      rows.map(({ full_stat, full_later, ...r }) => ({
        ...r,
        full_members: Number(full_stat ?? 0) - Number(full_later ?? 0),
      })),
    );
}

/** A recruitment's timeline: its steps and events in order, with who recorded each. */
export function timelineOf(db: Kysely<DB>, recruitmentId: number) {
  return db
    .selectFrom('recruitment_step')
    .leftJoin('account', 'account.id', 'recruitment_step.recorded_by')
    .select([
      'recruitment_step.id',
      'recruitment_step.event',
      'recruitment_step.step',
      'recruitment_step.occurred_on',
      'recruitment_step.note',
      'recruitment_step.details',
      'recruitment_step.attachments',
      'recruitment_step.late',
      'recruitment_step.recorded_at',
      'account.display_name as recorded_by',
    ])
    .where('recruitment_step.recruitment_id', '=', recruitmentId)
    .orderBy('recruitment_step.occurred_on')
    .orderBy('recruitment_step.id')
    .execute();
}

/** A recruitment's mentors and sponsors with their names. */
export function peopleOf(db: Kysely<DB>, recruitmentId: number) {
  return db
    .selectFrom('recruitment_person')
    .innerJoin('member', 'member.id', 'recruitment_person.member_id')
    .select(['recruitment_person.role', 'member.id', 'member.name', 'recruitment_person.assigned_on'])
    .where('recruitment_person.recruitment_id', '=', recruitmentId)
    .execute();
}

export function votesOf(db: Kysely<DB>, recruitmentId: number) {
  return db.selectFrom('recruitment_vote').selectAll().where('recruitment_id', '=', recruitmentId).execute();
}

export function objectionsOf(db: Kysely<DB>, recruitmentId: number) {
  return db
    .selectFrom('recruitment_objection')
    .selectAll()
    .where('recruitment_id', '=', recruitmentId)
    .orderBy('id')
    .execute();
}

/** The applicant's training records, by start. */
export function trainingsOf(db: Kysely<DB>, applicantId: number) {
  return db
    .selectFrom('recruitment_training')
    .select(['id', 'title', 'provider', 'starts_on', 'ends_on', 'hours'])
    .where('applicant_id', '=', applicantId)
    .orderBy('starts_on')
    .execute();
}
