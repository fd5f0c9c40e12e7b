import { describe, expect, test } from 'vitest';
import {
  actionsFor,
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseSnapshot,
  type CaseState,
  type RejectReason,
  stepOfState,
  TRANSITIONS,
  type TransitionInput,
  type TransitionOk,
  transition,
  ZERO_COUNTERS,
} from './case-machine.ts';
import { allSummonsDone, newSummonsPart, summonsSummary, summonsTransition } from './summons-machine.ts';

const DISPATCHER = { role: 'org_admin', id: 10 };
const WORKER = { role: 'grid_worker', id: 20 };
const DEPT = { role: 'department_staff', id: 30, departmentId: 7 };
const OTHER_DEPT = { role: 'department_staff', id: 31, departmentId: 8 };
const REPORTER = { role: 'resident', id: 40 };
const SYSTEM = { role: 'system', id: null };
const PHOTO = ['att-1'];

function snap(state: CaseState, extra: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    state,
    counters: ZERO_COUNTERS,
    departmentId: null,
    reporterAccountId: 40,
    evaluation: null,
    supervision: 'none',
    summons: [],
    ...extra,
  };
}

function ok(s: CaseSnapshot, action: string, input: TransitionInput): TransitionOk {
  const r = transition(s, action, input);
  if (!r.ok) throw new Error(`${action} from ${s.state}: ${r.code} ${r.message_en}`);
  return r;
}

/** Applies a result to a snapshot the way the service stores it. */
function after(s: CaseSnapshot, r: TransitionOk): CaseSnapshot {
  const c = r.changes;
  return {
    ...s,
    state: r.next,
    counters: r.counters,
    departmentId: c.departmentId !== undefined ? c.departmentId : s.departmentId,
    evaluation: c.evaluation !== undefined ? c.evaluation : s.evaluation,
    supervision: c.supervision ?? s.supervision,
    summons: [
      ...s.summons,
      ...(c.summonsAdded ?? []).map((departmentId) => ({ departmentId, state: 'summoned' as const })),
    ],
  };
}

describe('the whole loop', () => {
  test('report → file → dispatch → return → redispatch → accept → extension → feedback → fail → feedback → pass → evaluate → reopen', () => {
    let s = snap('reported');
    const steps: [string, TransitionInput, CaseState][] = [
      ['file', { actor: DISPATCHER, categoryCode: 'C01-02' }, 'filed'],
      ['dispatch', { actor: DISPATCHER, departmentId: 8 }, 'dispatched'],
      ['return', { actor: OTHER_DEPT, note: '非本部门职责：路灯归城管' }, 'returned'],
      ['dispatch', { actor: DISPATCHER, departmentId: 7 }, 'dispatched'],
      ['accept', { actor: DEPT }, 'in_handling'],
      [
        'request_extension',
        { actor: DEPT, extension: { amount: 2, unit: 'workday' }, note: '需订购灯具' },
        'extension_requested',
      ],
      ['approve_extension', { actor: DISPATCHER }, 'in_handling'],
      ['feedback', { actor: DEPT, note: '已更换灯泡', attachments: PHOTO }, 'handled'],
      ['verify_fail', { actor: WORKER, note: '夜间仍不亮' }, 'in_handling'],
      ['feedback', { actor: DEPT, note: '已更换线路', attachments: PHOTO }, 'handled'],
      ['verify_pass', { actor: WORKER, attachments: PHOTO }, 'closed'],
      ['evaluate', { actor: REPORTER, evaluation: 'dissatisfied' }, 'evaluated'],
      ['reopen', { actor: REPORTER, note: '灯光太暗' }, 'reopened'],
    ];
    const clocks: string[] = [];
    for (const [action, input, expected] of steps) {
      const r = ok(s, action, input);
      expect(r.next).toBe(expected);
      clocks.push(r.clock);
      s = after(s, r);
    }
    expect(s.counters).toEqual({ redispatch_count: 1, rework_count: 1, extension_count: 1, reopen_count: 1 });
    expect(clocks).toEqual([
      'keep', // reported → filed: both in the dispatch step
      'restart', // handling starts
      'restart', // back to dispatch
      'restart',
      'keep', // accept: the handling limit runs from dispatch
      'keep',
      'extend',
      'restart', // verification starts
      'restart', // rework: a fresh handling limit
      'restart',
      'stop',
      'stop',
      'restart',
    ]);
    // Reopened once: a second dissatisfied evaluation cannot reopen again.
    s = after(s, ok(s, 'dispatch', { actor: DISPATCHER, departmentId: 7 }));
    expect(s.counters.redispatch_count).toBe(1); // dispatch from reopened is not a redispatch
    s = after(s, ok(s, 'accept', { actor: DEPT }));
    s = after(s, ok(s, 'feedback', { actor: DEPT, note: '更换为高亮灯', attachments: PHOTO }));
    s = after(s, ok(s, 'verify_pass', { actor: WORKER }));
    s = after(s, ok(s, 'evaluate', { actor: REPORTER, evaluation: 'dissatisfied' }));
    const again = transition(s, 'reopen', { actor: REPORTER, note: '还是不行' });
    expect(again).toMatchObject({ ok: false, code: 'REOPEN_NOT_ALLOWED', status: 409 });
    expect(transition(s, 'reopen', { actor: REPORTER, note: 'x' }, { maxReopens: 2 }).ok).toBe(true);
  });

  test('filing result: what the service stores and whom it tells', () => {
    expect(transition(snap('reported'), 'file', { actor: SYSTEM, categoryCode: 'E01-01' })).toEqual({
      ok: true,
      action: 'file',
      from: 'reported',
      next: 'filed',
      counters: ZERO_COUNTERS,
      changes: { categoryCode: 'E01-01' },
      step: 'dispatch',
      clock: 'keep',
      events: [{ type: 'case.file', notify: ['reporter'] }],
    });
  });

  test('the grid worker resolves on the spot with evidence: closed at once', () => {
    const r = ok(snap('reported'), 'resolve_on_spot', { actor: WORKER, note: '已清理', attachments: PHOTO });
    expect([r.next, r.step, r.clock]).toEqual(['closed', null, 'stop']);
    expect(r.events.map((e) => e.type)).toEqual(['case.resolve_on_spot', 'case.closed']);
    expect(transition(snap('reported'), 'resolve_on_spot', { actor: WORKER, note: '已清理' })).toMatchObject({
      code: 'FIELDS_REQUIRED',
      details: { problems: [{ field: 'attachments', problem: 'missing' }] },
    });
  });

  test('escalation to the level above, then dispatch from there; denial of an extension', () => {
    let s = snap('dispatched', { departmentId: 7 });
    s = after(s, ok(s, 'escalate', { actor: SYSTEM, note: '超时未签收，自动上报' }));
    expect(s.state).toBe('escalated');
    s = after(s, ok(s, 'dispatch', { actor: DISPATCHER, departmentId: 7 }));
    expect(s.counters.redispatch_count).toBe(0);
    s = after(s, ok(s, 'accept', { actor: DEPT }));
    s = after(
      s,
      ok(s, 'request_extension', {
        actor: DEPT,
        extension: { amount: 8, unit: 'working_hour' },
        note: '等待材料',
      }),
    );
    const denied = ok(s, 'deny_extension', { actor: DISPATCHER, note: '请按期办结' });
    expect([denied.next, denied.clock, denied.counters.extension_count]).toEqual(['in_handling', 'keep', 0]);
  });
});

describe('rejection', () => {
  test('each reason; duplicate names the case', () => {
    const dup = ok(snap('reported'), 'reject', {
      actor: DISPATCHER,
      rejectReason: 'duplicate',
      duplicateOf: 123,
      note: ' 与 123 号重复 ',
    });
    expect(dup.changes.rejection).toEqual({ reason: 'duplicate', duplicateOf: 123, note: '与 123 号重复' });
    expect([dup.next, dup.clock]).toEqual(['rejected', 'stop']);
    const nr = ok(snap('returned'), 'reject', {
      actor: DISPATCHER,
      rejectReason: 'not_our_responsibility',
      duplicateOf: 5,
      note: '属物业',
    });
    expect(nr.changes.rejection).toEqual({
      reason: 'not_our_responsibility',
      duplicateOf: null,
      note: '属物业',
    });
  });

  test('missing and invalid fields', () => {
    const r = transition(snap('reported'), 'reject', {
      actor: DISPATCHER,
      rejectReason: 'duplicate',
      note: '',
    });
    expect(r).toMatchObject({ ok: false, code: 'FIELDS_REQUIRED', status: 422 });
    if (r.ok) return;
    expect(r.details.problems?.map((p) => [p.field, p.problem])).toEqual([
      ['note', 'missing'],
      ['duplicateOf', 'missing'],
    ]);
    expect(r.message_zh).toBe('不予立案：请填写说明；请填写重复案件编号。');
    const bad = transition(snap('reported'), 'reject', {
      actor: DISPATCHER,
      rejectReason: 'boring' as unknown as RejectReason,
      note: 'x',
    });
    expect(bad).toMatchObject({
      code: 'FIELD_INVALID',
      details: { problems: [{ field: 'rejectReason', problem: 'invalid' }] },
    });
  });
});

describe('refusals name the rule', () => {
  test('a transition not allowed from the current state: 409 with the rule and what is allowed', () => {
    const r = transition(snap('closed'), 'dispatch', { actor: DISPATCHER, departmentId: 7 });
    expect(r).toEqual({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
      message_zh:
        '案件当前为「已结案」，不能派遣。规则：派遣只能在「已立案」、「已退回」、「已上报上级」、「重新办理」状态下进行；您现在可以：「评价」。',
      message_en:
        "The case is closed: it cannot dispatch. Rule: dispatch is allowed only when the case is 'filed', 'returned', 'escalated', 'reopened'; you may now: 'evaluate'.",
      details: { state: 'closed', action: 'dispatch', allowed_actions: ['evaluate'] },
    });
  });

  test('a refusal names only what the actor may do, never other roles’ actions', () => {
    // a grid worker tries to verify a case still in handling: the department's 退回 / 申请延期 and the
    // dispatcher's 吹哨 are not his to do
    const r = transition(snap('in_handling', { departmentId: 7 }), 'verify_pass', { actor: WORKER });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message_zh).toContain('您现在无需对该案件操作');
    for (const other of ['退回', '申请延期', '吹哨', '处置反馈']) expect(r.message_zh).not.toContain(other);
    const dept = transition(snap('dispatched', { departmentId: 7 }), 'feedback', { actor: DEPT });
    expect(dept.ok ? '' : dept.message_zh).toContain('您现在可以：「签收」、「退回」');
  });

  test('already summoned departments are named, not numbered', () => {
    const r = transition(
      snap('in_handling', { summons: [{ departmentId: 7, state: 'summoned' }] }),
      'whistle',
      {
        actor: DISPATCHER,
        note: '再吹',
        departmentIds: [7],
        departmentNames: { 7: '江海区城市管理和综合执法局' },
      },
    );
    expect(r.ok ? '' : r.message_zh).toBe('江海区城市管理和综合执法局已被吹哨到该案件，不能重复吹哨。');
  });

  test('every action from every state outside its rule is refused with TRANSITION_NOT_ALLOWED', () => {
    let refused = 0;
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        if (TRANSITIONS[action].from.includes(state)) continue;
        const r = transition(snap(state), action, { actor: DISPATCHER });
        expect(r.ok ? 'ok' : r.code, `${action} from ${state}`).toBe('TRANSITION_NOT_ALLOWED');
        refused++;
      }
    }
    expect(refused).toBe(CASE_STATES.length * CASE_ACTIONS.length - 40);
  });

  test('unknown action', () => {
    expect(transition(snap('filed'), 'teleport', { actor: DISPATCHER })).toMatchObject({
      code: 'UNKNOWN_ACTION',
      status: 422,
    });
  });

  test('roles', () => {
    const r = transition(snap('filed'), 'dispatch', { actor: WORKER, departmentId: 7 });
    expect(r).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      status: 403,
      message_zh: '只有「镇（街）村（社区）调度员」、「系统」可以派遣。',
      details: { allowed_roles: ['org_admin', 'system'] },
    });
    expect(
      transition(snap('reported'), 'file', { actor: { role: 'secretary', id: 1 }, categoryCode: 'C01-01' }),
    ).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
    });
    expect(transition(snap('handled'), 'verify_pass', { actor: DEPT })).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
    });
  });

  test('only the case’s department accepts, returns, asks for time and gives feedback', () => {
    const s = snap('dispatched', { departmentId: 7 });
    expect(transition(s, 'accept', { actor: OTHER_DEPT })).toMatchObject({
      code: 'NOT_CASE_DEPARTMENT',
      status: 403,
    });
    expect(transition(s, 'accept', { actor: { role: 'department_staff', id: 3 } })).toMatchObject({
      code: 'NOT_CASE_DEPARTMENT',
    });
    expect(transition(s, 'accept', { actor: DEPT }).ok).toBe(true);
  });

  test('only the reporter evaluates as a resident; the dispatcher may record a callback', () => {
    const s = snap('closed');
    expect(
      transition(s, 'evaluate', { actor: { role: 'resident', id: 41 }, evaluation: 'satisfied' }),
    ).toMatchObject({
      code: 'NOT_REPORTER',
    });
    expect(
      transition(snap('closed', { reporterAccountId: null }), 'evaluate', {
        actor: REPORTER,
        evaluation: 'satisfied',
      }),
    ).toMatchObject({
      code: 'NOT_REPORTER',
    });
    expect(ok(s, 'evaluate', { actor: DISPATCHER, evaluation: 'basically_satisfied' }).changes).toEqual({
      evaluation: 'basically_satisfied',
    });
  });

  test('reopen only after a dissatisfied evaluation', () => {
    const s = snap('evaluated', { evaluation: 'satisfied' });
    expect(transition(s, 'reopen', { actor: REPORTER, note: 'x' })).toMatchObject({
      code: 'REOPEN_NOT_ALLOWED',
      message_en: 'Only a case evaluated as dissatisfied can be reopened.',
    });
  });
});

describe('supervision (督办)', () => {
  test('rises only, by system or dispatcher, without changing the state', () => {
    const s = snap('in_handling', { departmentId: 7, supervision: 'ordinary' });
    const r = ok(s, 'supervise', { actor: SYSTEM, supervision: 'yellow' });
    expect([r.next, r.clock, r.changes]).toEqual(['in_handling', 'keep', { supervision: 'yellow' }]);
    expect(transition(s, 'supervise', { actor: DISPATCHER, supervision: 'ordinary' })).toMatchObject({
      code: 'SUPERVISION_NOT_RAISED',
    });
    expect(transition(s, 'supervise', { actor: DISPATCHER, supervision: 'none' })).toMatchObject({
      code: 'FIELD_INVALID',
    });
    expect(transition(snap('closed'), 'supervise', { actor: SYSTEM, supervision: 'red' })).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });
  });
});

describe('吹哨报到', () => {
  test('a town summons three departments; the case closes only when all three are done', () => {
    let s = snap('filed');
    const w = ok(s, 'whistle', { actor: DISPATCHER, departmentIds: [7, 8, 9], note: '联合整治' });
    expect([w.next, w.changes.summonsAdded, w.clock]).toEqual(['in_handling', [7, 8, 9], 'restart']);
    expect(w.events).toEqual([{ type: 'case.whistle', notify: ['summoned_departments'] }]);
    s = after(s, w);
    const fb = transition(s, 'feedback', { actor: DISPATCHER, note: '完成', attachments: PHOTO });
    expect(fb).toMatchObject({
      code: 'SUMMONS_OPEN',
      status: 409,
      message_zh:
        '吹哨报到的 3 个部门中还有 3 个未完成，不能处置反馈。规则：每个被吹哨部门完成后案件才能结案。',
    });
    expect(
      transition(s, 'whistle', { actor: DISPATCHER, departmentIds: [9, 10], note: '再增' }),
    ).toMatchObject({
      code: 'ALREADY_SUMMONED',
    });
    s = { ...s, summons: s.summons.map((p) => ({ ...p, state: 'done' as const })) };
    s = after(s, ok(s, 'feedback', { actor: DISPATCHER, note: '三部门均已完成', attachments: PHOTO }));
    // A part reopened by the service after feedback still blocks closing.
    const blocked = {
      ...s,
      summons: [...s.summons.slice(0, 2), { departmentId: 9, state: 'reported' as const }],
    };
    expect(transition(blocked, 'verify_pass', { actor: WORKER })).toMatchObject({ code: 'SUMMONS_OPEN' });
    expect(ok(s, 'verify_pass', { actor: WORKER }).next).toBe('closed');
  });

  test('department ids must be distinct', () => {
    expect(
      transition(snap('filed'), 'whistle', { actor: DISPATCHER, departmentIds: [7, 7], note: 'x' }),
    ).toMatchObject({
      code: 'FIELD_INVALID',
    });
  });

  test('parts: summoned → reported → done, late reports counted', () => {
    const t0 = new Date('2025-10-09T01:00:00Z');
    const deadline = new Date('2025-10-09T03:00:00Z');
    const part = newSummonsPart(7, t0, deadline);
    expect(part).toEqual({
      departmentId: 7,
      state: 'summoned',
      summonedAt: t0,
      reportDeadline: deadline,
      reportedAt: null,
      doneAt: null,
      note: null,
    });
    expect(summonsTransition(part, 'complete', { actor: DEPT, at: t0, note: 'x' })).toMatchObject({
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      message_zh: '该部门当前为「待报到」。规则：完成只能在「已报到」后进行。',
    });
    expect(summonsTransition(part, 'report', { actor: OTHER_DEPT, at: t0 })).toMatchObject({
      code: 'NOT_CASE_DEPARTMENT',
    });
    expect(summonsTransition(part, 'report', { actor: WORKER, at: t0 })).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
    });
    const lateAt = new Date('2025-10-09T03:00:01Z');
    const reported = summonsTransition(part, 'report', { actor: DEPT, at: lateAt });
    expect(reported).toMatchObject({ ok: true, late: true, next: { state: 'reported', reportedAt: lateAt } });
    if (!reported.ok) return;
    expect(summonsTransition(part, 'report', { actor: DEPT, at: deadline })).toMatchObject({ late: false });
    expect(
      summonsTransition(reported.next, 'complete', { actor: DEPT, at: lateAt, note: ' ' }),
    ).toMatchObject({
      code: 'FIELDS_REQUIRED',
    });
    const done = summonsTransition(reported.next, 'complete', {
      actor: DEPT,
      at: lateAt,
      note: '已清理河道',
    });
    expect(done).toMatchObject({ ok: true, next: { state: 'done', doneAt: lateAt, note: '已清理河道' } });
    if (!done.ok) return;
    expect(summonsTransition(done.next, 'report', { actor: DEPT, at: lateAt })).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
    });

    const onTime = { ...newSummonsPart(8, t0, deadline), state: 'reported' as const, reportedAt: t0 };
    const waiting = newSummonsPart(9, t0, deadline);
    const parts = [done.next, onTime, waiting];
    expect(allSummonsDone(parts)).toBe(false);
    expect(allSummonsDone([done.next])).toBe(true);
    expect(allSummonsDone([])).toBe(true);
    expect(summonsSummary(parts, new Date('2025-10-09T02:00:00Z'))).toEqual({
      total: 3,
      summoned: 1,
      reported: 1,
      done: 1,
      late: 1,
    });
    expect(summonsSummary(parts, new Date('2025-10-09T04:00:00Z')).late).toBe(2);
  });
});

describe('tables', () => {
  test('allowed actions per state and role', () => {
    expect(allowedActions('reported')).toEqual(['file', 'reject', 'resolve_on_spot', 'supervise']);
    expect(allowedActions('in_handling', 'department_staff')).toEqual([
      'return',
      'request_extension',
      'feedback',
    ]);
    expect(allowedActions('handled', 'grid_worker')).toEqual(['verify_pass', 'verify_fail']);
    expect(allowedActions('rejected')).toEqual([]);
  });

  test('actions offered to a viewer: a department sees its own actions only on its own cases', () => {
    const mine = snap('in_handling', { departmentId: 7 });
    expect(actionsFor(mine, DEPT)).toEqual(['return', 'request_extension', 'feedback']);
    // summoned to a case another department owns: none of the owner's actions
    const summoned = snap('in_handling', {
      departmentId: 8,
      summons: [{ departmentId: 7, state: 'summoned' }],
    });
    expect(actionsFor(summoned, DEPT)).toEqual([]);
    expect(actionsFor(snap('in_handling', { departmentId: null }), DEPT)).toEqual([]);
    expect(actionsFor(mine, OTHER_DEPT)).toEqual([]);
    // feedback waits for the summoned departments
    expect(actionsFor(summoned, DISPATCHER)).not.toContain('feedback');
    // a resident evaluates only his own case, and reopens only when dissatisfied
    expect(actionsFor(snap('closed'), REPORTER)).toEqual(['evaluate']);
    expect(actionsFor(snap('closed', { reporterAccountId: 41 }), REPORTER)).toEqual([]);
    expect(actionsFor(snap('evaluated', { evaluation: 'satisfied' }), REPORTER)).toEqual([]);
    expect(actionsFor(snap('evaluated', { evaluation: 'dissatisfied' }), REPORTER)).toEqual(['reopen']);
  });

  test('every state is reachable and has a step or is final', () => {
    const reachable = new Set<CaseState>(['reported']);
    for (const a of CASE_ACTIONS) {
      const to = TRANSITIONS[a].to;
      if (to) reachable.add(to);
    }
    expect([...reachable].sort()).toEqual([...CASE_STATES].sort());
    expect(CASE_STATES.map((s) => stepOfState(s))).toEqual([
      'dispatch',
      'dispatch',
      null,
      'handling',
      'handling',
      'dispatch',
      'handling',
      'dispatch',
      'verification',
      null,
      null,
      'dispatch',
    ]);
    const count = CASE_ACTIONS.reduce((n, a: CaseAction) => n + TRANSITIONS[a].from.length, 0);
    expect(count).toBe(40);
  });
});
