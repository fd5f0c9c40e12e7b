// The timed job of the case loop: every minute, recompute the overdue light of open cases and raise
// automatic supervision (督办 ordinary → yellow card → red card) when a step crossed its thresholds.
// One transaction per run; on PostgreSQL the rows are taken FOR UPDATE SKIP LOCKED, so with several
// server processes each case is updated by exactly one of them (PGlite is one process, one connection).
import type { Kysely } from 'kysely';
import { appendAudit } from '../platform/audit/audit.ts';
import type { DB } from '../platform/db/schema.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { DEFAULT_LIMITS } from './case-common.ts';
import { caseReference } from './case-reference.ts';
import { notify } from './case-transition.service.ts';
import { OPEN_STATES } from './domain/case-machine.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from './domain/case-settings.ts';
import { maxSupervision, SUPERVISION_LEVELS, SUPERVISION_NAMES, stepStatus } from './domain/sla.ts';

export interface EscalationResult {
  checked: number;
  lights: number;
  supervised: number;
}

export async function runEscalation(
  db: Kysely<DB>,
  engine: 'pglite' | 'postgres',
  now = new Date(),
): Promise<EscalationResult> {
  const ref = await caseReference(db);
  const settings = await readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS);
  return db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('civic_case')
      .select([
        'id',
        'case_no',
        'title',
        'county_code',
        'category_code',
        'step',
        'step_started_at',
        'step_deadline',
        'light',
        'supervision',
        'reporter_account_id',
        'village_org_id',
        'town_org_id',
        'grid_id',
        'department_id',
      ])
      .where('state', 'in', [...OPEN_STATES])
      .where('step_deadline', 'is not', null)
      .where((eb) => eb.or([eb('light', '!=', 'red'), eb('supervision', '!=', 'red')]))
      .orderBy('step_deadline');
    if (engine === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    let lights = 0;
    let supervised = 0;
    const changed: number[] = [];
    for (const c of rows) {
      if (!c.step || !c.step_started_at || !c.step_deadline) continue;
      const limits = (c.category_code ? ref.categories.get(c.category_code)?.limits : null) ?? DEFAULT_LIMITS;
      const st = stepStatus(
        c.step_started_at,
        limits[c.step],
        now,
        ref.calendar,
        settings.supervisionThresholds,
        c.step_deadline,
      );
      const level = maxSupervision(c.supervision, st.supervision);
      const raised = SUPERVISION_LEVELS.indexOf(level) > SUPERVISION_LEVELS.indexOf(c.supervision);
      if (st.light === c.light && !raised) continue;
      await trx
        .updateTable('civic_case')
        .set((eb) => ({
          light: st.light,
          supervision: level,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', c.id)
        .execute();
      changed.push(c.id);
      if (st.light !== c.light) lights++;
      if (raised) {
        supervised++;
        await trx
          .insertInto('case_step')
          .values({
            case_id: c.id,
            county_code: c.county_code,
            action: 'supervise',
            from_state: null,
            to_state: (
              await trx
                .selectFrom('civic_case')
                .select('state')
                .where('id', '=', c.id)
                .executeTakeFirstOrThrow()
            ).state,
            actor_id: null,
            actor_role: 'system',
            note: `自动${SUPERVISION_NAMES[level].zh}：已用时限的 ${Math.round(st.fraction * 100)}%`,
            details: JSON.stringify({ supervision: level, automatic: true, fraction: st.fraction }),
            at: now,
          })
          .execute();
        await notify(trx, c, ['department', 'dispatcher'], {
          departmentId: c.department_id,
          summoned: [],
          kind: 'case.supervise',
          title: `${c.case_no} ${SUPERVISION_NAMES[level].zh}`,
          body: c.title,
        });
      }
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
        after: {
          lights,
          supervised,
          cases: changed.slice(0, 1000),
          more: Math.max(0, changed.length - 1000),
        },
        clientIp: 'local',
      });
    }
    return { checked: rows.length, lights, supervised };
  });
}

/** Runs the job every minute (unref'd: it never keeps the process alive). */
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
      .catch((error: unknown) => console.error('escalation job failed:', error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
