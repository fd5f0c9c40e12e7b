// Reads of recruitment: per scope the counts at each stage, the overdue steps and this month's due
// conversions; the pipeline list; one person's timeline of the 25 steps with what may come next.
// Reads that show an applicant's personal data are audited (个人信息保护法).
import type { Actor } from '../platform/access/actor.ts';
import { inScopeOrThrow } from '../platform/access/in-scope.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import { decryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { decodeCursor, nextCursor } from '../platform/http/cursor.ts';
import type { AuditFields } from '../platform/http/route.ts';
import { isDate, monthOf, shanghaiToday } from './domain/dates.ts';
import { nextSteps, trainingTotals } from './domain/recruitment-machine.ts';
import { RULES } from './domain/rules.ts';
import { STAGES, STEPS, type Stage } from './domain/steps.ts';
import {
  applicantSecrets,
  branchesInScope,
  cappedRecruitments,
  countRecruitments,
  countsByStage,
  estimateRecruitments,
  findRecruitment,
  fullMembersOf,
  fullMembersOn,
  listRecruitments,
  loadSnapshot,
  objectionsOf,
  overdueByKind,
  peopleOf,
  type RecruitmentFilter,
  timelineOf,
  trainingsOf,
  votesOf,
} from './recruitment.repository.ts';
import { readRecruitmentSettings } from './recruitment-common.ts';

type Audit = (fields: AuditFields) => Promise<number>;

async function scopePath(db: Db, actor: Actor, orgId: number | undefined) {
  const org = await verifyOrg(db, actor, orgId ?? actor.scopeOrgId);
  return org;
}

export async function summary(db: Db, actor: Actor, orgId?: number, today = shanghaiToday()) {
  const org = await scopePath(db, actor, orgId);
  const month = monthOf(today);
  const [stages, overdue, dueThisMonth] = await Promise.all([
    countsByStage(db, actor, org.path),
    overdueByKind(db, actor, org.path, today),
    countRecruitments(db, actor, { orgPath: org.path, dueBetween: month }),
  ]);
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const r of stages) byStage[r.stage] = Number(r.n);
  const overdueByKindOut: Record<string, number> = {};
  for (const r of overdue) if (r.due_kind) overdueByKindOut[r.due_kind] = Number(r.n);
  return {
    org: { id: org.id, name: org.name },
    today,
    month,
    byStage,
    overdue: Object.values(overdueByKindOut).reduce((a, b) => a + b, 0),
    overdueByKind: overdueByKindOut,
    dueConversionsThisMonth: dueThisMonth,
  };
}

export interface ListQuery {
  orgId?: number | undefined;
  stage?: Stage | undefined;
  status?: 'active' | 'completed' | 'closed' | undefined;
  overdue?: boolean | undefined;
  dueThisMonth?: boolean | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  /** the nextCursor of the previous page */
  cursor?: string | undefined;
}

export async function list(db: Db, actor: Actor, audit: Audit, query: ListQuery, today = shanghaiToday()) {
  const org = await scopePath(db, actor, query.orgId);
  const f: RecruitmentFilter = {
    orgPath: org.path,
    stage: query.stage,
    status: query.status ?? (query.overdue || query.dueThisMonth ? undefined : 'active'),
    overdueOn: query.overdue ? today : undefined,
    dueBetween: query.dueThisMonth ? monthOf(today) : undefined,
    q: query.q?.trim() || undefined,
  };
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const keyset = query.cursor ? decodeCursor(query.cursor, LIST_ORDER, ['date']) : undefined;
  const after = keyset ? { lastStepOn: keyset.keys[0] ?? '', id: keyset.id } : undefined;
  const [fetched, counted] = await Promise.all([
    listRecruitments(db, actor, f, pageSize + 1, after ? 0 : (page - 1) * pageSize, after),
    // a page reached by cursor carries no count: the first page told it
    after ? Promise.resolve(null) : countOf(db, actor, f),
  ]);
  const rows = await inScopeOrThrow(db, actor, 'recruitment', fetched.slice(0, pageSize), (r) => r.org_path);
  const last = rows.at(-1);
  if (rows.length)
    await audit({
      action: 'recruitment.list',
      targetType: 'org',
      targetId: org.id,
      after: { ids: rows.map((r) => r.id) },
      countyCode: org.county_code,
    });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      orgId: r.org_id,
      orgName: r.org_name,
      status: r.status,
      stage: r.stage,
      lastStep: r.last_step,
      lastStepOn: r.last_step_on,
      appliedOn: r.applied_on,
      talkLate: r.talk_late,
      dueOn: r.due_on,
      dueKind: r.due_kind,
      overdue: r.status === 'active' && r.due_on !== null && r.due_on < today,
      probationEndsOn: r.probation_ends_on,
    })),
    ...(counted ?? {}),
    page: after ? null : page,
    pageSize,
    nextCursor: nextCursor(
      fetched.length,
      pageSize,
      LIST_ORDER,
      last && { key: last.last_step_on, id: last.id },
    ),
    today,
  };
}

/** The list's one order (latest step first), named in its cursors. */
const LIST_ORDER = 'lastStepOn:desc';

/** Counts of the list stop here; past it the answer is the planner's estimate. */
export const RECRUITMENT_COUNT_CAP = 1_000;

async function countOf(db: Db, actor: Actor, f: RecruitmentFilter) {
  const n = await cappedRecruitments(db, actor, f, RECRUITMENT_COUNT_CAP);
  if (n <= RECRUITMENT_COUNT_CAP) return { total: n, count: n, countExact: true };
  const estimate = Math.max(RECRUITMENT_COUNT_CAP + 1, await estimateRecruitments(db, actor, f));
  return { total: estimate, count: estimate, countExact: false };
}

export async function detail(db: Db, actor: Actor, audit: Audit, id: number, today = shanghaiToday()) {
  const r = await findRecruitment(db, actor, id);
  const [s, timeline, people, votes, objections, trainings, settings] = await Promise.all([
    loadSnapshot(db, r),
    timelineOf(db, r.id),
    peopleOf(db, r.id),
    votesOf(db, r.id),
    objectionsOf(db, r.id),
    trainingsOf(db, r.applicant_id),
    readRecruitmentSettings(db),
  ]);
  await audit({
    action: 'recruitment.read',
    targetType: 'recruitment',
    targetId: r.id,
    countyCode: r.county_code,
  });
  const steps = STEPS.map((def) => ({
    no: def.no,
    code: def.code,
    stage: def.stage,
    zh: def.zh,
    en: def.en,
    records: timeline
      .filter((t) => t.event === 'step' && t.step === def.no)
      .map((t) => ({
        id: t.id,
        on: t.occurred_on,
        note: t.note,
        details: t.details,
        attachments: t.attachments,
        late: t.late,
        recordedBy: t.recorded_by,
        recordedAt: t.recorded_at,
      })),
  }));
  const last = s.steps.length ? Math.max(...s.steps.map((x) => x.step)) : 0;
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    stage: r.stage,
    lastStep: last,
    lastStepOn: r.last_step_on,
    nextSteps: nextSteps(s),
    today,
    due: r.due_on
      ? { kind: r.due_kind, on: r.due_on, overdue: r.status === 'active' && r.due_on < today }
      : null,
    talkLate: r.talk_late,
    probationEndsOn: r.probation_ends_on,
    extensionMonths: r.extension_months,
    memberId: r.member_id,
    closedOn: r.closed_on,
    closedReason: r.closed_reason,
    org: { id: r.org_id, name: r.org_name },
    applicant: {
      name: r.name,
      gender: r.gender,
      ethnicity: r.ethnicity,
      birthDate: r.birth_date,
      idNumberMasked: r.id_number_masked,
      phoneMasked: r.phone_masked,
      education: r.education,
      occupation: r.occupation,
    },
    steps,
    events: timeline
      .filter((t) => t.event !== 'step')
      .map((t) => ({
        id: t.id,
        event: t.event,
        on: t.occurred_on,
        note: t.note,
        details: t.details,
        recordedBy: t.recorded_by,
      })),
    mentors: people
      .filter((p) => p.role === 'mentor')
      .map((p) => ({ id: p.id, name: p.name, assignedOn: p.assigned_on })),
    sponsors: people
      .filter((p) => p.role === 'sponsor')
      .map((p) => ({ id: p.id, name: p.name, assignedOn: p.assigned_on })),
    publicity: s.publicity,
    objections: objections.map((o) => ({
      id: o.id,
      kind: o.kind,
      raisedOn: o.raised_on,
      content: o.content,
      resolvedOn: o.resolved_on,
      resolution: o.resolution,
    })),
    votes: votes.map((v) => ({
      kind: v.kind,
      meetingOn: v.meeting_on,
      membersDue: v.members_due,
      present: v.present,
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      writtenYes: v.written_yes,
      writtenNo: v.written_no,
      passed: v.passed,
    })),
    trainings: trainings.map((t) => ({
      id: t.id,
      title: t.title,
      provider: t.provider,
      startsOn: t.starts_on,
      endsOn: t.ends_on,
      hours: Number(t.hours),
    })),
    trainingTotals: trainingTotals(s.trainings, today),
    rules: { ...RULES, publicityDays: settings.publicityDays },
  };
}

export async function reveal(
  db: Db,
  actor: Actor,
  audit: Audit,
  id: number,
  field: 'idNumber' | 'phone',
): Promise<{ value: string }> {
  const r = await findRecruitment(db, actor, id);
  const a = await applicantSecrets(db, r.applicant_id);
  await audit({
    action: 'recruitment.reveal',
    targetType: 'recruitment',
    targetId: r.id,
    after: { field },
    countyCode: r.county_code,
  });
  return { value: decryptPii(field === 'idNumber' ? a.id_number_enc : a.phone_enc) };
}

export async function branches(db: Db, actor: Actor, today = shanghaiToday()) {
  const rows = await branchesInScope(db, actor, today);
  return { items: rows.map((b) => ({ id: b.id, name: b.name, fullMembers: Number(b.full_members ?? 0) })) };
}

export async function eligibleMembers(db: Db, actor: Actor, id: number) {
  const r = await findRecruitment(db, actor, id);
  const rows = await fullMembersOf(db, actor, r.org_path);
  return {
    items: rows.map((m) => ({ id: m.id, name: m.name, convertedOn: m.converted_on, orgName: m.org_name })),
  };
}

/** The full members with voting rights of the branch on a meeting date: the number quorum and majority use. */
export async function membersDue(db: Db, actor: Actor, id: number, on: string | undefined) {
  const r = await findRecruitment(db, actor, id);
  const date = on && isDate(on) ? on : shanghaiToday();
  return { on: date, due: await fullMembersOn(db, actor, r.org_path, date) };
}
