// The timed job of the case loop: recompute the overdue light of open cases and raise automatic
// supervision (督办 ordinary → yellow card → red card) when a step crossed its thresholds.
// Two passes: a read without locks finds the cases whose light or supervision must change; then, in
// transactions of at most CHUNK cases, those rows are taken FOR UPDATE SKIP LOCKED, re-read and
// re-judged. With several server processes a case locked by one is skipped by the others, and a case
// one of them already changed is re-read as changed: each light change and each automatic supervision
// is applied exactly once (the two-process test proves it). Only the rows that change are locked, and
// only briefly, so transitions by people are not held up by the job.
import type { Kysely, Transaction } from 'kysely';
import { recordCaseEvent } from '../notifications/case-events.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { databaseFaults, isDatabaseUnavailable } from '../platform/db/db-faults.ts';
import type { DB } from '../platform/db/schema.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { DEFAULT_LIMITS } from './case-common.ts';
import { type CaseReference, caseReference } from './case-reference.ts';
import { notify } from './case-transition.service.ts';
import { OPEN_STATES } from './domain/case-machine.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import type { CivicCase } from './domain/case-tables.ts';
import {
  maxSupervision,
  SUPERVISION_LEVELS,
  SUPERVISION_NAMES,
  type SupervisionLevel,
  stepStatus,
} from './domain/sla.ts';

export interface EscalationResult {
  checked: number;
  lights: number;
  supervised: number;
}

const CHUNK = 500;

type Thresholds = (typeof CASE_SETTINGS_DEFAULTS)['supervisionThresholds'];
type Judged = Pick<
  CivicCase,
  'category_code' | 'step' | 'step_started_at' | 'step_deadline' | 'light' | 'supervision'
>;

function judge(c: Judged, ref: CaseReference, thresholds: Thresholds, now: Date) {
  if (!c.step || !c.step_started_at || !c.step_deadline) return null;
  const limits = (c.category_code ? ref.categories.get(c.category_code)?.limits : null) ?? DEFAULT_LIMITS;
  const st = stepStatus(c.step_started_at, limits[c.step], now, ref.calendar, thresholds, c.step_deadline);
  const level: SupervisionLevel = maxSupervision(c.supervision, st.supervision);
  const raised = SUPERVISION_LEVELS.indexOf(level) > SUPERVISION_LEVELS.indexOf(c.supervision);
  if (st.light === c.light && !raised) return null;
  return { light: st.light, level, raised, fraction: st.fraction };
}

export async function runEscalation(
  db: Kysely<DB>,
  _engine: 'pglite' | 'postgres' = 'postgres',
  now = new Date(),
): Promise<EscalationResult> {
  const ref = await caseReference(db);
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  const thresholds = settings.supervisionThresholds;
  const open = (q: ReturnType<typeof base>) =>
    q
      .where('state', 'in', [...OPEN_STATES])
      .where('step_deadline', 'is not', null)
      .where((eb) => eb.or([eb('light', '!=', 'red'), eb('supervision', '!=', 'red')]));
  const base = () => db.selectFrom('civic_case');
  const candidates = await open(base())
    .select(['id', 'category_code', 'step', 'step_started_at', 'step_deadline', 'light', 'supervision'])
    .orderBy('step_deadline')
    .execute();
  const due = candidates.filter((c) => judge(c, ref, thresholds, now) !== null).map((c) => c.id);
  const result: EscalationResult = { checked: candidates.length, lights: 0, supervised: 0 };
  for (let i = 0; i < due.length; i += CHUNK) {
    const ids = due.slice(i, i + CHUNK);
    const r = await db.transaction().execute((trx) => applyChunk(trx, ids, ref, thresholds, now));
    result.lights += r.lights;
    result.supervised += r.supervised;
  }
  return result;
}

async function applyChunk(
  trx: Transaction<DB>,
  ids: number[],
  ref: CaseReference,
  thresholds: Thresholds,
  now: Date,
): Promise<{ lights: number; supervised: number }> {
  // re-read under lock: a row another process holds is skipped, one it changed is judged afresh
  const rows = await trx
    .selectFrom('civic_case')
    .selectAll()
    .where('id', 'in', ids)
    .where('state', 'in', [...OPEN_STATES])
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
  let lights = 0;
  let supervised = 0;
  const changed: number[] = [];
  for (const c of rows) {
    const j = judge(c, ref, thresholds, now);
    if (!j) continue;
    await trx
      .updateTable('civic_case')
      .set((eb) => ({
        light: j.light,
        supervision: j.level,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', c.id)
      .execute();
    changed.push(c.id);
    if (j.light !== c.light) lights++;
    if (!j.raised) continue;
    supervised++;
    const note = `自动${SUPERVISION_NAMES[j.level].zh}：已用时限的 ${Math.round(j.fraction * 100)}%`;
    await trx
      .insertInto('case_step')
      .values({
        case_id: c.id,
        county_code: c.county_code,
        action: 'supervise',
        from_state: null,
        to_state: c.state,
        actor_id: null,
        actor_role: 'system',
        note,
        details: JSON.stringify({ supervision: j.level, automatic: true, fraction: j.fraction }),
        at: now,
      })
      .execute();
    await notify(trx, c, ['department', 'dispatcher'], {
      departmentId: c.department_id,
      summoned: [],
      kind: 'case.supervise',
      title: `${c.case_no} ${SUPERVISION_NAMES[j.level].zh}`,
      body: c.title,
    });
    await recordCaseEvent(trx, c, {
      action: 'supervise',
      state: c.state,
      note,
      at: now,
      departmentId: c.department_id,
      supervision: j.level,
    });
  }
  if (changed.length > 0) {
    await appendAudit(trx, {
      actorId: null,
      actorUsername: 'system',
      role: 'system',
      scopeOrgId: null,
      action: 'case.escalation_run',
      targetType: 'case',
      targetId: 'escalation',
      after: { lights, supervised, cases: changed },
      clientIp: 'local',
    });
  }
  return { lights, supervised };
}

/** Runs the job every `everyMs` (default a minute; ESCALATION_INTERVAL_MS), unref'd, never overlapping. */
export function startEscalationJob(
  db: Kysely<DB>,
  engine: 'pglite' | 'postgres',
  everyMs = 60_000,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runEscalation(db, engine)
      .catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) databaseFaults.fault(error, 'escalation job');
        else console.error('escalation job failed:', error);
      })
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
