// 吹哨报到: a town or village summons several departments into one case; each reports (报到) within
// its limit, then records its part (done). The case closes only when every part is done. Pure.
import type { CaseActor, SummonsState } from './case-machine.ts';
import { SUMMONS_STATE_NAMES } from './case-names.ts';

export type SummonsAction = 'report' | 'complete';

export interface SummonsPart {
  departmentId: number;
  state: SummonsState;
  summonedAt: Date;
  reportDeadline: Date;
  reportedAt: Date | null;
  doneAt: Date | null;
  note: string | null;
}

export interface SummonsOk {
  ok: true;
  next: SummonsPart;
  /** Reported after the report deadline. */
  late: boolean;
}

export interface SummonsError {
  ok: false;
  code: 'TRANSITION_NOT_ALLOWED' | 'ROLE_NOT_ALLOWED' | 'NOT_CASE_DEPARTMENT' | 'FIELDS_REQUIRED';
  status: 403 | 409 | 422;
  message_zh: string;
  message_en: string;
  details: { state: SummonsState; action: string };
}

/** A new part for each summoned department; the report deadline comes from sla.deadlineFor. */
export function newSummonsPart(departmentId: number, summonedAt: Date, reportDeadline: Date): SummonsPart {
  return {
    departmentId,
    state: 'summoned',
    summonedAt,
    reportDeadline,
    reportedAt: null,
    doneAt: null,
    note: null,
  };
}

/** report: summoned → reported (报到); complete: reported → done, with a note of what was done. */
export function summonsTransition(
  part: SummonsPart,
  action: string,
  input: { actor: CaseActor; at: Date; note?: string | null },
): SummonsOk | SummonsError {
  const err = (
    code: SummonsError['code'],
    status: SummonsError['status'],
    zh: string,
    en: string,
  ): SummonsError => ({
    ok: false,
    code,
    status,
    message_zh: zh,
    message_en: en,
    details: { state: part.state, action },
  });
  const from: Record<SummonsAction, SummonsState> = { report: 'summoned', complete: 'reported' };
  if (action !== 'report' && action !== 'complete') {
    return err(
      'TRANSITION_NOT_ALLOWED',
      409,
      `未知的报到操作「${action}」。`,
      `Unknown summons action '${action}'.`,
    );
  }
  const stateName = SUMMONS_STATE_NAMES[part.state];
  if (part.state !== from[action]) {
    const zh = action === 'report' ? '报到只能在「待报到」时进行' : '完成只能在「已报到」后进行';
    const en =
      action === 'report'
        ? 'report is allowed only when summoned'
        : 'complete is allowed only after reporting';
    return err(
      'TRANSITION_NOT_ALLOWED',
      409,
      `该部门当前为「${stateName.zh}」。规则：${zh}。`,
      `The department is ${stateName.en}. Rule: ${en}.`,
    );
  }
  const role = input.actor.role;
  if (role !== 'department_staff' && role !== 'org_admin') {
    return err(
      'ROLE_NOT_ALLOWED',
      403,
      '只有被吹哨部门或调度员可以报到和记录完成。',
      'Only the summoned department or the dispatcher may do this.',
    );
  }
  if (role === 'department_staff' && input.actor.departmentId !== part.departmentId) {
    return err(
      'NOT_CASE_DEPARTMENT',
      403,
      '您所在的部门未被吹哨到该案件。',
      'Your department is not summoned to this case.',
    );
  }
  const note = input.note?.trim() ?? '';
  if (action === 'complete' && note === '') {
    return err('FIELDS_REQUIRED', 422, '请填写本部门的处置情况。', 'Say what your department did (note).');
  }
  if (action === 'report') {
    return {
      ok: true,
      next: { ...part, state: 'reported', reportedAt: input.at, note: note || part.note },
      late: input.at.getTime() > part.reportDeadline.getTime(),
    };
  }
  return { ok: true, next: { ...part, state: 'done', doneAt: input.at, note }, late: false };
}

export function allSummonsDone(parts: readonly { state: SummonsState }[]): boolean {
  return parts.every((p) => p.state === 'done');
}

export interface SummonsSummary {
  total: number;
  summoned: number;
  reported: number;
  done: number;
  /** Reported after the deadline, or still not reported past it. */
  late: number;
}

export function summonsSummary(parts: readonly SummonsPart[], now: Date): SummonsSummary {
  const s: SummonsSummary = { total: parts.length, summoned: 0, reported: 0, done: 0, late: 0 };
  for (const p of parts) {
    s[p.state]++;
    const reportedAt = p.reportedAt?.getTime() ?? null;
    if (
      reportedAt === null
        ? now.getTime() > p.reportDeadline.getTime()
        : reportedAt > p.reportDeadline.getTime()
    ) {
      s.late++;
    }
  }
  return s;
}
