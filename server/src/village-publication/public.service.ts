// The public page of a village (issue 14 item 2): no sign-in, readable on a phone — its office
// holders (names and posts only), its published items with text, place and photo, its published
// decisions with the dates of each step, and questions with the village's replies; a villager asks
// a question on a published item and the village must reply within the set days. No personal data
// of villagers is shown (not even who asked).
import { DELIBERATION_DEFAULTS } from '../deliberation/domain/deliberation-settings.ts';
import { categoryName, type TemplateKey } from '../deliberation/domain/templates.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, badRequest, notFound } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';
import { POST_NAMES } from '../village-cadres/domain/cadre-settings.ts';
import * as repo from './public.repository.ts';
import { readPublicationSettings } from './publication.service.ts';
import { notifyAccountsOf } from './village-notify.repository.ts';

const KIND_ZH: Record<string, string> = {
  general: '村务公开',
  finance: '财务公开',
  major: '即时公开',
  resolution: '决议公开',
  result: '实施结果公开',
};
const POST_ORDER = Object.keys(POST_NAMES);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function publicVillages(db: Db, q: string) {
  const rows = await repo.searchVillages(db, q, 30);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.short_name, town: r.town_name, county: r.county_name })),
  };
}

export async function publicVillage(db: Db, code: string, today = shanghaiToday()) {
  const v = await repo.villageByCode(db, code);
  if (!v)
    throw notFound(
      'VILLAGE_NOT_FOUND',
      `没有编码为 ${code} 的村（社区）。`,
      `No village with code ${code}.`,
      { code },
    );
  const [holders, items, decisions] = await Promise.all([
    repo.officeHolders(db, Number(v.id)),
    repo.publishedItems(db, Number(v.id), 60),
    repo.publishedDecisions(db, Number(v.id), 30),
  ]);
  const questions = await repo.questionsOn(
    db,
    items.map((i) => Number(i.id)),
  );
  const byItem = new Map<number, typeof questions>();
  for (const q of questions) byItem.set(Number(q.item_id), [...(byItem.get(Number(q.item_id)) ?? []), q]);
  const published = new Map(
    items.filter((i) => i.deliberation_id !== null).map((i) => [`${i.deliberation_id}:${i.kind}`, i]),
  );
  const templates = DELIBERATION_DEFAULTS.templates;
  return {
    village: { code: v.code, name: v.short_name, town: v.town_name, county: v.county_name },
    officeHolders: holders
      .map((h) => ({
        name: h.name,
        post: h.post,
        postName: POST_NAMES[h.post]?.zh ?? h.post,
        termStart: h.term_start,
        termEnd: h.term_end,
      }))
      .sort((a, b) => POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post)),
    items: items.map((i) => ({
      id: Number(i.id),
      kind: i.kind,
      kindName: KIND_ZH[i.kind] ?? i.kind,
      title: i.title,
      publishedOn: i.published_on as string,
      dueOn: i.due_on,
      onTime: (i.published_on as string) <= i.due_on,
      content: i.content,
      place: i.place,
      photoId: i.photo_id !== null && i.photo_mime?.startsWith('image/') ? Number(i.photo_id) : null,
      photoTakenAt: iso(i.photo_taken_at),
      questions: (byItem.get(Number(i.id)) ?? []).map((q) => ({
        id: Number(q.id),
        question: q.question,
        askedOn: day(q.asked_at),
        replyDueOn: q.reply_due_on,
        reply: q.reply,
        repliedOn: q.replied_at ? day(q.replied_at) : null,
        overdue: q.replied_at === null && q.reply_due_on < today,
      })),
    })),
    decisions: decisions.map((d) => {
      const t = templates[d.template as TemplateKey];
      const resolution = published.get(`${d.id}:resolution`);
      const result = published.get(`${d.id}:result`);
      return {
        id: Number(d.id),
        title: d.title,
        templateName: t?.nameZh ?? d.template,
        categoryName: categoryName(d.category).zh,
        resolvedOn: d.resolved_on,
        steps: d.steps.map((s) => ({
          nameZh: t?.steps.find((x) => x.key === s.step)?.nameZh ?? s.step,
          heldOn: s.held_on,
        })),
        resolution: resolution
          ? {
              itemId: Number(resolution.id),
              publishedOn: resolution.published_on as string,
              content: resolution.content,
            }
          : null,
        result: result
          ? { itemId: Number(result.id), publishedOn: result.published_on as string, content: result.content }
          : null,
      };
    }),
  };
}

/** Questions per client address and hour (a public form: a small brake, not a defence). */
const recent = new Map<string, number[]>();
const PER_HOUR = 20;

function brake(ip: string) {
  const now = Date.now();
  const list = (recent.get(ip) ?? []).filter((t) => now - t < 3_600_000);
  if (list.length >= PER_HOUR)
    throw new AppError(
      429,
      'TOO_MANY_QUESTIONS',
      '提问过于频繁，请一小时后再试。',
      'Too many questions: try again in an hour.',
    );
  list.push(now);
  recent.set(ip, list);
}

export interface QuestionBody {
  question: string;
  name?: string;
  phone?: string;
}

/** A villager's question on a published item; the village must reply within the set days. */
export async function askQuestion(
  db: Db,
  write: Write,
  itemId: number,
  b: QuestionBody,
  ip: string,
  today = shanghaiToday(),
) {
  const item = await repo.publishedItemForQuestion(db, itemId);
  if (!item)
    throw notFound(
      'PUBLICATION_ITEM_NOT_FOUND',
      `没有已公开的事项 ${itemId}。`,
      `No published item ${itemId}.`,
      { id: itemId },
    );
  if (!b.question.trim())
    throw badRequest('QUESTION_REQUIRED', 'question：请填写要询问的内容。', 'question: say what you ask.', {
      field: 'question',
    });
  let phone: string | null = null;
  if (b.phone?.trim()) {
    const checked = validateMobile(b.phone);
    if (!checked.ok)
      throw badRequest(
        'PHONE_INVALID',
        'phone：手机号码应为 11 位数字，以 1 开头。',
        'phone: 11 digits starting with 1.',
        { field: 'phone' },
      );
    phone = checked.phone;
  }
  brake(ip);
  const s = await readPublicationSettings(db);
  const replyDueOn = addDays(today, s.replyWithinDays);
  const id = await write(async (trx, audit) => {
    const qid = await repo.insertQuestion(trx, {
      item_id: Number(item.id),
      org_id: Number(item.org_id),
      county_code: item.county_code,
      asker_name: (b.name ?? '').trim(),
      phone_enc: phone ? encryptPii(phone) : null,
      phone_masked: phone ? maskPhone(phone) : null,
      question: b.question.trim(),
      reply_due_on: replyDueOn,
      client_ip: ip,
    });
    await audit({
      action: 'publication.question',
      targetType: 'publication_question',
      targetId: qid,
      countyCode: item.county_code,
      after: { itemId: Number(item.id), replyDueOn },
    });
    await notifyAccountsOf(trx, Number(item.org_id), 'village', {
      kind: 'village_publication_question',
      title: `村民提问：${item.title}`,
      body: `请于 ${replyDueOn} 前在“村务公开”中答复。`,
    });
    return qid;
  });
  return { id, replyDueOn, replyWithinDays: s.replyWithinDays };
}
