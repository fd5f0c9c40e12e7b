// Demo 村务公开 (issue 14 item 7): a year of each village's calendar — general matters quarterly,
// finances monthly or quarterly — mostly published on time with text, place and a notice-board
// photo, some late, some overdue; major matters (power use of 50,000 yuan and more) at once; and
// villagers' questions on published items, mostly answered within the reply window, some not.
import { type Kysely, sql, type Transaction } from 'kysely';
import { encryptPii } from '../../platform/crypto/crypto.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { DB } from '../../platform/db/schema.ts';
import { maskPhone } from '../../platform/masking/masking.ts';
import { addDays } from '../../recruitment/domain/dates.ts';
import { demoPhoto } from '../../village-publication/demo-photo.ts';
import {
  financeCadence,
  periodsBetween,
  periodTitle,
  PUBLICATION_DEFAULTS as S,
} from '../../village-publication/domain/calendar.ts';
import { mobilePhone, personName } from '../names.ts';
import { createRng, type Rng } from '../random.ts';

type Tx = Transaction<DB> | Kysely<DB>;

const yuan = (rng: Rng, lo: number, hi: number) => rng.int(lo, hi) * 100;
const money = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });

function generalText(rng: Rng, village: string, title: string) {
  return [
    `${village}${title}`,
    `一、村“两委”重点工作：召开村“两委”会议 ${rng.int(3, 9)} 次、村民代表会议 ${rng.int(1, 3)} 次，推进人居环境整治和乡村振兴项目。`,
    `二、惠民政策落实：发放高龄津贴 ${rng.int(20, 180)} 人次，低保、特困等救助对象动态管理 ${rng.int(3, 25)} 户。`,
    `三、便民服务：办理各类证明 ${rng.int(10, 80)} 件，用印 ${rng.int(20, 120)} 次，调解矛盾纠纷 ${rng.int(0, 8)} 宗。`,
    '四、意见反馈：对公开内容有疑问的，可在公开期内向村务监督委员会或通过村务公开页面提问。',
  ].join('\n');
}

function financeText(rng: Rng, village: string, title: string) {
  const rent = yuan(rng, 20_000, 400_000);
  const grant = yuan(rng, 10_000, 200_000);
  const pub = yuan(rng, 10_000, 250_000);
  const office = yuan(rng, 2_000, 30_000);
  const balance = yuan(rng, 50_000, 2_000_000);
  return [
    `${village}${title}`,
    `本期收入 ${money(rent + grant)} 元，其中集体资产租金 ${money(rent)} 元、上级补助 ${money(grant)} 元；`,
    `本期支出 ${money(pub + office)} 元，其中公益事业 ${money(pub)} 元、办公费 ${money(office)} 元；`,
    `期末结余 ${money(balance)} 元。收支明细见公开栏附表。`,
  ].join('\n');
}

const QUESTIONS = [
  '请问这笔支出的明细在哪里可以查看？',
  '公开的工程什么时候开工？',
  '低保名单是怎样评议出来的？',
  '集体鱼塘租金比去年低，原因是什么？',
  '村道维修的施工单位是怎样确定的？',
  '慰问金发放的标准是什么？',
];
const REPLIES = [
  '您好，明细已张贴在村委会公开栏附表，也可到村委会查阅原始凭证。',
  '您好，该项目已完成招标，预计下月开工，届时将另行公告。',
  '您好，按程序经入户调查、村民代表民主评议并公示 7 天后报镇审核。',
  '您好，受市场行情影响，经公开竞价确定，成交结果已公示。',
];

export async function seedPublications(tx: Tx, options: { seed: number; today: string }) {
  const { seed, today } = options;
  const villages = await sql<{
    id: number;
    code: string;
    county_code: string;
    short_name: string;
    households: number | null;
  }>`
    select v.id, v.code, v.county_code, v.short_name, r.households
    from org v left join village_register r on r.org_id = v.id and r.grid_id is null
    where v.level = 'village' and v.category = 'territorial' order by v.code`.execute(tx);
  const photo = demoPhoto();
  const photos = await bulkInsert(
    tx,
    'village_attachment',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'mime', type: 'text' },
      { name: 'bytes', type: 'int4' },
      { name: 'sha256', type: 'text' },
      { name: 'file_name', type: 'text' },
    ],
    villages.rows.map((v) => ({
      org_id: Number(v.id),
      county_code: v.county_code,
      mime: 'image/png',
      bytes: photo.bytes.length,
      sha256: photo.sha256,
      file_name: '村务公开栏.png',
    })),
    { returning: ['id'] },
  );
  const photoOf = new Map(villages.rows.map((v, i) => [Number(v.id), Number(photos[i]?.id)]));
  const from = addDays(today, -365);
  const items: Record<string, unknown>[] = [];
  const publish = (rng: Rng, dueOn: string, endsOn: string) => {
    const r = rng.next();
    if (dueOn < today) {
      if (r < 0.86)
        return minDate(addDays(endsOn, rng.int(1, Math.max(1, daysBetween(endsOn, dueOn)))), today);
      if (r < 0.94) return minDate(addDays(dueOn, rng.int(1, 25)), today);
      return null;
    }
    return endsOn < today && r < 0.5 ? minDate(addDays(endsOn, rng.int(1, 10)), today) : null;
  };
  for (const v of villages.rows) {
    const rng = createRng(seed, `publication:${v.code}`);
    const cadence = financeCadence(Number(v.households ?? 0), S);
    for (const [kind, list] of [
      ['general', periodsBetween('quarterly', from, today, S)],
      ['finance', periodsBetween(cadence, from, today, S)],
    ] as const) {
      for (const p of list) {
        const title = periodTitle(kind, p.period);
        const on = publish(rng, p.dueOn, p.endsOn);
        items.push({
          org_id: Number(v.id),
          county_code: v.county_code,
          kind,
          period: p.period,
          title,
          due_on: p.dueOn,
          published_on: on,
          published_at: on ? `${on}T09:30:00+08:00` : null,
          content: on
            ? kind === 'general'
              ? generalText(rng, v.short_name, title)
              : financeText(rng, v.short_name, title)
            : '',
          place: on ? `${v.short_name}村务公开栏` : '',
          photo_attachment_id: on ? photoOf.get(Number(v.id)) : null,
          photo_taken_at: on ? `${on}T09:20:00+08:00` : null,
          amount_fen: null,
        });
      }
    }
  }
  // major matters: power use of 50,000 yuan and more, at once
  const majors = await sql<{
    id: number;
    org_id: number;
    county_code: string;
    title: string;
    amount_fen: number;
    started_on: string;
    short_name: string;
  }>`
    select u.id, u.org_id, u.county_code, u.title, u.amount_fen, u.started_on, v.short_name
    from power_use u join org v on v.id = u.org_id where u.amount_fen >= ${S.majorAmountFen} order by u.id`.execute(
    tx,
  );
  const mrng = createRng(seed, 'publication:major');
  for (const m of majors.rows) {
    const dueOn = addDays(m.started_on, S.majorWithinDays);
    const r = mrng.next();
    const on =
      r < 0.9
        ? minDate(addDays(m.started_on, mrng.int(0, S.majorWithinDays)), today)
        : r < 0.95
          ? minDate(addDays(dueOn, mrng.int(1, 10)), today)
          : null;
    items.push({
      org_id: Number(m.org_id),
      county_code: m.county_code,
      kind: 'major',
      period: `P${m.id}`,
      title: `即时公开：${m.title}`,
      due_on: dueOn,
      published_on: on,
      published_at: on ? `${on}T15:00:00+08:00` : null,
      content: on
        ? `${m.short_name}${m.title}，涉及金额 ${money(Number(m.amount_fen))} 元，按规定即时公开，接受村民监督。`
        : '',
      place: on ? `${m.short_name}村务公开栏` : '',
      photo_attachment_id: on ? photoOf.get(Number(m.org_id)) : null,
      photo_taken_at: on ? `${on}T14:50:00+08:00` : null,
      amount_fen: Number(m.amount_fen),
    });
  }
  const columns = [
    { name: 'org_id', type: 'int8' },
    { name: 'county_code', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'period', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'due_on', type: 'date' },
    { name: 'published_on', type: 'date' },
    { name: 'published_at', type: 'timestamptz' },
    { name: 'content', type: 'text' },
    { name: 'place', type: 'text' },
    { name: 'photo_attachment_id', type: 'int8' },
    { name: 'photo_taken_at', type: 'timestamptz' },
    { name: 'amount_fen', type: 'int8' },
  ] as const;
  const ids = await bulkInsert(tx, 'publication_item', columns, items, { returning: ['id'] });
  // questions on published items (about one village in two each quarter)
  const qrng = createRng(seed, 'publication:questions');
  const questions: Record<string, unknown>[] = [];
  items.forEach((it, i) => {
    if (!it.published_on || !qrng.chance(0.12)) return;
    const askedOn = minDate(addDays(it.published_on as string, qrng.int(0, 12)), today);
    const due = addDays(askedOn, S.replyWithinDays);
    const r = qrng.next();
    const repliedOn =
      r < 0.85
        ? minDate(addDays(askedOn, qrng.int(0, S.replyWithinDays)), today)
        : r < 0.93
          ? minDate(addDays(due, qrng.int(1, 12)), today)
          : null;
    const gender = qrng.chance(0.5) ? 'male' : 'female';
    const phone = mobilePhone(qrng);
    questions.push({
      item_id: Number(ids[i]?.id),
      org_id: it.org_id,
      county_code: it.county_code,
      asker_name: personName(qrng, gender),
      phone_enc: encryptPii(phone),
      phone_masked: maskPhone(phone),
      question: qrng.pick(QUESTIONS),
      asked_at: `${askedOn}T20:00:00+08:00`,
      reply_due_on: due,
      reply: repliedOn ? qrng.pick(REPLIES) : null,
      replied_at: repliedOn ? `${repliedOn}T10:00:00+08:00` : null,
    });
  });
  await bulkInsert(
    tx,
    'publication_question',
    [
      { name: 'item_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'asker_name', type: 'text' },
      { name: 'phone_enc', type: 'text' },
      { name: 'phone_masked', type: 'text' },
      { name: 'question', type: 'text' },
      { name: 'asked_at', type: 'timestamptz' },
      { name: 'reply_due_on', type: 'date' },
      { name: 'reply', type: 'text' },
      { name: 'replied_at', type: 'timestamptz' },
    ],
    questions,
  );
  return { items: items.length, questions: questions.length, photos: photos.length };
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
