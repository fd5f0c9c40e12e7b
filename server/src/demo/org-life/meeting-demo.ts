// Twelve months of 三会一课 and the other meetings for every org that holds organizational life, as the
// frequency rules ask (meetings/domain/meeting-rules.ts): a 主题党日 on the org's fixed day each month,
// 支委会 monthly where there are ≥ 7 full members, 党小组会 where there are groups, a 支部党员大会 and a 党课
// each quarter, 组织生活会 and 民主评议党员 once a year; towns and counties hold 理论学习中心组 sessions.
// Most orgs keep every rule; the "lax" ~15 % miss a month or a quarter here and there, some in the
// last period, so that the compliance page has findings that mean something. The sign-in of the last
// month and this one is kept per member; older meetings carry their counts. One INSERT … SELECT per kind.
import { sql } from 'kysely';
import type { MeetingKind } from '../../meetings/domain/meeting-rules.ts';
import { addMonths } from '../../recruitment/domain/dates.ts';
import { dice, monthsFrom, type OrgLifeContext, type Tx } from './context.ts';

const THEME_BY_MONTH: Record<number, string[]> = {
  1: ['新春走访慰问困难党员和群众', '岁末年初安全隐患大排查'],
  2: ['元宵节邻里联欢与政策宣讲', '春节返乡党员座谈会'],
  3: ['学雷锋志愿服务进社区', '植树护绿主题党日'],
  4: ['清明祭扫革命烈士纪念碑', '重温入党誓词'],
  5: ['劳动光荣：走访一线劳动者', '防汛防台应急演练'],
  6: ['迎七一重温入党誓词', '禁毒宣传进村居'],
  7: ['庆祝中国共产党成立105周年', '夏季防溺水宣传'],
  8: ['八一走访慰问退役军人', '垃圾分类入户宣传'],
  9: ['中秋敬老爱老志愿服务', '参观梁启超故居红色教育'],
  10: ['国庆升旗与爱国主义教育', '参观江门五邑华侨华人博物馆'],
  11: ['冬季消防安全入户检查', '学习贯彻党的二十届四中全会精神'],
  12: ['国家宪法日法治宣传', '年终总结与民主评议准备'],
};
const TOPICS: Partial<Record<MeetingKind, string[]>> = {
  general_assembly: [
    '季度党员大会：通报支部工作，讨论入党积极分子培养',
    '季度党员大会：党费收缴情况通报与党员教育管理',
    '季度党员大会：学习传达上级会议精神，部署下季度工作',
    '季度党员大会：讨论村（社区）重大事项“四议两公开”',
  ],
  committee_meeting: [
    '研究本月组织生活安排和网格工作',
    '第一议题：学习习近平总书记重要讲话精神',
    '研究入党积极分子培养考察情况',
    '研究困难党员帮扶和流动党员管理',
    '研究“百千万工程”村级项目推进',
  ],
  group_meeting: ['党小组学习讨论', '党小组联系户走访情况交流', '党小组网格巡查情况交流'],
  lecture: [
    '书记讲党课：以党建引领基层治理',
    '党课：学习新修订的《中国共产党纪律处分条例》',
    '党课：弘扬侨乡精神，助力乡村振兴',
    '党课：坚持和发展新时代“枫桥经验”',
  ],
  life_meeting: ['年度组织生活会暨民主评议党员', '年度组织生活会：对照检查、开展批评与自我批评'],
  member_appraisal: ['民主评议党员大会'],
  study_group: [
    '理论学习中心组专题学习：学习贯彻党的二十届四中全会精神',
    '理论学习中心组：学习习近平新时代中国特色社会主义思想',
    '理论学习中心组：基层治理现代化专题研讨',
  ],
};
const PLACES = ['党群服务中心会议室', '支部活动室', '村委会议室', '新时代文明实践站', '社区党群服务站'];
const LEAVE_REASONS = ['外出务工', '身体不适', '出差', '照顾家人', '值班'];

const arr = (items: readonly string[]) => sql`array[${sql.join(items.map((t) => sql.lit(t)))}]::text[]`;
const pickFrom = (items: readonly string[], index: ReturnType<typeof sql>) =>
  sql<string>`(${arr(items)})[1 + ${index}]`;

/** The months, quarters and years of the twelve months shown, as (first day, span in days, key). */
function periods(ctx: OrgLifeContext) {
  const months = monthsFrom(ctx.since, ctx.today).map((m, k) => {
    const first = `${m}-01`;
    const next = addMonths(first, 1);
    return {
      first,
      days: (Date.parse(next) - Date.parse(first)) / 86_400_000,
      key: k,
      month: Number(m.slice(5)),
    };
  });
  return months;
}

const valuesOf = (rows: { first: string; days: number; key: number; month: number }[]) =>
  sql`(values ${sql.join(rows.map((r) => sql`(${r.first}::date, ${r.days}::int, ${r.key}::int, ${r.month}::int)`))}) as p(first, days, k, month)`;

/**
 * expected, present, quorum_met, counts of a meeting from its org's members (the sign-in of recent
 * meetings replaces them): one or two away; now and then a lax org's assembly lacks its quorum.
 */
function counts(seed: number, kind: MeetingKind, no: number) {
  const expected = kind === 'committee_meeting' ? sql`5` : sql`greatest(o.members, 1)`;
  const short =
    kind === 'general_assembly'
      ? sql`case when o.lax and ${dice(seed, 10, sql`o.id`, sql`${no}`, sql`d.day - date '2000-01-01'`)} = 0 then o.members / 2 + 1 else 0 end`
      : sql`0`;
  const present = sql`greatest(1, ${expected} - ${dice(seed, 3, sql`o.id`, sql`d.day - date '2000-01-01'`)} - ${short})`;
  const quorum = sql`(${present}) * 2 > ${expected}`;
  const countsExpr = kind === 'general_assembly' || kind === 'committee_meeting' ? quorum : sql`true`;
  return sql`${expected}, ${present}, ${quorum}, ${countsExpr}`;
}

export async function seedMeetings(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ meetings: number; attendance: number }> {
  const { seed, today, since } = ctx;
  const months = periods(ctx);
  const quarters = months.filter((m) => (m.month - 1) % 3 === 0 || m.key === 0);
  const lastMonthKey = months.length - 2;
  let meetings = 0;

  /** Monthly meetings; a lax org misses about one month in four, a kept one none after the oldest months. */
  const monthly = async (
    kind: MeetingKind,
    applies: ReturnType<typeof sql>,
    dayOf: ReturnType<typeof sql>,
    topic: ReturnType<typeof sql>,
    no: number,
  ) => {
    const r =
      await sql`insert into meeting (org_id, county_code, kind, held_on, topic, place, host, expected, present, quorum_met, counts, recorded_by)
      select o.id, o.county_code, ${kind}, d.day, ${topic}, ${pickFrom(PLACES, dice(seed, PLACES.length, sql`o.id`, sql`${no}`))}, o.host,
        ${counts(seed, kind, no)}, o.account_id
      from demo_life_org o cross join ${valuesOf(months)}
      cross join lateral (select (p.first + ${dayOf})::date as day) d
      where ${applies} and d.day between ${since}::date and ${today}::date
        and not (o.lax and ${dice(seed, 4, sql`o.id`, sql`p.k`, sql`${no}`)} = 0)
        and not (not o.lax and p.k < ${lastMonthKey} and ${dice(seed, 60, sql`o.id`, sql`p.k`, sql`${no}`)} = 0)`.execute(
        tx,
      );
    meetings += Number(r.numAffectedRows ?? 0);
  };
  // 主题党日: one fixed day of the month per org (the 1st–10th)
  const themeTopic = sql`(case p.month ${sql.join(
    Object.entries(THEME_BY_MONTH).map(
      ([m, topics]) =>
        sql`when ${Number(m)} then ${pickFrom(topics, dice(seed, topics.length, sql`o.id`, sql`p.k`))}`,
    ),
    sql` `,
  )} end)`;
  await monthly('theme_day', sql`true`, dice(seed, 10, sql`o.id`, sql`1`), themeTopic, 1);
  await monthly(
    'committee_meeting',
    sql`o.full_members >= 7`,
    sql`${dice(seed, 8, sql`o.id`, sql`2`)} + ${dice(seed, 3, sql`o.id`, sql`p.k`)}`,
    pickFrom(TOPICS.committee_meeting ?? [], dice(seed, 5, sql`o.id`, sql`p.k`, sql`2`)),
    2,
  );
  await monthly(
    'group_meeting',
    sql`o.has_groups`,
    sql`10 + ${dice(seed, 15, sql`o.id`, sql`p.k`, sql`3`)}`,
    pickFrom(TOPICS.group_meeting ?? [], dice(seed, 3, sql`o.id`, sql`p.k`, sql`3`)),
    3,
  );
  // 支部党员大会 and 党课: once a quarter, somewhere in it
  for (const [kind, no] of [
    ['general_assembly', 4],
    ['lecture', 5],
  ] as const) {
    const topics = TOPICS[kind] ?? [];
    const r =
      await sql`insert into meeting (org_id, county_code, kind, held_on, topic, place, host, expected, present, quorum_met, counts, recorded_by)
      select o.id, o.county_code, ${kind}, d.day, ${pickFrom(topics, dice(seed, topics.length, sql`o.id`, sql`p.k`, sql`${no}`))},
        ${pickFrom(PLACES, dice(seed, PLACES.length, sql`o.id`, sql`${no}`))}, o.host, ${counts(seed, kind, no)}, o.account_id
      from demo_life_org o cross join ${valuesOf(quarters)}
      cross join lateral (select (date_trunc('quarter', p.first) + make_interval(days => ${dice(seed, 80, sql`o.id`, sql`p.k`, sql`${no}`)}))::date as day) d
      where d.day between ${since}::date and ${today}::date
        and not (o.lax and ${dice(seed, 3, sql`o.id`, sql`p.k`, sql`${no}`)} = 0)`.execute(tx);
    meetings += Number(r.numAffectedRows ?? 0);
  }
  // 组织生活会 and 民主评议: last year's in December, this year's in the first quarter
  for (const [kind, no] of [
    ['life_meeting', 6],
    ['member_appraisal', 7],
  ] as const) {
    const topics = TOPICS[kind] ?? [];
    const year = Number(today.slice(0, 4));
    const r =
      await sql`insert into meeting (org_id, county_code, kind, held_on, topic, place, host, expected, present, quorum_met, counts, recorded_by)
      select o.id, o.county_code, ${kind}, d.day, ${pickFrom(topics, dice(seed, topics.length, sql`o.id`, sql`${no}`))},
        ${pickFrom(PLACES, dice(seed, PLACES.length, sql`o.id`, sql`${no}`))}, o.host, ${counts(seed, kind, no)}, o.account_id
      from demo_life_org o cross join (values (${`${year - 1}-12-08`}::date, 20), (${`${year}-01-05`}::date, 80)) as y(first, span)
      cross join lateral (select (y.first + ${dice(seed, 20, sql`o.id`, sql`${no}`)} * y.span / 20)::date as day) d
      where d.day between ${since}::date and ${today}::date
        and not (o.lax and ${dice(seed, 5, sql`o.id`, sql`extract(year from y.first)::int`, sql`${no}`)} = 0)`.execute(
        tx,
      );
    meetings += Number(r.numAffectedRows ?? 0);
  }
  // 理论学习中心组 of the town and county committees: about ten sessions a year
  const study = TOPICS.study_group ?? [];
  const s =
    await sql`insert into meeting (org_id, county_code, kind, held_on, topic, place, host, expected, present, quorum_met, recorded_by)
    select o.id, o.county_code, 'study_group', (p.first + ${dice(seed, 20, sql`o.id`, sql`p.k`, sql`8`)})::date,
      ${pickFrom(study, dice(seed, study.length, sql`o.id`, sql`p.k`, sql`8`))}, '党委会议室', '', 9, 8, true,
      (select a.id from account a where a.username = o.code)
    from org o cross join ${valuesOf(months)}
    where o.level in ('town', 'county') and ${dice(seed, 6, sql`o.id`, sql`p.k`, sql`9`)} <> 0
      and (p.first + ${dice(seed, 20, sql`o.id`, sql`p.k`, sql`8`)})::date between ${since}::date and ${today}::date`.execute(
      tx,
    );
  meetings += Number(s.numAffectedRows ?? 0);

  // the sign-in of last month and this one, member by member; committee meetings: the committee
  const signInFrom = `${addMonths(`${today.slice(0, 7)}-01`, -1)}`;
  const status = sql`case when lm.away then 'on_leave'
      when ${dice(seed, 100, sql`mt.id`, sql`lm.member_id`)} < 91 then 'present'
      when ${dice(seed, 100, sql`mt.id`, sql`lm.member_id`)} < 98 then 'on_leave' else 'absent' end`;
  const reason = sql`case when lm.away then '外出务工'
      when ${dice(seed, 100, sql`mt.id`, sql`lm.member_id`)} < 91 then ''
      when ${dice(seed, 100, sql`mt.id`, sql`lm.member_id`)} < 98 then ${pickFrom(LEAVE_REASONS, dice(seed, LEAVE_REASONS.length, sql`mt.id`, sql`lm.member_id`, sql`1`))}
      else '未请假' end`;
  const a1 = await sql`insert into meeting_attendance (meeting_id, member_id, county_code, status, reason)
    select mt.id, lm.member_id, lm.county_code, ${status}, ${reason}
    from meeting mt join demo_life_member lm on lm.life_org_id = mt.org_id
    where mt.held_on >= ${signInFrom}::date and mt.kind not in ('committee_meeting', 'study_group')
      and lm.joined_on <= mt.held_on`.execute(tx);
  const a2 = await sql`insert into meeting_attendance (meeting_id, member_id, county_code, status, reason)
    select distinct on (mt.id, c.member_id) mt.id, c.member_id, mt.county_code,
      case when ${dice(seed, 100, sql`mt.id`, sql`c.member_id`)} < 94 then 'present' else 'on_leave' end,
      case when ${dice(seed, 100, sql`mt.id`, sql`c.member_id`)} < 94 then '' else '出差' end
    from meeting mt
    join lateral (select t.id from org_term t where t.org_id = mt.org_id order by t.elected_on desc, t.id desc limit 1) t on true
    join org_committee_member c on c.term_id = t.id and c.member_id is not null
    where mt.held_on >= ${signInFrom}::date and mt.kind = 'committee_meeting'`.execute(tx);
  // the counts: from the sign-in where kept, else from the org's members (a few absent or on leave)
  await sql`update meeting set expected = s.expected, present = s.present,
      quorum_met = s.present * 2 > s.expected,
      counts = meeting.kind not in ('general_assembly', 'committee_meeting') or s.present * 2 > s.expected
    from (select meeting_id, count(*)::int as expected, count(*) filter (where status = 'present')::int as present
      from meeting_attendance group by meeting_id) s
    where s.meeting_id = meeting.id`.execute(tx);
  return { meetings, attendance: Number(a1.numAffectedRows ?? 0) + Number(a2.numAffectedRows ?? 0) };
}
