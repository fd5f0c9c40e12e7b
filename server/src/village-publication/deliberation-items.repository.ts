// The 村务公开 items a village decision puts on the calendar (SQL only): the resolution once it passes
// (due within the set days) and the results once the resolution is published; recording the
// publication step publishes the item with its text, place and notice-board photo.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export interface DeliberationItem {
  orgId: number;
  countyCode: string;
  deliberationId: number;
  kind: 'resolution' | 'result';
  title: string;
  dueOn: string;
  published: null | {
    on: string;
    content: string;
    place: string;
    photoAttachmentId: number | null;
    photoTakenAt: string | null;
    by: number;
  };
}

/** Creates or updates the item of a decision (one per decision and kind). */
export async function upsertDeliberationItem(trx: Transaction<DB>, item: DeliberationItem): Promise<void> {
  const p = item.published;
  const values = {
    org_id: item.orgId,
    county_code: item.countyCode,
    kind: item.kind,
    period: `D${item.deliberationId}`,
    title: item.title,
    due_on: item.dueOn,
    deliberation_id: item.deliberationId,
    published_on: p?.on ?? null,
    published_at: p ? sql<Date>`now()` : null,
    content: p?.content ?? '',
    place: p?.place ?? '',
    photo_attachment_id: p?.photoAttachmentId ?? null,
    photo_taken_at: p?.photoTakenAt ?? null,
    published_by: p?.by ?? null,
  };
  await trx
    .insertInto('publication_item')
    .values(values as never)
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'period']).doUpdateSet({
        title: values.title,
        due_on: values.due_on,
        ...(p
          ? {
              published_on: values.published_on,
              published_at: values.published_at,
              content: values.content,
              place: values.place,
              photo_attachment_id: values.photo_attachment_id,
              photo_taken_at: values.photo_taken_at,
              published_by: values.published_by,
            }
          : {}),
      } as never),
    )
    .execute();
}
