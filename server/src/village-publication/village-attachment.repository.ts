// The SQL of village files: inserted for the uploading village, read inside the scope, or read by
// anyone when it is the photo of a published 村务公开 item.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export async function insertAttachment(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    mime: string;
    bytes: number;
    sha256: string;
    file_name: string;
    uploaded_by: number;
  },
) {
  const row = await trx.insertInto('village_attachment').values(v).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export function scopedAttachment(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .villageAttachments(db, actor)
    .select(['village_attachment.mime', 'village_attachment.sha256', 'village_attachment.file_name'])
    .where('village_attachment.id', '=', id)
    .executeTakeFirst();
}

export function publishedPhoto(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('village_attachment')
    .select(['village_attachment.mime', 'village_attachment.sha256'])
    .where('village_attachment.id', '=', id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('publication_item')
          .select('publication_item.id')
          .whereRef('publication_item.photo_attachment_id', '=', 'village_attachment.id')
          .where('publication_item.published_on', 'is not', null),
      ),
    )
    .executeTakeFirst();
}
