// SQL of case photos (attachment.service.ts holds the checks and the files): a photo uploaded (not yet
// attached to a case), an attachment by id, and whether its case is in the actor's scope (through the
// access layer's scoped start).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

/** Stores an uploaded photo's row; its id. */
export async function insertAttachment(
  trx: Transaction<DB>,
  row: Insertable<DB['case_attachment']>,
): Promise<number> {
  const inserted = await trx
    .insertInto('case_attachment')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** An attachment by id, unscoped: the caller decides visibility (its case in scope, or its own upload). */
export function attachmentById(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('case_attachment')
    .select(['id', 'case_id', 'mime', 'storage_key', 'uploaded_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether a case lies in the actor's scope. */
export async function caseInScope(db: Kysely<DB>, actor: Actor, caseId: number): Promise<boolean> {
  const row = await scoped
    .cases(db, actor)
    .select('civic_case.id')
    .where('civic_case.id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}
