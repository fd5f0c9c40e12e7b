// SQL of the audit trail: a lane's head (locked for an append), the next record id, the record and the new
// head; the heads and a lane's records in order for the chain's verification.
import { type Insertable, sql } from 'kysely';
import type { Db, Trx } from '../db/handle.ts';
import type { DB } from '../db/schema.ts';

/** The head of a lane, locked until the transaction ends; undefined when the lane has none yet. */
export function lockHead(trx: Trx, lane: string) {
  return trx
    .selectFrom('audit_head')
    .select(['last_seq', 'last_hash'])
    .where('lane', '=', lane)
    .forUpdate()
    .executeTakeFirst();
}

/** A new lane's head (another transaction may have made it first: then nothing happens). */
export async function insertHead(trx: Trx, lane: string, zeroHash: string): Promise<void> {
  await trx
    .insertInto('audit_head')
    .values({ lane, last_seq: 0, last_hash: zeroHash })
    .onConflict((oc) => oc.column('lane').doNothing())
    .execute();
}

/** The id of the record about to be appended (its hash covers it). */
export async function nextAuditId(trx: Trx): Promise<number> {
  const next = await sql<{ id: string }>`select nextval('audit_log_id_seq') as id`.execute(trx);
  return Number(next.rows[0]?.id);
}

export async function insertRecord(trx: Trx, row: Insertable<DB['audit_log']>): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
}

export async function setHead(trx: Trx, lane: string, seq: number, hash: string): Promise<void> {
  await trx
    .updateTable('audit_head')
    .set({ last_seq: seq, last_hash: hash })
    .where('lane', '=', lane)
    .execute();
}

/** Every lane's head, by lane. */
export function heads(db: Db) {
  return db.selectFrom('audit_head').select(['lane', 'last_seq', 'last_hash']).orderBy('lane').execute();
}

/** The next `batch` records of a lane from sequence number `from` on, in order. */
export function laneRecords(db: Db, lane: string, from: number, batch: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('lane', '=', lane)
    .where('lane_seq', '>=', from)
    .orderBy('lane_seq')
    .limit(batch)
    .execute();
}

export async function recordCount(db: Db): Promise<number> {
  const total = await db
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(total.n);
}
