// The timed job of the case loop: automatic supervision (督办 ordinary → yellow card → red card), the
// one thing about time that must be sent (a step on the timeline, notifications, the external
// system's webhook, SMS). Lights are not its business: reads derive them from the stored instants
// (step-instants.ts). Each running step stores supervise_at, the instant its supervision next rises:
// the job reads only the cases whose instant has come (an index range), raises their supervision,
// computes the exact instants again and stores the next one.
//
// It also keeps the instants true to what they were computed with: when the working calendar, the
// thresholds (settings) or a category's units change, every running step becomes due and is
// recomputed by the following runs. A writer that moved a clock without the instants (0015 trigger)
// leaves the case due too.
//
// With several server processes the due rows are taken FOR UPDATE SKIP LOCKED in chunks and judged
// afresh under the lock: each supervision is raised exactly once (two-processes.db.test.ts).
import { createHash } from 'node:crypto';
import { recordCaseEvent } from '../notifications/case-events.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import { startTimedJob } from '../platform/jobs/timed-job.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { limitsOf } from './case-common.ts';
import { type CaseReference, caseReference } from './case-reference.ts';
import { insertStep } from './case-transition.repository.ts';
import { notify } from './case-transition.service.ts';
import { OPEN_STATES } from './domain/case-machine.ts';
import { SUPERVISION_NAMES } from './domain/case-names.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CivicCase } from './domain/case-tables.ts';
import { maxSupervision, SUPERVISION_LEVELS, type SupervisionLevel, stepStatus } from './domain/sla.ts';
import { nextSupervision, stepInstants } from './domain/step-instants.ts';
import * as repo from './escalation.repository.ts';

export interface EscalationResult {
  /** Cases whose instant had come. */
  checked: number;
  /** Cases whose stored instants were recomputed. */
  lights: number;
  /** Automatic supervisions raised. */
  supervised: number;
}

const CHUNK = 500;
const BASIS_KEY = 'escalation.basis';

type Thresholds = (typeof CASE_SETTINGS_DEFAULTS)['supervisionThresholds'];

/** What the stored instants depend on: the calendar, the thresholds and each category's units. */
async function currentBasis(db: Db, ref: CaseReference, thresholds: Thresholds): Promise<string> {
  const days = await repo.calendarDays(db);
  const units = [...ref.categories.values()]
    .filter((c) => c.limits)
    .map((c) => [c.code, c.limits?.dispatch.unit, c.limits?.handling.unit, c.limits?.verification.unit])
    .sort();
  return createHash('sha256')
    .update(JSON.stringify({ days, units, thresholds, periods: ref.calendar.periods }))
    .digest('hex');
}

/**
 * When the basis changed since the instants were computed, every running step is due (recorded once;
 * the first run after 0015 only records it: earlier steps were marked due by the migration).
 */
async function checkBasis(db: Db, basis: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const stored = await repo.lockJobState(trx, BASIS_KEY);
    if (stored === basis) return;
    if (stored !== undefined) await repo.markRunningStepsDue(trx);
    await repo.saveJobState(trx, BASIS_KEY, basis);
  });
}

export async function runEscalation(
  db: Db,
  _engine: 'pglite' | 'postgres' = 'postgres',
  now = new Date(),
): Promise<EscalationResult> {
  const ref = await caseReference(db);
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const thresholds = settings.supervisionThresholds;
  await checkBasis(db, await currentBasis(db, ref, thresholds));
  const result: EscalationResult = { checked: 0, lights: 0, supervised: 0 };
  for (;;) {
    const due = await repo.dueCaseIds(db, now, CHUNK);
    if (due.length === 0) break;
    const r = await db.transaction().execute((trx) => applyChunk(trx, due, ref, thresholds, now));
    result.checked += r.checked;
    result.lights += r.recomputed;
    result.supervised += r.supervised;
    // rows another process holds are left to it; stop when nothing of this chunk was ours
    if (r.checked === 0 || due.length < CHUNK) break;
  }
  return result;
}

async function applyChunk(
  trx: Trx,
  ids: number[],
  ref: CaseReference,
  thresholds: Thresholds,
  now: Date,
): Promise<{ checked: number; recomputed: number; supervised: number }> {
  // under lock, and still due: a row another process holds is skipped, one it handled is no longer due
  const rows = await repo.lockDueCases(trx, ids, now);
  let supervised = 0;
  const raisedCases: number[] = [];
  for (const c of rows) {
    const running =
      (OPEN_STATES as readonly string[]).includes(c.state) && c.step && c.step_started_at && c.step_deadline;
    if (!running || !c.step || !c.step_started_at || !c.step_deadline) {
      await repo.clearSuperviseAt(trx, c.id);
      continue;
    }
    const limit = limitsOf(ref, c.category_code)[c.step];
    const st = stepStatus(c.step_started_at, limit, now, ref.calendar, thresholds, c.step_deadline);
    const level: SupervisionLevel = maxSupervision(c.supervision, st.supervision);
    const raised = SUPERVISION_LEVELS.indexOf(level) > SUPERVISION_LEVELS.indexOf(c.supervision);
    const instants = stepInstants(
      c.step_started_at,
      c.step_deadline,
      limit.unit,
      level,
      ref.calendar,
      thresholds,
    );
    // the next rise: never in the past (a level reached meanwhile is raised now, the rest later)
    const next = nextSupervision(
      c.step_started_at,
      c.step_deadline,
      limit.unit,
      level,
      ref.calendar,
      thresholds,
    );
    await repo.storeStepInstants(trx, c.id, {
      yellowAt: instants.yellowAt,
      superviseAt: next?.at ?? null,
      light: st.light,
      raisedTo: raised ? level : null,
      at: now,
    });
    if (raised) {
      supervised++;
      raisedCases.push(c.id);
      await announce(trx, c, level, st.fraction, now);
    }
  }
  if (rows.length > 0) {
    await appendAudit(trx, {
      actorId: null,
      actorUsername: 'system',
      role: 'system',
      scopeOrgId: null,
      action: 'case.escalation_run',
      targetType: 'case',
      targetId: 'escalation',
      after: { checked: rows.length, supervised, cases: raisedCases },
      clientIp: 'local',
    });
  }
  return { checked: rows.length, recomputed: rows.length, supervised };
}

/** The supervision as the loop records it: a step on the timeline, notifications, webhook and SMS. */
async function announce(
  trx: Trx,
  c: CivicCase,
  level: SupervisionLevel,
  fraction: number,
  now: Date,
): Promise<void> {
  const note = `自动${SUPERVISION_NAMES[level].zh}：已用时限的 ${Math.round(fraction * 100)}%`;
  await insertStep(trx, {
    case_id: c.id,
    county_code: c.county_code,
    action: 'supervise',
    from_state: null,
    to_state: c.state,
    actor_id: null,
    actor_role: 'system',
    note,
    details: JSON.stringify({ supervision: level, automatic: true, fraction }),
    at: now,
  });
  await notify(trx, c, ['department', 'dispatcher'], {
    departmentId: c.department_id,
    summoned: [],
    kind: 'case.supervise',
    title: `${c.case_no} ${SUPERVISION_NAMES[level].zh}`,
    body: c.title,
  });
  await recordCaseEvent(trx, c, {
    action: 'supervise',
    state: c.state,
    note,
    at: now,
    departmentId: c.department_id,
    supervision: level,
  });
}

/** Runs the job every `everyMs` (default a minute; ESCALATION_INTERVAL_MS), unref'd, never overlapping. */
export function startEscalationJob(db: Db, engine: 'pglite' | 'postgres', everyMs = 60_000): () => void {
  return startTimedJob('escalation', everyMs, () => runEscalation(db, engine));
}
