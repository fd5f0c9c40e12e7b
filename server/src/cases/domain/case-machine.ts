// The case lifecycle as an explicit state machine (GB/T 30428 steps: 信息采集 → 案卷建立 → 任务派遣 →
// 任务处理 → 处理反馈 → 核查结案 → 综合评价); the 吹哨报到 sub-machine is summons-machine.ts, the names case-names.ts.
// Pure: no clock, no storage. `transition` says whether an action is allowed and what it changes;
// the service persists the result (state, counters, changes) and the step row, and audits it.
import { ACTION_NAMES, FIELD_NAMES, ROLE_NAMES, STATE_NAMES } from './case-names.ts';
import {
  type Audience,
  CASE_ACTIONS,
  type CaseAction,
  type CaseCounters,
  type CaseRole,
  type CaseState,
  DEPARTMENT_ACTIONS,
  EVALUATIONS,
  type Evaluation,
  type Field,
  REJECT_REASONS,
  type RejectReason,
  stepOfState,
  TRANSITIONS,
} from './case-rules.ts';
import {
  type CaseStep,
  SUPERVISION_LEVELS,
  type SupervisionLevel,
  type TimeLimit,
  validateLimit,
} from './sla.ts';

export * from './case-rules.ts';

export type SummonsState = 'summoned' | 'reported' | 'done';

/** The case as the machine needs to see it. */
export interface CaseSnapshot {
  state: CaseState;
  counters: CaseCounters;
  departmentId: number | null;
  reporterAccountId: number | null;
  evaluation: Evaluation | null;
  supervision: SupervisionLevel;
  summons: readonly { departmentId: number; state: SummonsState }[];
}

export interface CaseActor {
  role: string;
  id: number | null;
  /** The department of a department_staff account. */
  departmentId?: number | null;
}

export interface TransitionInput {
  actor: CaseActor;
  note?: string | null;
  /** Attachment ids or storage keys already uploaded. */
  attachments?: readonly string[] | null;
  categoryCode?: string | null;
  rejectReason?: RejectReason | null;
  duplicateOf?: number | null;
  departmentId?: number | null;
  departmentIds?: readonly number[] | null;
  /** request_extension: the extra time asked; approve_extension: optionally the time granted instead. */
  extension?: TimeLimit | null;
  evaluation?: Evaluation | null;
  supervision?: SupervisionLevel | null;
  /** Names of the departments the input names, for the messages (ids when absent). */
  departmentNames?: Readonly<Record<number, string>>;
}

export interface TransitionOptions {
  /** How many times a dissatisfied reporter may reopen a case (default 1). */
  maxReopens?: number;
}

/** What the service stores besides state and counters. Absent keys do not change. */
export interface CaseChanges {
  categoryCode?: string;
  departmentId?: number | null;
  rejection?: { reason: RejectReason; duplicateOf: number | null; note: string };
  extensionGranted?: TimeLimit;
  summonsAdded?: number[];
  evaluation?: Evaluation | null;
  supervision?: SupervisionLevel;
}

/**
 * What happens to the current step's deadline: restart (a new step begins now, limit from the category),
 * keep, extend (by changes.extensionGranted), stop (no timed step in the new state).
 */
export type StepClock = 'restart' | 'keep' | 'extend' | 'stop';

export interface CaseEvent {
  type: `case.${CaseAction}` | 'case.closed' | 'case.reworked' | 'case.redispatched';
  notify: readonly Audience[];
}

export interface TransitionOk {
  ok: true;
  action: CaseAction;
  from: CaseState;
  next: CaseState;
  counters: CaseCounters;
  changes: CaseChanges;
  step: CaseStep | null;
  clock: StepClock;
  events: CaseEvent[];
}

export type TransitionErrorCode =
  | 'UNKNOWN_ACTION'
  | 'TRANSITION_NOT_ALLOWED'
  | 'ROLE_NOT_ALLOWED'
  | 'NOT_CASE_DEPARTMENT'
  | 'NOT_REPORTER'
  | 'FIELDS_REQUIRED'
  | 'FIELD_INVALID'
  | 'SUMMONS_OPEN'
  | 'ALREADY_SUMMONED'
  | 'REOPEN_NOT_ALLOWED'
  | 'SUPERVISION_NOT_RAISED';

export interface TransitionError {
  ok: false;
  code: TransitionErrorCode;
  /** The HTTP status the API answers with. */
  status: 403 | 409 | 422;
  message_zh: string;
  message_en: string;
  details: {
    state: CaseState;
    action: string;
    /** Actions allowed from the current state (for anyone). */
    allowed_actions: CaseAction[];
    allowed_roles?: CaseRole[];
    problems?: { field: Field; problem: 'missing' | 'invalid'; message_zh: string; message_en: string }[];
  };
}

export type TransitionResult = TransitionOk | TransitionError;

const zhList = (items: readonly { zh: string }[]) => items.map((i) => `「${i.zh}」`).join('、') || '无';
const enList = (items: readonly { en: string }[]) => items.map((i) => `'${i.en}'`).join(', ') || 'none';

/** Actions allowed from a state, for a role when given. */
export function allowedActions(state: CaseState, role?: string): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const rule = TRANSITIONS[a];
    return (
      rule.from.includes(state) && (role === undefined || (rule.roles as readonly string[]).includes(role))
    );
  });
}

export function isCaseAction(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value);
}

function fail(
  snapshot: CaseSnapshot,
  action: string,
  code: TransitionErrorCode,
  status: TransitionError['status'],
  message_zh: string,
  message_en: string,
  extra: Partial<TransitionError['details']> = {},
): TransitionError {
  return {
    ok: false,
    code,
    status,
    message_zh,
    message_en,
    details: { state: snapshot.state, action, allowed_actions: allowedActions(snapshot.state), ...extra },
  };
}

const isPositiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
const MAX_NOTE = 2000;
const MAX_ATTACHMENTS = 20;

type Problem = NonNullable<TransitionError['details']['problems']>[number];

function checkFields(action: CaseAction, input: TransitionInput): Problem[] {
  const problems: Problem[] = [];
  const missing = (field: Field) =>
    problems.push({
      field,
      problem: 'missing',
      message_zh: `请填写${FIELD_NAMES[field].zh}`,
      message_en: `${FIELD_NAMES[field].en} is required`,
    });
  const invalid = (field: Field, zh: string, en: string) =>
    problems.push({
      field,
      problem: 'invalid',
      message_zh: `${FIELD_NAMES[field].zh}${zh}`,
      message_en: `${FIELD_NAMES[field].en} ${en}`,
    });
  const required = new Set<Field>(TRANSITIONS[action].required);
  if (action === 'reject' && input.rejectReason === 'duplicate') required.add('duplicateOf');

  const present = (f: Field) => input[f] !== undefined && input[f] !== null;
  for (const f of required) {
    const v = input[f];
    const empty =
      !present(f) ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && (v as unknown[]).length === 0);
    if (empty) missing(f);
  }
  const given = (f: Field) => present(f) && !problems.some((p) => p.field === f);
  if (given('note') && (typeof input.note !== 'string' || input.note.length > MAX_NOTE)) {
    invalid('note', `须为不超过 ${MAX_NOTE} 字的文字`, `must be text of at most ${MAX_NOTE} characters`);
  }
  if (given('attachments')) {
    const a = input.attachments;
    if (!Array.isArray(a) || a.length > MAX_ATTACHMENTS || a.some((x) => typeof x !== 'string' || x === '')) {
      invalid(
        'attachments',
        `最多 ${MAX_ATTACHMENTS} 个`,
        `must be at most ${MAX_ATTACHMENTS} uploaded files`,
      );
    }
  }
  if (given('categoryCode') && typeof input.categoryCode !== 'string')
    invalid('categoryCode', '无效', 'is invalid');
  if (given('rejectReason') && !REJECT_REASONS.includes(input.rejectReason as RejectReason)) {
    invalid(
      'rejectReason',
      '须为无效、重复或非本单位职责',
      'must be invalid, duplicate or not_our_responsibility',
    );
  }
  if (given('duplicateOf') && !isPositiveInt(input.duplicateOf))
    invalid('duplicateOf', '无效', 'must be a case id');
  if (given('departmentId') && !isPositiveInt(input.departmentId)) {
    invalid('departmentId', '无效', 'must be a department id');
  }
  if (given('departmentIds')) {
    const ids = input.departmentIds;
    if (!Array.isArray(ids) || !ids.every(isPositiveInt) || new Set(ids).size !== ids.length) {
      invalid('departmentIds', '须为不重复的部门', 'must be distinct department ids');
    }
  }
  if (given('extension')) {
    try {
      validateLimit(input.extension as TimeLimit);
    } catch {
      invalid('extension', '须为大于 0 的时限', 'must be a time limit greater than 0');
    }
  }
  if (given('evaluation') && !EVALUATIONS.includes(input.evaluation as Evaluation)) {
    invalid(
      'evaluation',
      '须为满意、基本满意或不满意',
      'must be satisfied, basically_satisfied or dissatisfied',
    );
  }
  if (given('supervision') && !['ordinary', 'yellow', 'red'].includes(input.supervision as string)) {
    invalid('supervision', '须为一般、黄牌或红牌', 'must be ordinary, yellow or red');
  }
  return problems;
}

/**
 * The checks that do not depend on the fields sent: the state, the role, who the actor is (the case's
 * department, its reporter) and the rule's own guards (open summons, reopening). One place decides
 * both what a refusal says and which actions a case offers its viewer (actionsFor).
 */
function guard(
  snapshot: CaseSnapshot,
  action: CaseAction,
  actor: CaseActor,
  maxReopens: number,
): TransitionError | null {
  const rule = TRANSITIONS[action];
  const name = ACTION_NAMES[action];
  const stateName = STATE_NAMES[snapshot.state];
  if (!rule.from.includes(snapshot.state)) {
    const mine = actionsFor(snapshot, actor, { maxReopens }).map((a) => ACTION_NAMES[a]);
    return fail(
      snapshot,
      action,
      'TRANSITION_NOT_ALLOWED',
      409,
      `案件当前为「${stateName.zh}」，不能${name.zh}。规则：${name.zh}只能在${zhList(rule.from.map((s) => STATE_NAMES[s]))}状态下进行；${mine.length ? `您现在可以：${zhList(mine)}` : '您现在无需对该案件操作'}。`,
      `The case is ${stateName.en}: it cannot ${name.en}. Rule: ${name.en} is allowed only when the case is ${enList(rule.from.map((s) => STATE_NAMES[s]))}; ${mine.length ? `you may now: ${enList(mine)}` : 'nothing is for you to do now'}.`,
    );
  }
  const role = actor.role;
  if (!(rule.roles as readonly string[]).includes(role)) {
    const roles = rule.roles.map((r) => ROLE_NAMES[r]);
    return fail(
      snapshot,
      action,
      'ROLE_NOT_ALLOWED',
      403,
      `只有${zhList(roles)}可以${name.zh}。`,
      `Only ${enList(roles)} may ${name.en}.`,
      { allowed_roles: [...rule.roles] },
    );
  }
  if (
    role === 'department_staff' &&
    DEPARTMENT_ACTIONS.includes(action) &&
    (snapshot.departmentId === null || actor.departmentId !== snapshot.departmentId)
  ) {
    return fail(
      snapshot,
      action,
      'NOT_CASE_DEPARTMENT',
      403,
      `该案件未派遣给您所在的部门，不能${name.zh}。`,
      `The case is not dispatched to your department: you cannot ${name.en}.`,
    );
  }
  if (
    role === 'resident' &&
    (snapshot.reporterAccountId === null || actor.id !== snapshot.reporterAccountId)
  ) {
    return fail(
      snapshot,
      action,
      'NOT_REPORTER',
      403,
      `只有反映人本人可以${name.zh}。`,
      `Only the person who reported the case may ${name.en}.`,
    );
  }
  const openParts = snapshot.summons.filter((p) => p.state !== 'done');
  if ((action === 'feedback' || action === 'verify_pass') && openParts.length > 0) {
    return fail(
      snapshot,
      action,
      'SUMMONS_OPEN',
      409,
      `吹哨报到的 ${snapshot.summons.length} 个部门中还有 ${openParts.length} 个未完成，不能${name.zh}。规则：每个被吹哨部门完成后案件才能结案。`,
      `${openParts.length} of the ${snapshot.summons.length} summoned departments have not finished: the case cannot ${name.en}. Rule: a case closes only when every summoned department is done.`,
    );
  }
  if (action === 'reopen') {
    if (snapshot.evaluation !== 'dissatisfied') {
      return fail(
        snapshot,
        action,
        'REOPEN_NOT_ALLOWED',
        409,
        '只有评价为「不满意」的案件可以重新办理。',
        'Only a case evaluated as dissatisfied can be reopened.',
      );
    }
    if (snapshot.counters.reopen_count >= maxReopens) {
      return fail(
        snapshot,
        action,
        'REOPEN_NOT_ALLOWED',
        409,
        `该案件已重新办理 ${snapshot.counters.reopen_count} 次，最多 ${maxReopens} 次。`,
        `The case was reopened ${snapshot.counters.reopen_count} time(s); at most ${maxReopens} allowed.`,
      );
    }
  }
  return null;
}

/** What this actor may do with the case now: the actions the machine would not refuse before fields. */
export function actionsFor(
  snapshot: CaseSnapshot,
  actor: CaseActor,
  options: TransitionOptions = {},
): CaseAction[] {
  const maxReopens = options.maxReopens ?? 1;
  return CASE_ACTIONS.filter(
    (a) => TRANSITIONS[a].from.includes(snapshot.state) && guard(snapshot, a, actor, maxReopens) === null,
  );
}

/** Decides one action on a case. Checks, in order: action, state, role, who, the rule's guards, fields. */
export function transition(
  snapshot: CaseSnapshot,
  action: string,
  input: TransitionInput,
  options: TransitionOptions = {},
): TransitionResult {
  const maxReopens = options.maxReopens ?? 1;
  if (!isCaseAction(action)) {
    return fail(
      snapshot,
      action,
      'UNKNOWN_ACTION',
      422,
      `未知的操作「${action}」。`,
      `Unknown action '${action}'.`,
    );
  }
  const name = ACTION_NAMES[action];
  const refused = guard(snapshot, action, input.actor, maxReopens);
  if (refused) return refused;

  const problems = checkFields(action, input);
  if (problems.length > 0) {
    const missing = problems.some((p) => p.problem === 'missing');
    return fail(
      snapshot,
      action,
      missing ? 'FIELDS_REQUIRED' : 'FIELD_INVALID',
      422,
      `${name.zh}：${problems.map((p) => p.message_zh).join('；')}。`,
      `To ${name.en}: ${problems.map((p) => p.message_en).join('; ')}.`,
      { problems },
    );
  }

  if (action === 'whistle') {
    const already = (input.departmentIds ?? []).filter((id) =>
      snapshot.summons.some((p) => p.departmentId === id),
    );
    if (already.length > 0) {
      return fail(
        snapshot,
        action,
        'ALREADY_SUMMONED',
        409,
        `${already.map((id) => input.departmentNames?.[id] ?? `部门 ${id}`).join('、')}已被吹哨到该案件，不能重复吹哨。`,
        `${already.map((id) => input.departmentNames?.[id] ?? `Department ${id}`).join(', ')} already summoned to this case.`,
      );
    }
  }
  if (
    action === 'supervise' &&
    SUPERVISION_LEVELS.indexOf(input.supervision as SupervisionLevel) <=
      SUPERVISION_LEVELS.indexOf(snapshot.supervision)
  ) {
    return fail(
      snapshot,
      action,
      'SUPERVISION_NOT_RAISED',
      409,
      '督办只能升级：一般督办 → 黄牌 → 红牌。',
      'Supervision only rises: ordinary → yellow card → red card.',
    );
  }

  return apply(snapshot, action, input);
}

function apply(snapshot: CaseSnapshot, action: CaseAction, input: TransitionInput): TransitionOk {
  const rule = TRANSITIONS[action];
  const from = snapshot.state;
  const next = rule.to ?? from;
  const counters = { ...snapshot.counters };
  const changes: CaseChanges = {};
  const events: CaseEvent[] = [{ type: `case.${action}`, notify: rule.notify }];

  switch (action) {
    case 'file':
      changes.categoryCode = input.categoryCode as string;
      break;
    case 'reject':
      changes.rejection = {
        reason: input.rejectReason as RejectReason,
        duplicateOf: input.rejectReason === 'duplicate' ? (input.duplicateOf as number) : null,
        note: (input.note as string).trim(),
      };
      break;
    case 'dispatch':
      changes.departmentId = input.departmentId as number;
      if (from === 'returned') {
        counters.redispatch_count++;
        events.push({ type: 'case.redispatched', notify: [] });
      }
      break;
    case 'return':
      changes.departmentId = null;
      break;
    case 'approve_extension':
      counters.extension_count++;
      if (input.extension) changes.extensionGranted = input.extension;
      break;
    case 'whistle':
      changes.summonsAdded = [...(input.departmentIds as number[])];
      break;
    case 'verify_fail':
      counters.rework_count++;
      events.push({ type: 'case.reworked', notify: [] });
      break;
    case 'evaluate':
      changes.evaluation = input.evaluation as Evaluation;
      break;
    case 'reopen':
      counters.reopen_count++;
      changes.evaluation = null;
      changes.departmentId = null;
      break;
    case 'supervise':
      changes.supervision = input.supervision as SupervisionLevel;
      break;
    default:
      break;
  }
  if (next === 'closed') events.push({ type: 'case.closed', notify: ['reporter'] });

  const step = stepOfState(next);
  const before = stepOfState(from);
  let clock: StepClock;
  if (step === null) clock = 'stop';
  else if (action === 'approve_extension') clock = 'extend';
  else if (step !== before || action === 'verify_fail') clock = 'restart';
  else clock = 'keep';

  return { ok: true, action, from, next, counters, changes, step, clock, events };
}
