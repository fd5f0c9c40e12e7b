// The rectification ledger (整顿台账) of one listed org: the town sets the plan (problems with measures
// and deadlines, the responsible cadre, the deadline), records progress and closes problems with
// evidence, and asks for 销号; the county accepts it with evidence or sends it back, and six months
// after acceptance reviews it (回头看). Each step checks the ledger machine, the level and the version.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg, verifyWeakOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  ACTION_NAMES,
  allowedActions,
  canTake,
  type LedgerAction,
  levelOf,
  nextState,
  STATE_NAMES,
} from './domain/ledger-machine.ts';
import { CRITERION_NAMES, reviewDue } from './domain/weak-org-rules.ts';
import {
  addProgress,
  ledgerParts,
  markProblemDone,
  replaceProblems,
  updateWeakOrg,
} from './weak-org.repository.ts';
import { readWeakOrgSettings, weakOrgErrors } from './weak-org.service.ts';

const ledgerError = {
  state: (state: string, action: LedgerAction) =>
    unprocessable(
      'LEDGER_STATE',
      `台账状态为「${STATE_NAMES[state as keyof typeof STATE_NAMES]?.zh ?? state}」，不能${ACTION_NAMES[action].zh}。`,
      `The ledger is ${state}: it cannot ${action}.`,
    ),
  notRectifying: (state: string) =>
    unprocessable(
      'LEDGER_NOT_RECTIFYING',
      `台账状态为「${STATE_NAMES[state as keyof typeof STATE_NAMES]?.zh ?? state}」：整顿中的台账才能记录进展。`,
      `The ledger is ${state}: progress is recorded while rectifying.`,
    ),
  changed: () =>
    conflict('LEDGER_CHANGED', '台账已被他人更新，请刷新后重试。', 'The ledger changed meanwhile: reload.'),
  openProblems: (n: number) =>
    unprocessable(
      'LEDGER_PROBLEMS_OPEN',
      `还有 ${n} 个问题未整改完成，不能申请销号。`,
      `${n} problems are still open.`,
    ),
  noProblems: () =>
    unprocessable(
      'LEDGER_NO_PROBLEMS',
      '整顿方案须列出至少一个问题及整改措施。',
      'The plan lists at least one problem.',
      {
        field: 'problems',
      },
    ),
  problemsDone: () =>
    unprocessable(
      'LEDGER_PROBLEMS_STARTED',
      '已有问题整改完成，问题清单不能整体替换；请补充进展。',
      'Some problems are already closed: the list cannot be replaced.',
    ),
  date: (field: string, value: string) =>
    unprocessable(
      'LEDGER_DATE',
      `日期 ${value} 无效或晚于今天。`,
      `The date ${value} is invalid or in the future.`,
      { field },
    ),
  evidence: () =>
    unprocessable('LEDGER_EVIDENCE_REQUIRED', '验收销号须写明验收依据。', 'Acceptance needs its evidence.', {
      field: 'evidence',
    }),
  reviewNotDue: (due: string) =>
    unprocessable(
      'LEDGER_REVIEW_NOT_DUE',
      `销号满六个月后（${due} 起）才能回头看。`,
      `The review is due from ${due}.`,
      { due },
    ),
  problem: (id: number) =>
    unprocessable(
      'LEDGER_PROBLEM_UNKNOWN',
      `问题 ${id} 不属于本台账。`,
      `Problem ${id} is not in this ledger.`,
      { field: 'problemId' },
    ),
};

/** The actor's level, and whether it may take an action of that level on this org. */
async function mayAct(db: Db, actor: Actor, action: LedgerAction | 'progress') {
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  const level = action === 'progress' ? 'town' : levelOf(action);
  if (level === 'county' && me.level !== 'county' && me.level !== 'city') throw weakOrgErrors.countyOnly();
  if (level === 'town' && !['town', 'county', 'city'].includes(me.level)) throw weakOrgErrors.townOnly();
  return me;
}

export async function ledgerDetail(db: Db, actor: Actor, id: number) {
  const w = await verifyWeakOrg(db, actor, id);
  const [{ problems, progress }, me, town] = await Promise.all([
    ledgerParts(db, w.id),
    verifyOrg(db, actor, actor.scopeOrgId),
    verifyOrg(db, actor, w.town_org_id).catch(() => null),
  ]);
  const manage = actor.permissions.has('assessment:manage');
  return {
    id: Number(w.id),
    year: w.year,
    org: { id: Number(w.org_id), name: w.org_name },
    town: { id: Number(w.town_org_id), name: town?.name ?? '' },
    state: w.state,
    stateName: STATE_NAMES[w.state],
    reasons: {
      ...w.reasons,
      names: w.reasons.criteria.map((c) => CRITERION_NAMES[c]),
    },
    plan: w.plan,
    cadreName: w.cadre_name,
    cadrePost: w.cadre_post,
    deadline: w.deadline,
    listedOn: w.listed_on,
    acceptanceEvidence: w.acceptance_evidence,
    acceptedOn: w.accepted_on,
    reviewDueOn: w.review_due_on,
    reviewedOn: w.reviewed_on,
    reviewResult: w.review_result,
    reviewNote: w.review_note,
    version: w.version,
    problems: problems.map((p) => ({
      id: Number(p.id),
      seq: p.seq,
      problem: p.problem,
      measure: p.measure,
      deadline: p.deadline,
      doneOn: p.done_on,
      evidence: p.evidence,
    })),
    progress: progress.map((p) => ({
      id: Number(p.id),
      action: p.action,
      onDate: p.on_date,
      note: p.note,
      recordedBy: p.recorded_by_name,
      recordedAt: p.recorded_at,
    })),
    actions: manage
      ? allowedActions(w.state).filter((a) =>
          levelOf(a) === 'county' ? me.level === 'county' || me.level === 'city' : me.level !== 'village',
        )
      : [],
  };
}

export interface PlanInput {
  plan: string;
  cadreName: string;
  cadrePost: string;
  deadline: string;
  problems: { problem: string; measure: string; deadline?: string | undefined }[];
}

/** The town sets (or revises) the plan: problems and measures, the responsible cadre, the deadline. */
export async function setPlan(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  input: PlanInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const w = await verifyWeakOrg(db, actor, id, 'assessment:manage');
  await mayAct(db, actor, 'plan');
  if (!canTake('plan', w.state)) throw ledgerError.state(w.state, 'plan');
  if (input.problems.length === 0) throw ledgerError.noProblems();
  const { problems } = await ledgerParts(db, w.id);
  if (problems.some((p) => p.done_on !== null)) throw ledgerError.problemsDone();
  return write(async (trx, audit) => {
    const next = nextState('plan', w.state);
    if (
      !(await updateWeakOrg(trx, w.id, w.version, {
        state: next,
        plan: input.plan.trim(),
        cadre_name: input.cadreName.trim(),
        cadre_post: input.cadrePost.trim(),
        deadline: input.deadline,
      }))
    )
      throw ledgerError.changed();
    await replaceProblems(
      trx,
      w.id,
      w.county_code,
      input.problems.map((p) => ({
        problem: p.problem.trim(),
        measure: p.measure.trim(),
        deadline: p.deadline ?? null,
      })),
    );
    await addProgress(trx, {
      weak_org_id: w.id,
      county_code: w.county_code,
      action: 'plan',
      on_date: today,
      note: `制定整顿方案：${input.problems.length} 个问题，责任人 ${input.cadrePost}${input.cadreName}，${input.deadline} 前完成`,
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'weak_org.plan',
      targetType: 'weak_org',
      targetId: w.id,
      countyCode: w.county_code,
      before: { state: w.state, plan: w.plan },
      after: { state: next, ...input },
    });
    return { id: Number(w.id), state: next };
  });
}

export interface ProgressInput {
  onDate: string;
  note: string;
  problemId?: number | undefined;
  evidence?: string | undefined;
}

/** A progress note, optionally closing one problem with its evidence. */
export async function addLedgerProgress(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  input: ProgressInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const w = await verifyWeakOrg(db, actor, id, 'assessment:manage');
  await mayAct(db, actor, 'progress');
  if (w.state !== 'rectifying') throw ledgerError.notRectifying(w.state);
  if (!isDate(input.onDate) || input.onDate > today) throw ledgerError.date('onDate', input.onDate);
  const { problems } = await ledgerParts(db, w.id);
  const problem =
    input.problemId === undefined ? null : problems.find((p) => Number(p.id) === input.problemId);
  if (input.problemId !== undefined && !problem) throw ledgerError.problem(input.problemId);
  return write(async (trx, audit) => {
    if (problem)
      await markProblemDone(trx, Number(problem.id), w.id, input.onDate, input.evidence?.trim() ?? '');
    await addProgress(trx, {
      weak_org_id: w.id,
      county_code: w.county_code,
      action: problem ? 'problem_done' : 'progress',
      on_date: input.onDate,
      note: problem ? `问题“${problem.problem}”整改完成：${input.note.trim()}` : input.note.trim(),
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'weak_org.progress',
      targetType: 'weak_org',
      targetId: w.id,
      countyCode: w.county_code,
      after: { ...input, problem: problem?.problem ?? null },
    });
    return { id: Number(w.id), state: w.state };
  });
}

export interface TransitionInput {
  action: Exclude<LedgerAction, 'plan'>;
  note?: string | undefined;
  evidence?: string | undefined;
  relapsed?: boolean | undefined;
}

/** 申请销号 (town), 验收销号 / 验收不通过 (county), 回头看 (county, six months after acceptance). */
export async function moveLedger(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  input: TransitionInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const w = await verifyWeakOrg(db, actor, id, 'assessment:manage');
  await mayAct(db, actor, input.action);
  if (!canTake(input.action, w.state)) throw ledgerError.state(w.state, input.action);
  if (input.action === 'request_acceptance') {
    const { problems } = await ledgerParts(db, w.id);
    const open = problems.filter((p) => p.done_on === null).length;
    if (open) throw ledgerError.openProblems(open);
  }
  if (input.action === 'accept' && !input.evidence?.trim()) throw ledgerError.evidence();
  if (input.action === 'review' && w.review_due_on && today < w.review_due_on)
    throw ledgerError.reviewNotDue(w.review_due_on);
  const settings = await readWeakOrgSettings(db);
  const next = nextState(input.action, w.state, input.relapsed === true);
  const note = input.note?.trim() ?? '';
  const patch =
    input.action === 'accept'
      ? {
          state: next,
          accepted_on: today,
          accepted_by: actor.accountId,
          acceptance_evidence: input.evidence?.trim() ?? '',
          review_due_on: reviewDue(today, settings),
        }
      : input.action === 'review'
        ? {
            state: next,
            reviewed_on: today,
            review_result: input.relapsed ? ('relapsed' as const) : ('consolidated' as const),
            review_note: note,
          }
        : { state: next };
  return write(async (trx, audit) => {
    if (!(await updateWeakOrg(trx, w.id, w.version, patch))) throw ledgerError.changed();
    await addProgress(trx, {
      weak_org_id: w.id,
      county_code: w.county_code,
      action: input.action,
      on_date: today,
      note: [
        ACTION_NAMES[input.action].zh,
        input.action === 'review' ? (input.relapsed ? '问题反弹，重新整顿' : '整顿成果巩固') : '',
        note,
        input.evidence?.trim() ?? '',
      ]
        .filter(Boolean)
        .join('：'),
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'weak_org.transition',
      targetType: 'weak_org',
      targetId: w.id,
      countyCode: w.county_code,
      before: { state: w.state },
      after: { state: next, action: input.action, note, evidence: input.evidence ?? null },
    });
    return { id: Number(w.id), state: next };
  });
}
