// The SQL of the escalation job (escalation.job.ts): the basis its stored instants were computed with,
// the due cases (an index range on supervise_at) taken FOR UPDATE SKIP LOCKED, and the instants stored back.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { Light, SupervisionLevel } from './domain/sla.ts';

type Handle = Kysely<DB> | Transaction<DB>;

export function calendarDays(db: Handle) {
  return db.selectFrom('work_calendar_day').select(['date', 'kind']).orderBy('date').execute();
}

/** The stored value of a job's state, locked until the transaction ends. */
export async function lockJobState(trx: Transaction<DB>, name: string): Promise<unknown> {
  const row = await trx
    .selectFrom('job_state')
    .select('value')
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  return row ? row.value : undefined;
}

export async function saveJobState(trx: Handle, name: string, value: unknown): Promise<void> {
  await trx
    .insertInto('job_state')
    .values({ name, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute();
}

/** Every running step is due now (its instants were computed on another basis). */
export async function markRunningStepsDue(trx: Handle): Promise<void> {
  await trx
    .updateTable('civic_case')
    .set({ supervise_at: sql`now()` })
    .where('step_deadline', 'is not', null)
    .execute();
}

export async function dueCaseIds(db: Handle, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('civic_case')
    .select('id')
    .where('supervise_at', '<=', now)
    .orderBy('supervise_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The cases still due, locked; those another process holds are skipped. */
export function lockDueCases(trx: Transaction<DB>, ids: number[], now: Date) {
  return trx
    .selectFrom('civic_case')
    .selectAll()
    .where('id', 'in', ids)
    .where('supervise_at', '<=', now)
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

/** A case without a running step is not due any more. */
export async function clearSuperviseAt(trx: Handle, caseId: number): Promise<void> {
  await trx.updateTable('civic_case').set({ supervise_at: null }).where('id', '=', caseId).execute();
}

/** The recomputed instants and light; a raised supervision also raises the version. */
export async function storeStepInstants(
  trx: Handle,
  caseId: number,
  s: { yellowAt: Date; superviseAt: Date | null; light: Light; raisedTo: SupervisionLevel | null; at: Date },
): Promise<void> {
  await trx
    .updateTable('civic_case')
    .set((eb) => ({
      step_yellow_at: s.yellowAt,
      supervise_at: s.superviseAt,
      light: s.light,
      ...(s.raisedTo ? { supervision: s.raisedTo, version: eb('version', '+', 1), updated_at: s.at } : {}),
    }))
    .where('id', '=', caseId)
    .execute();
}
