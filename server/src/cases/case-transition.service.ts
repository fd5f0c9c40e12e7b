// Transitions of a case: the machine (domain/case-machine.ts) decides; this persists the decision with
// an optimistic version check (of two concurrent transitions exactly one wins), the step row, the
// 吹哨报到 summons, notifications of the audiences and the audit row, all in one transaction.

import type { Kysely, Transaction } from 'kysely';
import { recordCaseEvent } from '../notifications/case-events.ts';
import type { Actor } from '../platform/access/actor.ts';
import { verifyCase } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, notFound } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseErrors, caseRole, clockColumns, DEFAULT_LIMITS } from './case-common.ts';
import { caseOnceOfDepartment } from './case-history.repository.ts';
import { requireSubcategory } from './case-intake.service.ts';
import { caseReference } from './case-reference.ts';
import {
  type Audience,
  type CaseSnapshot,
  type Evaluation,
  type RejectReason,
  type TransitionInput,
  transition,
} from './domain/case-machine.ts';
import { ACTION_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY, summonsReportLimit } from './domain/case-settings.ts';
import type { CivicCase } from './domain/case-tables.ts';
import { deadlineFor, type StepLimits, type SupervisionLevel, type TimeLimit } from './domain/sla.ts';
import { lightAt } from './domain/step-instants.ts';
import { type SummonsPart, summonsTransition } from './domain/summons-machine.ts';

export interface TransitionBody {
  action: string;
  version: number;
  note?: string | undefined;
  categoryCode?: string | undefined;
  departmentId?: number | undefined;
  departmentIds?: number[] | undefined;
  rejectReason?: string | undefined;
  duplicateOf?: number | undefined;
  extension?: TimeLimit | undefined;
  evaluation?: string | undefined;
  supervision?: string | undefined;
  attachments?: number[] | undefined;
}

export async function actorDepartmentId(db: Kysely<DB>, actor: Actor): Promise<number | null> {
  if (actor.role !== 'department_staff') return null;
  const row = await db
    .selectFrom('department_account')
    .select('department_id')
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  return row?.department_id ?? null;
}

export function snapshotOf(
  c: CivicCase,
  summons: { department_id: number; state: SummonsPart['state'] }[],
): CaseSnapshot {
  return {
    state: c.state,
    counters: {
      redispatch_count: c.redispatch_count,
      rework_count: c.rework_count,
      extension_count: c.extension_count,
      reopen_count: c.reopen_count,
    },
    departmentId: c.department_id,
    reporterAccountId: c.reporter_account_id,
    evaluation: c.evaluation,
    supervision: c.supervision,
    summons: summons.map((s) => ({ departmentId: s.department_id, state: s.state })),
  };
}

export async function transitionCase(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  caseId: number,
  body: TransitionBody,
): Promise<void> {
  const departmentOfActor = await actorDepartmentId(db, actor);
  const c = await verifyCase(db, actor, caseId, 'case:act').catch(async (error: unknown) => {
    // a department that lost the case a moment ago (its own return, or another action in a race) is
    // told where the case stands, not that it does not exist
    const left = departmentOfActor ? await caseOnceOfDepartment(db, caseId, departmentOfActor) : null;
    if (left) throw caseErrors.leftDepartment(left.caseNo, left.state, body.version, left.version);
    throw error;
  });
  const ref = await caseReference(db);
  const summons = await db
    .selectFrom('case_summons')
    .select(['department_id', 'state'])
    .where('case_id', '=', c.id)
    .execute();
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const role = caseRole(actor);

  // defaults the client may leave out: the case's own category when filing, the routed department when dispatching
  let categoryCode = body.categoryCode ?? null;
  if (body.action === 'file' && !categoryCode) categoryCode = c.category_code;
  let departmentId = body.departmentId ?? null;
  const category = categoryCode ? requireSubcategory(ref, categoryCode) : null;
  if (body.action === 'dispatch' && departmentId === null) {
    const cat = c.category_code ? ref.categories.get(c.category_code) : null;
    departmentId = cat?.departmentKind
      ? (ref.departmentByKind.get(`${c.county_code}:${cat.departmentKind}`)?.id ?? null)
      : null;
  }
  for (const id of [...(departmentId ? [departmentId] : []), ...(body.departmentIds ?? [])]) {
    if (!ref.departments.has(id)) throw caseErrors.unknownDepartment(id);
  }

  const input: TransitionInput = {
    actor: { role, id: actor.accountId, departmentId: departmentOfActor },
    note: body.note ?? null,
    attachments: body.attachments?.map(String) ?? null,
    categoryCode,
    rejectReason: (body.rejectReason as RejectReason | undefined) ?? null,
    duplicateOf: body.duplicateOf ?? null,
    departmentId,
    departmentIds: body.departmentIds ?? null,
    extension: body.extension ?? null,
    evaluation: (body.evaluation as Evaluation | undefined) ?? null,
    supervision: (body.supervision as SupervisionLevel | undefined) ?? null,
    departmentNames: Object.fromEntries(
      [...(body.departmentIds ?? []), ...summons.map((s) => s.department_id)].map((id) => [
        id,
        ref.departments.get(id)?.name ?? `部门 ${id}`,
      ]),
    ),
  };
  // a stale version first: the client decided on a case that has changed since
  if (body.version !== c.version) throw caseErrors.versionConflict(body.version, c.version, c.state);
  const r = transition(snapshotOf(c, summons), body.action, input, { maxReopens: settings.maxReopens });
  if (!r.ok) throw new AppError(r.status, r.code, r.message_zh, r.message_en, r.details);

  const now = new Date();
  const catCode = r.changes.categoryCode ?? c.category_code;
  const limits: StepLimits = (catCode ? ref.categories.get(catCode)?.limits : null) ?? DEFAULT_LIMITS;
  const set: Record<string, unknown> = {
    state: r.next,
    redispatch_count: r.counters.redispatch_count,
    rework_count: r.counters.rework_count,
    extension_count: r.counters.extension_count,
    reopen_count: r.counters.reopen_count,
    updated_at: now,
  };
  const details: Record<string, unknown> = {};
  if (r.changes.categoryCode !== undefined) {
    set.category_code = r.changes.categoryCode;
    if (category) set.urgent = c.urgent || category.urgent;
    details.categoryCode = r.changes.categoryCode;
  }
  if (r.changes.departmentId !== undefined) {
    set.department_id = r.changes.departmentId;
    details.departmentId = r.changes.departmentId;
  }
  if (r.changes.rejection) {
    set.rejection_reason = r.changes.rejection.reason;
    set.duplicate_of = r.changes.rejection.duplicateOf;
    set.rejection_note = r.changes.rejection.note;
    details.rejection = r.changes.rejection;
  }
  if (r.changes.evaluation !== undefined) {
    set.evaluation = r.changes.evaluation;
    set.evaluated_at = r.changes.evaluation === null ? null : now;
    details.evaluation = r.changes.evaluation;
  }
  if (r.changes.supervision !== undefined) {
    set.supervision = r.changes.supervision;
    details.supervision = r.changes.supervision;
  }
  if (body.action === 'request_extension' && body.extension) details.extension = body.extension;
  if (r.action === 'return' && departmentOfActor) details.returnedBy = departmentOfActor;
  if (r.changes.summonsAdded) details.summoned = r.changes.summonsAdded;
  if (['file', 'reject', 'dispatch', 'whistle', 'resolve_on_spot'].includes(r.action) && !c.responded_at)
    set.responded_at = now;
  if (r.action === 'feedback' && !c.handled_at) set.handled_at = now;
  if (r.next === 'closed') set.closed_at = now;
  if (r.action === 'reopen') set.closed_at = null;

  // the step clock, and its instants (step-instants.ts): the light is read from them, the
  // escalation job wakes at supervise_at; `light` keeps the light of this moment (the one shown once
  // the step has stopped)
  const supervision = r.changes.supervision ?? c.supervision;
  const thresholds = settings.supervisionThresholds;
  const lightNow = (started: Date | null, deadline: Date | null, yellowAt: Date | null) =>
    started && deadline ? lightAt(now, { deadline, yellowAt: yellowAt ?? deadline }) : c.light;
  if (r.clock === 'restart' && r.step) {
    const deadline = deadlineFor(now, limits[r.step], ref.calendar);
    const instants = clockColumns(
      { started: now, deadline, unit: limits[r.step].unit },
      supervision,
      ref,
      thresholds,
    );
    Object.assign(set, {
      step: r.step,
      step_started_at: now,
      step_deadline: deadline,
      light: 'green',
      ...instants,
    });
    if (r.step === 'handling' && !c.handled_at) set.handling_deadline = deadline;
    details.stepDeadline = deadline.toISOString();
  } else if (r.clock === 'extend') {
    const granted = r.changes.extensionGranted ?? (await requestedExtension(db, c.id));
    if (granted && c.step) {
      const deadline = deadlineFor(c.step_deadline ?? now, granted, ref.calendar);
      const started = c.step_started_at ?? now;
      const instants = clockColumns(
        { started, deadline, unit: limits[c.step].unit },
        supervision,
        ref,
        thresholds,
      );
      Object.assign(set, {
        step_deadline: deadline,
        ...instants,
        light: lightNow(started, deadline, instants.step_yellow_at),
      });
      if (!c.handled_at) set.handling_deadline = deadline;
      details.extension = granted;
      details.stepDeadline = deadline.toISOString();
    }
  } else if (r.clock === 'stop') {
    Object.assign(set, {
      step: null,
      step_started_at: null,
      step_deadline: null,
      step_yellow_at: null,
      supervise_at: null,
      light: lightNow(c.step_started_at, c.step_deadline, c.step_yellow_at),
    });
  } else if (c.step && c.step_started_at && c.step_deadline) {
    // the same step runs on: a manual supervision moves the next automatic one, and a new category
    // may measure the step in another unit (its deadline stays)
    if (r.changes.supervision !== undefined || r.changes.categoryCode !== undefined) {
      const unit = limits[c.step].unit;
      Object.assign(
        set,
        clockColumns(
          { started: c.step_started_at, deadline: c.step_deadline, unit },
          supervision,
          ref,
          thresholds,
        ),
      );
    }
    const yellowAt = (set.step_yellow_at as Date | undefined) ?? c.step_yellow_at;
    set.light = lightNow(c.step_started_at, c.step_deadline, yellowAt);
  }

  await write(async (trx, audit) => {
    const updated = await trx
      .updateTable('civic_case')
      .set({ ...set, version: c.version + 1 } as never)
      .where('id', '=', c.id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const now2 = await trx
        .selectFrom('civic_case')
        .select(['version', 'state'])
        .where('id', '=', c.id)
        .executeTakeFirst();
      throw caseErrors.versionConflict(body.version, now2?.version ?? body.version, now2?.state);
    }
    const attachments = [...new Set(body.attachments ?? [])];
    if (attachments.length > 0) await linkAttachments(trx, actor, c, attachments);
    await trx
      .insertInto('case_step')
      .values({
        case_id: c.id,
        county_code: c.county_code,
        action: r.action,
        from_state: r.from,
        to_state: r.next,
        actor_id: actor.accountId,
        actor_role: role,
        note: body.note?.trim() ?? '',
        attachments: JSON.stringify(attachments),
        details: Object.keys(details).length ? JSON.stringify(details) : null,
        at: now,
      })
      .execute();
    let reportDeadline: Date | null = null;
    if (r.changes.summonsAdded?.length) {
      const deadline = deadlineFor(now, summonsReportLimit(c.urgent, settings), ref.calendar);
      reportDeadline = deadline;
      await trx
        .insertInto('case_summons')
        .values(
          r.changes.summonsAdded.map((d) => ({
            case_id: c.id,
            county_code: c.county_code,
            department_id: d,
            summoned_at: now,
            report_deadline: deadline,
          })),
        )
        .execute();
    }
    const audiences = [...new Set(r.events.flatMap((e) => e.notify))];
    await notify(trx, c, audiences, {
      departmentId: (r.changes.departmentId ?? c.department_id) || c.department_id,
      summoned: r.changes.summonsAdded ?? summons.map((s) => s.department_id),
      kind: `case.${r.action}`,
      title: `${c.case_no} ${ACTION_NAMES[r.action].zh}`,
      body: c.title,
      except: actor.accountId,
    });
    // the external system's webhook and the SMS of this change, in this transaction
    await recordCaseEvent(trx, c, {
      action: r.action,
      state: r.next,
      note: body.note?.trim() ?? '',
      at: now,
      departmentId: (r.changes.departmentId ?? c.department_id) || null,
      summoned: r.changes.summonsAdded,
      supervision: r.changes.supervision ?? undefined,
      stepDeadline: reportDeadline ?? (set.step_deadline as Date | undefined),
    });
    await audit({
      action: `case.${r.action}`,
      targetType: 'case',
      targetId: c.id,
      before: { state: r.from, version: c.version },
      after: { state: r.next, version: c.version + 1, ...details },
      countyCode: c.county_code,
    });
  });
}

async function requestedExtension(db: Kysely<DB>, caseId: number): Promise<TimeLimit | null> {
  const row = await db
    .selectFrom('case_step')
    .select('details')
    .where('case_id', '=', caseId)
    .where('action', '=', 'request_extension')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const ext = (row?.details as { extension?: TimeLimit } | null)?.extension;
  return ext ?? null;
}

async function linkAttachments(trx: Transaction<DB>, actor: Actor, c: CivicCase, ids: number[]) {
  const rows = await trx
    .selectFrom('case_attachment')
    .select(['id', 'case_id', 'uploaded_by'])
    .where('id', 'in', ids)
    .execute();
  const bad = ids.filter((id) => {
    const r = rows.find((x) => x.id === id);
    return (
      !r ||
      (r.case_id !== null && r.case_id !== c.id) ||
      (r.case_id === null && r.uploaded_by !== actor.accountId)
    );
  });
  if (bad.length) throw caseErrors.badAttachment(bad);
  await trx
    .updateTable('case_attachment')
    .set({ case_id: c.id, county_code: c.county_code })
    .where('id', 'in', ids)
    .where('case_id', 'is', null)
    .execute();
}

/** Notification rows for the audiences of an event (the actor is not told about its own action). */
export async function notify(
  trx: Transaction<DB>,
  c: Pick<CivicCase, 'id' | 'reporter_account_id' | 'village_org_id' | 'town_org_id' | 'grid_id'>,
  audiences: readonly Audience[],
  what: {
    departmentId: number | null;
    summoned: number[];
    kind: string;
    title: string;
    body: string;
    except?: number;
  },
): Promise<void> {
  const ids = new Set<number>();
  if (audiences.includes('reporter') && c.reporter_account_id) ids.add(c.reporter_account_id);
  if (audiences.includes('dispatcher')) {
    const orgs = [c.village_org_id, c.town_org_id].filter((x): x is number => x !== null);
    if (orgs.length) {
      for (const a of await trx
        .selectFrom('account')
        .select('id')
        .where('scope_org_id', 'in', orgs)
        .where('role', 'in', ['org_admin', 'secretary'])
        .execute())
        ids.add(a.id);
    }
  }
  if (audiences.includes('grid_worker') && c.grid_id) {
    for (const a of await trx
      .selectFrom('account')
      .innerJoin('grid', 'grid.org_id', 'account.scope_org_id')
      .select('account.id')
      .where('grid.id', '=', c.grid_id)
      .where('account.role', '=', 'grid_worker')
      .execute())
      ids.add(a.id);
  }
  const departments = [
    ...(audiences.includes('department') && what.departmentId ? [what.departmentId] : []),
    ...(audiences.includes('summoned_departments') ? what.summoned : []),
  ];
  if (departments.length) {
    for (const a of await trx
      .selectFrom('department_account')
      .select('account_id')
      .where('department_id', 'in', departments)
      .execute())
      ids.add(a.account_id);
  }
  if (what.except !== undefined) ids.delete(what.except);
  if (ids.size === 0) return;
  await trx
    .insertInto('notification')
    .values(
      [...ids].map((id) => ({
        account_id: id,
        kind: what.kind,
        title: what.title,
        body: what.body,
        case_id: c.id,
      })),
    )
    .execute();
}

/** 吹哨报到: a summoned department reports (报到) or records its part as done. */
export async function summonsAction(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  caseId: number,
  departmentId: number,
  action: 'report' | 'complete',
  note: string | undefined,
): Promise<void> {
  const c = await verifyCase(db, actor, caseId, 'case:act');
  const row = await db
    .selectFrom('case_summons')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
  if (!row) {
    const name = (await caseReference(db)).departments.get(departmentId)?.name ?? '该部门';
    throw notFound(
      'SUMMONS_NOT_FOUND',
      `${name}未被吹哨到该案件。`,
      `${name} is not summoned to this case.`,
      { departmentId },
    );
  }
  const now = new Date();
  const part: SummonsPart = {
    departmentId: row.department_id,
    state: row.state,
    summonedAt: row.summoned_at,
    reportDeadline: row.report_deadline,
    reportedAt: row.reported_at,
    doneAt: row.done_at,
    note: row.note,
  };
  const r = summonsTransition(part, action, {
    actor: { role: caseRole(actor), id: actor.accountId, departmentId: await actorDepartmentId(db, actor) },
    at: now,
    note: note ?? null,
  });
  if (!r.ok) throw new AppError(r.status, r.code, r.message_zh, r.message_en, r.details);
  await write(async (trx, audit) => {
    const updated = await trx
      .updateTable('case_summons')
      .set({ state: r.next.state, reported_at: r.next.reportedAt, done_at: r.next.doneAt, note: r.next.note })
      .where('id', '=', row.id)
      .where('state', '=', row.state)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw caseErrors.versionConflict(c.version, c.version + 1);
    await trx
      .updateTable('civic_case')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', c.id)
      .execute();
    await notify(trx, c, ['dispatcher'], {
      departmentId: null,
      summoned: [],
      kind: `case.summons_${action}`,
      title: `${c.case_no} ${action === 'report' ? '部门报到' : '部门完成'}`,
      body: c.title,
      except: actor.accountId,
    });
    await audit({
      action: `case.summons_${action}`,
      targetType: 'case',
      targetId: c.id,
      before: { departmentId, state: row.state },
      after: { departmentId, state: r.next.state, late: r.late },
      countyCode: c.county_code,
    });
  });
}
