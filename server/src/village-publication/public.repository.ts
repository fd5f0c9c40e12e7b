// The SQL of the public village pages (no sign-in): only published items and decisions of one
// village, the names and posts of its office holders, and questions without who asked them.
import { type Kysely, sql, type Transaction } from 'kysely';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function villageByCode(db: Db, code: string) {
  return db
    .selectFrom('org as v')
    .innerJoin('org as town', 'town.id', 'v.parent_id')
    .innerJoin('org as county', 'county.id', 'town.parent_id')
    .select([
      'v.id',
      'v.code',
      'v.short_name',
      'v.name',
      'v.county_code',
      'town.short_name as town_name',
      'county.short_name as county_name',
    ])
    .where('v.code', '=', code)
    .where('v.level', '=', 'village')
    .where('v.category', '=', 'territorial')
    .executeTakeFirst();
}

export function searchVillages(db: Db, q: string, limit: number) {
  const text = escapeLike(q.trim());
  let query = db
    .selectFrom('org as v')
    .innerJoin('org as town', 'town.id', 'v.parent_id')
    .innerJoin('org as county', 'county.id', 'town.parent_id')
    .select(['v.code', 'v.short_name', 'town.short_name as town_name', 'county.short_name as county_name'])
    .where('v.level', '=', 'village')
    .where('v.category', '=', 'territorial');
  if (/^\d+$/.test(text)) query = query.where('v.code', 'like', `${text}%`);
  else if (text) query = query.where('v.short_name', 'like', `%${text}%`);
  return query.orderBy('v.code').limit(limit).execute();
}

/** Current office holders: name and post only. */
export function officeHolders(db: Db, villageId: number) {
  return db
    .selectFrom('cadre_post')
    .innerJoin('village_cadre', 'village_cadre.id', 'cadre_post.cadre_id')
    .select(['village_cadre.name', 'cadre_post.post', 'cadre_post.term_start', 'cadre_post.term_end'])
    .where('cadre_post.org_id', '=', villageId)
    .where('cadre_post.ended_on', 'is', null)
    .orderBy('cadre_post.committee')
    .orderBy('cadre_post.id')
    .execute();
}

export function publishedItems(db: Db, villageId: number, limit: number) {
  return db
    .selectFrom('publication_item')
    .leftJoin('village_attachment', 'village_attachment.id', 'publication_item.photo_attachment_id')
    .select([
      'publication_item.id',
      'publication_item.kind',
      'publication_item.title',
      'publication_item.due_on',
      'publication_item.published_on',
      'publication_item.content',
      'publication_item.place',
      'publication_item.photo_taken_at',
      'publication_item.deliberation_id',
      'village_attachment.id as photo_id',
      'village_attachment.mime as photo_mime',
    ])
    .where('publication_item.org_id', '=', villageId)
    .where('publication_item.published_on', 'is not', null)
    .orderBy('publication_item.published_on', 'desc')
    .orderBy('publication_item.id', 'desc')
    .limit(limit)
    .execute();
}

/** Questions and replies on the given items (never who asked). */
export function questionsOn(db: Db, itemIds: number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('publication_question')
    .select(['id', 'item_id', 'question', 'asked_at', 'reply_due_on', 'reply', 'replied_at'])
    .where('item_id', 'in', itemIds)
    .orderBy('asked_at')
    .execute();
}

/** Decisions whose resolution was published, with the dates of their steps. */
export function publishedDecisions(db: Db, villageId: number, limit: number) {
  return db
    .selectFrom('deliberation')
    .select([
      'deliberation.id',
      'deliberation.template',
      'deliberation.title',
      'deliberation.category',
      'deliberation.resolved_on',
      'deliberation.status',
      sql<
        { step: string; held_on: string }[]
      >`(select coalesce(json_agg(json_build_object('step', s.step, 'held_on', s.held_on) order by s.seq), '[]'::json) from deliberation_step s where s.deliberation_id = deliberation.id)`.as(
        'steps',
      ),
    ])
    .where('deliberation.org_id', '=', villageId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('publication_item')
          .select('publication_item.id')
          .whereRef('publication_item.deliberation_id', '=', 'deliberation.id')
          .where('publication_item.kind', '=', 'resolution')
          .where('publication_item.published_on', 'is not', null),
      ),
    )
    .orderBy('deliberation.resolved_on', 'desc')
    .limit(limit)
    .execute();
}

export function publishedItemForQuestion(db: Db, itemId: number) {
  return db
    .selectFrom('publication_item')
    .select(['id', 'org_id', 'county_code', 'title', 'published_on'])
    .where('id', '=', itemId)
    .where('published_on', 'is not', null)
    .executeTakeFirst();
}

export async function insertQuestion(
  trx: Transaction<DB>,
  q: {
    item_id: number;
    org_id: number;
    county_code: string;
    asker_name: string;
    phone_enc: string | null;
    phone_masked: string | null;
    question: string;
    reply_due_on: string;
    client_ip: string;
  },
) {
  const row = await trx
    .insertInto('publication_question')
    .values(q)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
