// The SQL of 村务公开: items and questions start from the access layer's scoped queries; the public
// page reads only published items of one village and the names of its office holders.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { PublicationKind } from './publication-tables.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The day (Asia/Shanghai, UTC+8 all year) of a timestamptz column. */
export const shanghaiDate = (column: string): RawBuilder<string> =>
  sql<string>`((${sql.ref(column)} at time zone 'UTC') + interval '8 hours')::date`;

const ITEM_COLUMNS = [
  'publication_item.id',
  'publication_item.org_id',
  'publication_item.county_code',
  'publication_item.kind',
  'publication_item.period',
  'publication_item.title',
  'publication_item.due_on',
  'publication_item.published_on',
  'publication_item.published_at',
  'publication_item.content',
  'publication_item.place',
  'publication_item.photo_attachment_id',
  'publication_item.photo_taken_at',
  'publication_item.amount_fen',
  'publication_item.deliberation_id',
  'village_org.code as org_code',
  'village_org.name as org_name',
  'village_org.path as org_path',
] as const;

export async function findItem(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: 'village:read' | 'village:manage' = 'village:read',
) {
  const row = await scoped
    .publicationItems(db as Kysely<DB>, actor, permission)
    .select(ITEM_COLUMNS)
    .where('publication_item.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('publication_item', unverifiedId);
  return row;
}
export type ItemRow = Awaited<ReturnType<typeof findItem>>;

export type ItemFilter = 'overdue' | 'pending' | 'published' | 'late' | 'on_time';

export interface ItemQuery {
  /** the base's county: narrows to the county's items by its index before the path test */
  countyCode?: string | null | undefined;
  basePath: string;
  state?: ItemFilter | undefined;
  kind?: PublicationKind | undefined;
  year?: number | undefined;
  q?: string | undefined;
  today: string;
}

function filteredItems(db: Kysely<DB>, actor: Actor, f: ItemQuery) {
  let q = scoped.publicationItems(db, actor).where('village_org.path', 'like', `${f.basePath}%`);
  if (f.countyCode) q = q.where('publication_item.county_code', '=', f.countyCode);
  if (f.kind) q = q.where('publication_item.kind', '=', f.kind);
  if (f.year)
    q = q
      .where('publication_item.due_on', '>=', `${f.year}-01-01`)
      .where('publication_item.due_on', '<=', `${f.year}-12-31`);
  if (f.q?.trim()) q = q.where('publication_item.title', 'like', `%${escapeLike(f.q.trim())}%`);
  switch (f.state) {
    case 'overdue':
      q = q.where('publication_item.published_on', 'is', null).where('publication_item.due_on', '<', f.today);
      break;
    case 'pending':
      q = q
        .where('publication_item.published_on', 'is', null)
        .where('publication_item.due_on', '>=', f.today);
      break;
    case 'published':
      q = q.where('publication_item.published_on', 'is not', null);
      break;
    case 'late':
      q = q.whereRef('publication_item.published_on', '>', 'publication_item.due_on');
      break;
    case 'on_time':
      q = q.whereRef('publication_item.published_on', '<=', 'publication_item.due_on');
      break;
  }
  return q;
}

export async function listItems(db: Kysely<DB>, actor: Actor, f: ItemQuery, page: number, pageSize: number) {
  const base = filteredItems(db, actor, f);
  const [items, count] = await Promise.all([
    base
      .select(ITEM_COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('publication_question as q')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('q.item_id', '=', 'publication_item.id')
          .as('questions'),
      )
      .orderBy(
        f.state === 'pending' || f.state === 'overdue'
          ? sql`publication_item.due_on asc`
          : sql`publication_item.due_on desc`,
      )
      .orderBy('publication_item.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function exportItems(db: Kysely<DB>, actor: Actor, f: ItemQuery, limit: number) {
  return filteredItems(db, actor, f)
    .innerJoin('org as town_org', 'town_org.id', 'village_org.parent_id')
    .select([...ITEM_COLUMNS, 'town_org.name as town_name'])
    .orderBy('village_org.path')
    .orderBy('publication_item.due_on', 'desc')
    .limit(limit)
    .execute();
}

/** Publication compliance per child of the base: items due in `year` up to today. */
export async function itemFiguresByChild(
  db: Kysely<DB>,
  actor: Actor,
  base: { path: string; depth: number; county_code?: string | null },
  year: number,
  today: string,
) {
  const child = sql<string>`split_part(village_org.path, '/', ${sql.lit(base.depth + 3)})`;
  const rows = await filteredItems(db, actor, {
    basePath: base.path,
    countyCode: base.county_code,
    year,
    today,
  })
    .select([
      child.as('child_id'),
      sql<number>`count(*) filter (where publication_item.due_on <= ${today})`.as('due'),
      sql<number>`count(*) filter (where publication_item.due_on <= ${today} and publication_item.published_on <= publication_item.due_on)`.as(
        'on_time',
      ),
      sql<number>`count(*) filter (where publication_item.published_on > publication_item.due_on)`.as('late'),
      sql<number>`count(*) filter (where publication_item.published_on is null and publication_item.due_on < ${today})`.as(
        'overdue',
      ),
      sql<number>`count(*) filter (where publication_item.published_on is null and publication_item.due_on >= ${today})`.as(
        'pending',
      ),
    ])
    .groupBy(child)
    .execute();
  return rows.map((r) => ({
    childId: Number(r.child_id),
    due: Number(r.due),
    onTime: Number(r.on_time),
    late: Number(r.late),
    overdue: Number(r.overdue),
    pending: Number(r.pending),
  }));
}

/** Questions per child of the base asked in `year`: answered within the window, late, still open past it. */
export async function questionFiguresByChild(
  db: Kysely<DB>,
  actor: Actor,
  base: { path: string; depth: number; county_code?: string | null },
  year: number,
  today: string,
) {
  const child = sql<string>`split_part(village_org.path, '/', ${sql.lit(base.depth + 3)})`;
  const replied = shanghaiDate('publication_question.replied_at');
  const rows = await scoped
    .publicationQuestions(db, actor)
    .where('village_org.path', 'like', `${base.path}%`)
    .$if(Boolean(base.county_code), (q) =>
      q.where('publication_question.county_code', '=', base.county_code as string),
    )
    .where('publication_question.asked_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
    .where('publication_question.asked_at', '<', new Date(`${year + 1}-01-01T00:00:00+08:00`))
    .select([
      child.as('child_id'),
      (eb) => eb.fn.countAll<number>().as('asked'),
      sql<number>`count(*) filter (where ${replied} <= publication_question.reply_due_on)`.as('on_time'),
      sql<number>`count(*) filter (where ${replied} > publication_question.reply_due_on)`.as('late'),
      sql<number>`count(*) filter (where publication_question.replied_at is null and publication_question.reply_due_on < ${today})`.as(
        'overdue',
      ),
      sql<number>`count(*) filter (where publication_question.replied_at is null and publication_question.reply_due_on >= ${today})`.as(
        'open',
      ),
    ])
    .groupBy(child)
    .execute();
  return rows.map((r) => ({
    childId: Number(r.child_id),
    asked: Number(r.asked),
    onTime: Number(r.on_time),
    late: Number(r.late),
    overdue: Number(r.overdue),
    open: Number(r.open),
  }));
}

export function questionsOfItem(db: Db, itemId: number) {
  return db
    .selectFrom('publication_question')
    .select([
      'id',
      'asker_name',
      'phone_masked',
      'question',
      'asked_at',
      'reply_due_on',
      'reply',
      'replied_at',
    ])
    .where('item_id', '=', itemId)
    .orderBy('asked_at')
    .execute();
}

export async function findQuestion(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: 'village:read' | 'village:manage' = 'village:read',
) {
  const row = await scoped
    .publicationQuestions(db as Kysely<DB>, actor, permission)
    .innerJoin('publication_item', 'publication_item.id', 'publication_question.item_id')
    .select([
      'publication_question.id',
      'publication_question.item_id',
      'publication_question.org_id',
      'publication_question.county_code',
      'publication_question.question',
      'publication_question.reply',
      'publication_question.replied_at',
      'publication_question.reply_due_on',
      'publication_item.title as item_title',
    ])
    .where('publication_question.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('publication_question', unverifiedId);
  return row;
}

export async function listQuestions(
  db: Kysely<DB>,
  actor: Actor,
  f: { basePath: string; open?: boolean | undefined; overdueOn?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = scoped
    .publicationQuestions(db, actor)
    .innerJoin('publication_item', 'publication_item.id', 'publication_question.item_id')
    .where('village_org.path', 'like', `${f.basePath}%`);
  if (f.open) q = q.where('publication_question.replied_at', 'is', null);
  if (f.overdueOn)
    q = q
      .where('publication_question.replied_at', 'is', null)
      .where('publication_question.reply_due_on', '<', f.overdueOn);
  const [items, count] = await Promise.all([
    q
      .select([
        'publication_question.id',
        'publication_question.item_id',
        'publication_question.asker_name',
        'publication_question.phone_masked',
        'publication_question.question',
        'publication_question.asked_at',
        'publication_question.reply_due_on',
        'publication_question.reply',
        'publication_question.replied_at',
        'publication_item.title as item_title',
        'village_org.id as org_id',
        'village_org.code as org_code',
        'village_org.name as org_name',
      ])
      .orderBy(sql`publication_question.replied_at is not null`)
      .orderBy('publication_question.reply_due_on')
      .orderBy('publication_question.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function publishItem(
  trx: Transaction<DB>,
  id: number,
  p: {
    on: string;
    content: string;
    place: string;
    photoAttachmentId: number | null;
    photoTakenAt: string | null;
    by: number;
  },
): Promise<boolean> {
  const res = await trx
    .updateTable('publication_item')
    .set({
      published_on: p.on,
      published_at: sql`now()`,
      content: p.content,
      place: p.place,
      photo_attachment_id: p.photoAttachmentId,
      photo_taken_at: p.photoTakenAt,
      published_by: p.by,
    })
    .where('id', '=', id)
    .where('published_on', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertItem(
  trx: Transaction<DB>,
  row: {
    org_id: number;
    county_code: string;
    kind: PublicationKind;
    period: string;
    title: string;
    due_on: string;
    amount_fen: number | null;
  },
) {
  const r = await trx.insertInto('publication_item').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function replyQuestion(
  trx: Transaction<DB>,
  id: number,
  reply: string,
  by: number,
): Promise<boolean> {
  const res = await trx
    .updateTable('publication_question')
    .set({ reply, replied_at: sql`now()`, replied_by: by })
    .where('id', '=', id)
    .where('replied_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A village file in the village (for a photo or an attachment of a publication). */
export function attachmentOfVillage(db: Db, villageId: number, id: number) {
  return db
    .selectFrom('village_attachment')
    .select(['id', 'mime'])
    .where('id', '=', id)
    .where('org_id', '=', villageId)
    .executeTakeFirst();
}
