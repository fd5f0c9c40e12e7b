// Transitions of a case: the machine (domain/case-machine.ts) decides; this persists the decision with
// an optimistic version check (of two concurrent transitions exactly one wins), the step row, the
// 吹哨报到 summons, notifications of the audiences and the audit row, all in one transaction.

import { recordCaseEvent } from '../notifications/case-events.ts';
import type { Actor } from '../platform/access/actor.ts';
import { verifyCase } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import { AppError, notFound } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseErrors, caseRole, limitsOf } from './case-common.ts';
import { caseOnceOfDepartment } from './case-history.repository.ts';
import { requireSubcategory } from './case-intake.service.ts';
import { caseReference } from './case-reference.ts';
import * as repo from './case-transition.repository.ts';
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
import { deadlineFor, type SupervisionLevel, type TimeLimit } from './domain/sla.ts';
import { type SummonsPart, summonsTransition } from './domain/summons-machine.ts';
import { transitionRow } from './domain/transition-row.ts';

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

export function actorDepartmentId(db: Db, actor: Actor): Promise<number | null> {
  return actor.role === 'department_staff'
    ? repo.departmentOfAccount(db, actor.accountId)
    : Promise.resolve(null);
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
  db: Db,
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
  const summons = await repo.summonsOfCase(db, c.id);
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
  const { set, details } = transitionRow(c, r, {
    now,
    limits: limitsOf(ref, catCode),
    calendar: ref.calendar,
    thresholds: settings.supervisionThresholds,
    categoryUrgent: category?.urgent ?? null,
    requestedExtension:
      r.clock === 'extend' && !r.changes.extensionGranted
        ? await repo.lastRequestedExtension(db, c.id)
        : null,
    extensionAsked: body.extension ?? null,
    departmentOfActor,
  });

  await write(async (trx, audit) => {
    if (!(await repo.updateCaseAtVersion(trx, c.id, body.version, set))) {
      const now2 = await repo.caseVersion(trx, c.id);
      throw caseErrors.versionConflict(body.version, now2?.version ?? body.version, now2?.state);
    }
    const attachments = [...new Set(body.attachments ?? [])];
    if (attachments.length > 0) await linkAttachments(trx, actor, c, attachments);
    await repo.insertStep(trx, {
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
    });
    let reportDeadline: Date | null = null;
    if (r.changes.summonsAdded?.length) {
      const deadline = deadlineFor(now, summonsReportLimit(c.urgent, settings), ref.calendar);
      reportDeadline = deadline;
      await repo.insertSummons(trx, c, r.changes.summonsAdded, now, deadline);
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

async function linkAttachments(trx: Trx, actor: Actor, c: CivicCase, ids: number[]) {
  const rows = await repo.attachmentOwners(trx, ids);
  const bad = ids.filter((id) => {
    const r = rows.find((x) => x.id === id);
    return (
      !r ||
      (r.case_id !== null && r.case_id !== c.id) ||
      (r.case_id === null && r.uploaded_by !== actor.accountId)
    );
  });
  if (bad.length) throw caseErrors.badAttachment(bad);
  await repo.linkAttachments(trx, ids, c);
}

/** Notification rows for the audiences of an event (the actor is not told about its own action). */
export async function notify(
  trx: Trx,
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
      for (const id of await repo.dispatcherAccounts(trx, orgs)) ids.add(id);
    }
  }
  if (audiences.includes('grid_worker') && c.grid_id) {
    for (const id of await repo.gridWorkerAccounts(trx, c.grid_id)) ids.add(id);
  }
  const departments = [
    ...(audiences.includes('department') && what.departmentId ? [what.departmentId] : []),
    ...(audiences.includes('summoned_departments') ? what.summoned : []),
  ];
  if (departments.length) {
    for (const id of await repo.departmentAccounts(trx, departments)) ids.add(id);
  }
  if (what.except !== undefined) ids.delete(what.except);
  if (ids.size === 0) return;
  await repo.insertCaseNotifications(trx, [...ids], {
    kind: what.kind,
    title: what.title,
    body: what.body,
    caseId: c.id,
  });
}

/** 吹哨报到: a summoned department reports (报到) or records its part as done. */
export async function summonsAction(
  db: Db,
  write: Write,
  actor: Actor,
  caseId: number,
  departmentId: number,
  action: 'report' | 'complete',
  note: string | undefined,
): Promise<void> {
  const c = await verifyCase(db, actor, caseId, 'case:act');
  const row = await repo.summonsOfDepartment(db, c.id, departmentId);
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
    if (!(await repo.updateSummons(trx, row.id, row.state, r.next)))
      throw caseErrors.versionConflict(c.version, c.version + 1);
    await repo.raiseCaseVersion(trx, c.id, now);
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
