// This year's training: the city party school's key classes for secretaries and cadres, each county
// party school's rounds of 万名党员进党校 (every member of the county in about one class), and the towns'
// own classes, with sessions, enrollment and attendance (hours). The city and the counties set their
// targets: the city's is 10,000 members (at the demo's 30,000) and by December it is about met.
import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import { addDays, daysBetween } from '../../recruitment/domain/dates.ts';
import { createRng } from '../random.ts';
import { dice, type OrgLifeContext, type Tx } from './context.ts';

const CITY_CLASSES = [
  '全市村（社区）党组织书记示范培训班',
  '全市网格党支部书记能力提升班',
  '全市新兴领域党建工作专题培训班',
  '全市“两委”干部乡村振兴专题培训班',
  '全市年轻党员理论骨干培训班',
  '全市侨务工作与统一战线专题班',
];
const SESSION_TOPICS = [
  '习近平新时代中国特色社会主义思想专题辅导',
  '党章党规党纪学习',
  '基层治理与网格化管理实务',
  '乡村振兴与“百千万工程”政策解读',
  '侨乡文化与统战工作',
  '应急管理与安全生产',
  '现场教学：梁启超故居',
  '现场教学：新会陈皮产业园',
  '案例教学：“四议两公开”实务',
  '党员发展工作规范',
];

interface ClassPlan {
  key: number;
  org_id: number;
  county_code: string | null;
  title: string;
  level: 'city_key' | 'county_general' | 'grassroots';
  provider: string;
  party_school: boolean;
  starts_on: string;
  ends_on: string;
  /** who may be enrolled: an org path prefix, one slot of n, and the share of its members */
  path: string;
  slot: number;
  slots: number;
  share: number;
}

export async function seedTraining(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ classes: number; enrollments: number; attendance: number }> {
  const { seed, today } = ctx;
  const rng = createRng(seed, 'training');
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-06`;
  const span = Math.max(20, daysBetween(yearStart, today) - 10);
  const when = (fraction: number) => addDays(yearStart, Math.floor(span * fraction));
  const orgs = await tx
    .selectFrom('org')
    .select(['id', 'path', 'level', 'short_name', 'county_code', 'member_count'])
    .where('level', 'in', ['city', 'county', 'town'])
    .orderBy('code')
    .execute();
  const city = orgs.find((o) => o.level === 'city');
  if (!city) return { classes: 0, enrollments: 0, attendance: 0 };
  const plans: ClassPlan[] = [];
  const add = (p: Omit<ClassPlan, 'key'>) => plans.push({ ...p, key: plans.length + 1 });
  CITY_CLASSES.forEach((title, i) => {
    const start = when((i + 0.5) / CITY_CLASSES.length);
    add({
      org_id: city.id,
      county_code: null,
      title: `${title}（${year}年）`,
      level: 'city_key',
      provider: '中共江门市委党校',
      party_school: true,
      starts_on: start,
      ends_on: addDays(start, 4),
      path: city.path,
      slot: i,
      slots: 60,
      share: 1,
    });
  });
  const counties = orgs.filter((o) => o.level === 'county');
  for (const c of counties) {
    const n = Math.max(4, Math.round(c.member_count / 450));
    for (let i = 0; i < n; i++) {
      const start = when((i + rng.float(0.1, 0.9)) / n);
      add({
        org_id: c.id,
        county_code: c.county_code,
        title: `${c.short_name.replace(/委$/, '')}“万名党员进党校”轮训班（第${i + 1}期）`,
        level: 'county_general',
        provider: `中共${c.short_name.replace(/委$/, '')}委党校`,
        party_school: true,
        starts_on: start,
        ends_on: addDays(start, 2),
        path: c.path,
        slot: i,
        slots: n,
        share: 0.33,
      });
    }
  }
  for (const t of orgs.filter((o) => o.level === 'town')) {
    const start = when(rng.float(0.05, 0.95));
    add({
      org_id: t.id,
      county_code: t.county_code,
      title: `${t.short_name.replace(/(党工委|党委)$/, '')}党员冬春训`,
      level: 'grassroots',
      provider: `${t.short_name.replace(/(党工委|党委)$/, '')}新时代文明实践所`,
      party_school: false,
      starts_on: start,
      ends_on: addDays(start, 1),
      path: t.path,
      slot: 0,
      slots: 1,
      share: 0.2,
    });
  }
  const classIds = (await bulkInsert(
    tx,
    'training_class',
    [
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'level', type: 'text' },
      { name: 'provider', type: 'text' },
      { name: 'party_school', type: 'bool' },
      { name: 'starts_on', type: 'date' },
      { name: 'ends_on', type: 'date' },
    ],
    plans,
    { returning: ['id'] },
  )) as { id: number }[];
  const sessions = plans.flatMap((p, i) => {
    const days = daysBetween(p.starts_on, p.ends_on) + 1;
    return Array.from({ length: days }, (_, d) => ({
      class_id: Number(classIds[i]?.id),
      held_on: addDays(p.starts_on, d),
      topic: SESSION_TOPICS[(i * 3 + d) % SESSION_TOPICS.length] as string,
      hours: p.level === 'grassroots' ? 3 : 6,
    }));
  });
  await bulkInsert(
    tx,
    'training_session',
    [
      { name: 'class_id', type: 'int8' },
      { name: 'held_on', type: 'date' },
      { name: 'topic', type: 'text' },
      { name: 'hours', type: 'float8' },
    ],
    sessions,
  );
  // enrollment: a class takes its slot of the members under its org (each member in one county round)
  const classes = sql`(values ${sql.join(
    plans.map(
      (p, i) =>
        sql`(${Number(classIds[i]?.id)}::bigint, ${p.path}::text, ${p.slot}::int, ${p.slots}::int, ${Math.round(p.share * 1000)}::int, ${p.level}::text)`,
    ),
  )}) as c(id, path, slot, slots, share, level)`;
  const e = await sql`insert into training_enrollment (class_id, member_id, county_code, enrolled_at)
    select c.id, m.id, m.county_code, now()
    from ${classes}
    join org mo on mo.path like c.path || '%'
    join member m on m.org_id = mo.id
    where (c.level <> 'city_key' and ${dice(seed, 1000, sql`m.id`, sql`21`)} < c.share
        and ${dice(seed, 10007, sql`m.id`, sql`22`)} % c.slots = c.slot)
      or (c.level = 'city_key' and ${dice(seed, 1000, sql`m.id`, sql`23`)} < 12
        and ${dice(seed, 10007, sql`m.id`, sql`24`)} % 6 = c.slot)`.execute(tx);
  const a = await sql`insert into training_attendance (session_id, enrollment_id, hours)
    select s.id, e.id, case when ${dice(seed, 100, sql`e.id`, sql`s.id`)} < 93 then s.hours else 0 end
    from training_enrollment e join training_session s on s.class_id = e.class_id
    where s.held_on <= ${today}::date`.execute(tx);
  // targets: 万名党员进党校 — the city's 10,000 shared among the counties by their members
  const total = counties.reduce((s, c) => s + c.member_count, 0) || 1;
  const cityTarget = Math.min(10_000, Math.round(city.member_count / 3 / 100) * 100);
  await tx
    .insertInto('training_target')
    .values([
      { org_id: city.id, year, target: cityTarget },
      ...counties.map((c) => ({
        org_id: c.id,
        year,
        target: Math.round((cityTarget * c.member_count) / total / 10) * 10,
      })),
    ])
    .execute();
  return {
    classes: plans.length,
    enrollments: Number(e.numAffectedRows ?? 0),
    attendance: Number(a.numAffectedRows ?? 0),
  };
}
