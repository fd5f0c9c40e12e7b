// The SQL of the intake (case-intake.service.ts): the replay of an idempotent request, the case
// number, the case row, its photos, its first step and the dispatchers' notifications.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { NewCaseStep, NewCivicCase } from './domain/case-tables.ts';

/** The case an idempotency key already made: by (system, external id) or by client request id. */
export async function caseOfKey(db: Kysely<DB>, key: { system: string | null; id: string }) {
  const q = db
    .selectFrom('civic_case')
    .select(['id', 'case_no', 'state', 'external_content_hash', 'tracking_code_enc']);
  return (
    key.system
      ? q.where('external_system', '=', key.system).where('external_id', '=', key.id)
      : q.where('client_request_id', '=', key.id)
  ).executeTakeFirst();
}

/** The next value of the case number sequence. */
export async function nextCaseSeq(trx: Transaction<DB>): Promise<number> {
  const seq = await sql<{ n: string }>`select nextval('civic_case_no_seq') as n`.execute(trx);
  return Number(seq.rows[0]?.n);
}

export async function insertCase(trx: Transaction<DB>, values: NewCivicCase) {
  return trx
    .insertInto('civic_case')
    .values(values)
    .returning(['id', 'case_no', 'state'])
    .executeTakeFirstOrThrow();
}

/** Links the reporter's uploads to the case; answers the ids linked. */
export async function linkPhotos(
  trx: Transaction<DB>,
  caseId: number,
  countyCode: string,
  photos: readonly number[],
  uploadedBy: number,
): Promise<number[]> {
  const linked = await trx
    .updateTable('case_attachment')
    .set({ case_id: caseId, county_code: countyCode })
    .where('id', 'in', photos)
    .where('case_id', 'is', null)
    .where('uploaded_by', '=', uploadedBy)
    .returning('id')
    .execute();
  return linked.map((l) => l.id);
}

export async function insertStep(trx: Transaction<DB>, step: NewCaseStep): Promise<void> {
  await trx.insertInto('case_step').values(step).execute();
}

/**
 * Tells the village's and the town's dispatchers (their admins and secretaries) of a new case, in one
 * statement.
 */
export async function notifyDispatchers(
  trx: Transaction<DB>,
  caseId: number,
  orgIds: readonly number[],
  title: string,
  body: string,
): Promise<void> {
  await sql`insert into notification (account_id, kind, title, body, case_id)
    select id, 'case.report', ${title}, ${body}, ${caseId} from account
    where scope_org_id = any(${orgIds as number[]}::bigint[])
      and role in ('org_admin', 'secretary') and not disabled`.execute(trx);
}
