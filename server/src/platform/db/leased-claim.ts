// THE claim of a job's due rows (webhook deliveries, SMS): in one transaction the caller's query picks the
// due rows FOR UPDATE SKIP LOCKED (rows another server process holds are skipped), then each is leased —
// its attempt counted and next_attempt_at moved to `lease` — and the transaction commits before anything is
// sent. A process that dies mid-send leaves a lease that expires; another process then takes the row over,
// and an outcome is stored only while the row is still on the claiming attempt (the repositories'
// storeOutcome). Two server processes on one PostgreSQL thus act once (two-processes.db.test.ts).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** The tables whose rows are claimed this way: each has id, attempts and next_attempt_at. */
export type LeasedTable = 'webhook_delivery' | 'sms_message';

export function claimLeased<R extends { id: number; attempts: number }>(
  db: Kysely<DB>,
  table: LeasedTable,
  lease: Date,
  pickDue: (trx: Transaction<DB>) => Promise<R[]>,
): Promise<R[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await pickDue(trx);
    if (rows.length === 0) return [];
    await trx
      .updateTable(table)
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: lease }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}
