// 村务公开 (issue 14 item 2): the calendar of a scope (items due, overdue, published on time or late),
// publishing an item with its text, place and notice-board photo, a major matter published at once,
// the villagers' questions and the village's replies, and the compliance figures per town or village.
import { childOrgs } from '../deliberation/deliberation-read.repository.ts';
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskName } from '../platform/masking/masking.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';
import { readVillageSetting, verifyVillage } from '../village-cadres/village-common.ts';
import {
  itemState,
  PUBLICATION_DEFAULTS,
  PUBLICATION_SETTINGS_KEY,
  type PublicationSettings,
} from './domain/calendar.ts';
import * as repo from './publication.repository.ts';
import type { PublicationKind } from './publication-tables.ts';

export const readPublicationSettings = (db: Db): Promise<PublicationSettings> =>
  readVillageSetting(db, PUBLICATION_SETTINGS_KEY, PUBLICATION_DEFAULTS);

const KIND_ZH: Record<PublicationKind, string> = {
  general: '村务',
  finance: '财务',
  major: '重大事项即时公开',
  resolution: '决议公开',
  result: '实施结果公开',
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function itemOut(r: repo.ItemRow & { questions?: number | string | null }, today: string) {
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
    kind: r.kind,
    kindName: KIND_ZH[r.kind],
    period: r.period,
    title: r.title,
    dueOn: r.due_on,
    publishedOn: r.published_on,
    state: itemState({ dueOn: r.due_on, publishedOn: r.published_on }, today),
    content: r.content,
    place: r.place,
    photoAttachmentId: r.photo_attachment_id === null ? null : Number(r.photo_attachment_id),
    photoTakenAt: iso(r.photo_taken_at),
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    deliberationId: r.deliberation_id === null ? null : Number(r.deliberation_id),
    questions: Number(r.questions ?? 0),
  };
}

export interface ItemListQuery {
  orgId?: number;
  state?: repo.ItemFilter;
  kind?: PublicationKind;
  year?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function itemPage(db: Db, actor: Actor, q: ItemListQuery, today = shanghaiToday()) {
  const base = await basePathOf(db, actor, q.orgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.listItems(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      state: q.state,
      kind: q.kind,
      year: q.year,
      q: q.q,
      today,
    },
    page,
    pageSize,
  );
  return { items: items.map((r) => itemOut(r, today)), total, page, pageSize };
}

export async function itemDetail(db: Db, actor: Actor, id: number, today = shanghaiToday()) {
  const r = await repo.findItem(db, actor, id);
  const questions = await repo.questionsOfItem(db, r.id);
  return {
    ...itemOut(r, today),
    questionList: questions.map((x) => ({
      id: Number(x.id),
      askerName: x.asker_name ? maskName(x.asker_name) : '',
      phoneMasked: x.phone_masked,
      question: x.question,
      askedAt: iso(x.asked_at) as string,
      replyDueOn: x.reply_due_on,
      reply: x.reply,
      repliedAt: iso(x.replied_at),
      overdue: x.replied_at === null && x.reply_due_on < today,
    })),
  };
}

export interface PublishBody {
  content: string;
  place: string;
  publishedOn?: string;
  photoAttachmentId?: number;
  photoTakenAt?: string;
}

/** Publishes a calendar item: its text, where it is posted and a photo of the notice board. */
export async function publishItem(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: PublishBody,
  today = shanghaiToday(),
) {
  const item = await repo.findItem(db, actor, id, 'village:manage');
  if (item.published_on)
    throw conflict(
      'PUBLICATION_ALREADY_PUBLISHED',
      `该事项已于 ${item.published_on} 公开。`,
      `Already published on ${item.published_on}.`,
      { publishedOn: item.published_on },
    );
  if (item.kind === 'resolution' || item.kind === 'result')
    throw unprocessable(
      'PUBLICATION_BY_DELIBERATION',
      '决议公开和实施结果公开随决策事项的相应步骤登记：请在决策事项中登记公开。',
      'Resolutions and results are published through the matter’s step.',
      { deliberationId: item.deliberation_id },
    );
  const on = b.publishedOn ?? today;
  if (on > today)
    throw unprocessable(
      'PUBLICATION_DATE',
      `publishedOn：${on} 晚于今天（${today}）。`,
      `publishedOn: ${on} is after today.`,
      { field: 'publishedOn' },
    );
  if (
    b.photoAttachmentId !== undefined &&
    !(await repo.attachmentOfVillage(db, Number(item.org_id), b.photoAttachmentId))
  )
    throw badRequest(
      'PUBLICATION_PHOTO_UNKNOWN',
      `photoAttachmentId：${b.photoAttachmentId} 不是本村上传的照片。`,
      'photoAttachmentId: not a photo of this village.',
      {
        field: 'photoAttachmentId',
      },
    );
  await write(async (trx, audit) => {
    const ok = await repo.publishItem(trx, item.id, {
      on,
      content: b.content,
      place: b.place,
      photoAttachmentId: b.photoAttachmentId ?? null,
      photoTakenAt: b.photoTakenAt ?? null,
      by: actor.accountId,
    });
    if (!ok) throw conflict('PUBLICATION_ALREADY_PUBLISHED', '该事项已公开。', 'Already published.');
    await audit({
      action: 'publication.publish',
      targetType: 'publication_item',
      targetId: item.id,
      countyCode: item.county_code,
      after: {
        publishedOn: on,
        dueOn: item.due_on,
        place: b.place,
        photoAttachmentId: b.photoAttachmentId ?? null,
        state: itemState({ dueOn: item.due_on, publishedOn: on }, today),
      },
    });
  });
  return itemDetail(db, actor, item.id, today);
}

/** A major matter to publish at once (due within the set days of when it arose). */
export async function addMajorItem(
  db: Db,
  write: Write,
  actor: Actor,
  b: { orgId: number; title: string; occurredOn: string; amountFen?: number },
  today = shanghaiToday(),
) {
  const village = await verifyVillage(db, actor, b.orgId);
  const s = await readPublicationSettings(db);
  if (b.occurredOn > today)
    throw unprocessable(
      'PUBLICATION_DATE',
      `occurredOn：${b.occurredOn} 晚于今天。`,
      'occurredOn is after today.',
      { field: 'occurredOn' },
    );
  return write(async (trx, audit) => {
    const id = await repo.insertItem(trx, {
      org_id: village.id,
      county_code: village.county_code,
      kind: 'major',
      period: `M${b.occurredOn}-${Date.now().toString(36)}`,
      title: b.title,
      due_on: addDays(b.occurredOn, s.majorWithinDays),
      amount_fen: b.amountFen ?? null,
    });
    await audit({
      action: 'publication.add_major',
      targetType: 'publication_item',
      targetId: id,
      countyCode: village.county_code,
      after: { ...b },
    });
    return { id };
  });
}

export async function questionPage(
  db: Db,
  actor: Actor,
  q: { orgId?: number; open?: boolean; overdue?: boolean; page?: number; pageSize?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.listQuestions(
    db,
    actor,
    { basePath: base.path, open: q.open, overdueOn: q.overdue ? today : undefined },
    page,
    pageSize,
  );
  return {
    items: items.map((x) => ({
      id: Number(x.id),
      itemId: Number(x.item_id),
      itemTitle: x.item_title,
      org: { id: Number(x.org_id), code: x.org_code, name: x.org_name },
      askerName: x.asker_name ? maskName(x.asker_name) : '',
      phoneMasked: x.phone_masked,
      question: x.question,
      askedAt: iso(x.asked_at) as string,
      replyDueOn: x.reply_due_on,
      reply: x.reply,
      repliedAt: iso(x.replied_at),
      overdue: x.replied_at === null && x.reply_due_on < today,
    })),
    total,
    page,
    pageSize,
  };
}

/** The village answers a villager's question (once). */
export async function replyQuestion(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  reply: string,
  today = shanghaiToday(),
) {
  const q = await repo.findQuestion(db, actor, id, 'village:manage');
  if (q.replied_at)
    throw conflict('QUESTION_ALREADY_REPLIED', '该问题已答复。', 'This question was answered already.');
  await write(async (trx, audit) => {
    const ok = await repo.replyQuestion(trx, q.id, reply, actor.accountId);
    if (!ok)
      throw conflict('QUESTION_ALREADY_REPLIED', '该问题已答复。', 'This question was answered already.');
    await audit({
      action: 'publication.reply',
      targetType: 'publication_question',
      targetId: q.id,
      countyCode: q.county_code,
      after: {
        itemId: Number(q.item_id),
        replyDueOn: q.reply_due_on,
        onTime: today <= q.reply_due_on,
        length: reply.length,
      },
    });
  });
  return { id: Number(q.id), replyDueOn: q.reply_due_on, onTime: today <= q.reply_due_on };
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num * 1000) / den) / 10);

/** Publication compliance and question replies per child of the base in a year (drill-down by org). */
export async function publicationFigures(
  db: Db,
  actor: Actor,
  q: { orgId?: number; year?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const year = q.year ?? Number(today.slice(0, 4));
  const [children, items, questions] = await Promise.all([
    childOrgs(db, actor, base.id),
    repo.itemFiguresByChild(db, actor, base, year, today),
    repo.questionFiguresByChild(db, actor, base, year, today),
  ]);
  const itemsOf = new Map(items.map((x) => [x.childId, x]));
  const questionsOf = new Map(questions.map((x) => [x.childId, x]));
  const zeroItems = { due: 0, onTime: 0, late: 0, overdue: 0, pending: 0 };
  const zeroQuestions = { asked: 0, onTime: 0, late: 0, overdue: 0, open: 0 };
  const rows = children.map((c) => {
    const { childId: _i, ...i } = itemsOf.get(Number(c.id)) ?? { childId: 0, ...zeroItems };
    const { childId: _q, ...qs } = questionsOf.get(Number(c.id)) ?? { childId: 0, ...zeroQuestions };
    return {
      org: { id: Number(c.id), code: c.code, name: c.name, level: c.level },
      items: { ...i, complianceRate: rate(i.onTime, i.due) },
      questions: qs,
    };
  });
  const sum = <T extends Record<string, number>>(list: T[], zero: T): T =>
    list.reduce(
      (a, r) =>
        Object.fromEntries(Object.keys(zero).map((k) => [k, (a[k] as number) + (r[k] as number)])) as T,
      zero,
    );
  const ti = sum(
    rows.map((r) => ({
      due: r.items.due,
      onTime: r.items.onTime,
      late: r.items.late,
      overdue: r.items.overdue,
      pending: r.items.pending,
    })),
    zeroItems,
  );
  return {
    base: { id: base.id, code: base.code, name: base.name, level: base.level },
    year,
    rows,
    totals: {
      items: { ...ti, complianceRate: rate(ti.onTime, ti.due) },
      questions: sum(
        rows.map((r) => r.questions),
        zeroQuestions,
      ),
    },
  };
}
