// One case: its page for a viewer inside the access (with what the viewer may do now), the page after
// the viewer acted on it, and the public follow-up by case number and tracking code.
import type { Actor } from '../platform/access/actor.ts';
import { casesInAccessOrThrow } from '../platform/access/in-scope.ts';
import { publicActionName, verifyTracking } from '../platform/access/public-view.ts';
import { scoped, verifyCase } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError } from '../platform/errors/errors.ts';
import { maskName } from '../platform/masking/masking.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { caseRole } from './case-common.ts';
import { caseOnceOfDepartment } from './case-history.repository.ts';
import { type RowShape, toRow } from './case-list.service.ts';
import { casePhotoIds, caseRow, caseSteps, caseSummons, publicTimeline } from './case-read.repository.ts';
import { caseReference } from './case-reference.ts';
import { actorDepartmentId, snapshotOf } from './case-transition.service.ts';
import { actionsFor, type CaseAction } from './domain/case-machine.ts';
import { ACTION_NAMES, REPORT_STEP_NAME, STATE_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';

export async function caseDetail(db: Db, actor: Actor, id: number) {
  const c = await verifyCase(db, actor, id);
  const row = await caseRow(db, actor, id);
  const [steps, summons, photos, ref] = await Promise.all([
    caseSteps(db, id),
    caseSummons(db, id),
    casePhotoIds(db, id),
    caseReference(db),
  ]);
  const access = await scoped.caseAccess(db, actor);
  await casesInAccessOrThrow(db, actor, access, [c], () =>
    summons.some((s) => s.department_id === access.summonedDepartment),
  );
  const role = caseRole(actor);
  const cat = c.category_code ? ref.categories.get(c.category_code) : null;
  const routed = cat?.departmentKind
    ? ref.departmentByKind.get(`${c.county_code}:${cat.departmentKind}`)
    : null;
  const at = new Date();
  const now = at.getTime();
  return {
    ...toRow(row as RowShape, at),
    description: c.description,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridNearest: c.grid_nearest,
    reporter: {
      nameMasked: c.reporter_name ? maskName(c.reporter_name) : null,
      phoneMasked: c.reporter_phone_masked,
    },
    grid: c.grid_id ? { id: c.grid_id, code: row.grid_code, name: row.grid_name } : null,
    village: c.village_org_id ? { id: c.village_org_id, name: row.village_name } : null,
    routedDepartment: routed ? { id: routed.id, name: routed.name } : null,
    departmentId: c.department_id,
    dueAt: c.due_at,
    closedAt: c.closed_at,
    rejection: c.rejection_reason
      ? { reason: c.rejection_reason, duplicateOf: c.duplicate_of, note: c.rejection_note }
      : null,
    counters: {
      redispatch: c.redispatch_count,
      rework: c.rework_count,
      extension: c.extension_count,
      reopen: c.reopen_count,
    },
    evaluation: c.evaluation,
    // what this viewer may do: its role, and for a department its own cases only (the machine's guards)
    allowedActions: actionsFor(
      snapshotOf(c, summons),
      { role, id: actor.accountId, departmentId: await actorDepartmentId(db, actor) },
      { maxReopens: (await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS)).maxReopens },
    ),
    summons: summons.map((s) => ({
      departmentId: s.department_id,
      departmentName: s.name,
      state: s.state,
      reportDeadline: s.report_deadline,
      reportedAt: s.reported_at,
      doneAt: s.done_at,
      note: s.note,
      late:
        s.reported_at === null
          ? now > s.report_deadline.getTime()
          : s.reported_at.getTime() > s.report_deadline.getTime(),
    })),
    steps: steps.map((s) => ({
      action: s.action,
      actionName: s.action === 'report' ? REPORT_STEP_NAME.zh : ACTION_NAMES[s.action as CaseAction].zh,
      fromState: s.from_state,
      toState: s.to_state,
      actorName: s.display_name ?? (s.actor_role === 'system' ? '系统' : null),
      actorRole: s.actor_role,
      note: s.note,
      attachments: s.attachments,
      details: s.details,
      at: s.at,
    })),
    photos: photos.map((p) => p.id),
  };
}

/**
 * The case after the viewer acted on it: its page, or — for a department whose action (a return) took
 * the case away from it — its number and new state with `left: true`, never a 404 for a change applied.
 */
export async function caseDetailAfterAction(db: Db, actor: Actor, id: number) {
  try {
    return await caseDetail(db, actor, id);
  } catch (error) {
    const department =
      error instanceof AppError && error.status === 404 ? await actorDepartmentId(db, actor) : null;
    const left = department ? await caseOnceOfDepartment(db, id, department) : null;
    if (!left) throw error;
    return { ...left, stateName: STATE_NAMES[left.state].zh, left: true as const };
  }
}

/**
 * Public follow-up: the case number AND its tracking code (platform/access/public-view.ts, the one
 * public rule): state, category and the timeline of actions; no personal data, no notes.
 */
export async function trackCase(db: Db, caseNo: string, code: string) {
  const c = await verifyTracking(db, caseNo, code);
  const steps = await publicTimeline(db, c.id);
  return {
    caseNo: c.case_no,
    state: c.state,
    stateName: STATE_NAMES[c.state].zh,
    category: c.category,
    createdAt: c.created_at,
    closedAt: c.closed_at,
    steps: steps.map((s) => ({
      action: s.action,
      actionName: s.action === 'report' ? REPORT_STEP_NAME.zh : publicActionName(s.action).zh,
      at: s.at,
    })),
  };
}
