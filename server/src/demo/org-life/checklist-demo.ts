// The city's 每月组织生活清单 of the last four months and this one, published to every org that holds
// organizational life, each task done with the meeting that satisfied it — so completion follows what
// the branches really held (about nine in ten in a past month, this month's so far), and a few
// branches forget to mark a held meeting. One INSERT … SELECT for the tasks of all months.
import { sql } from 'kysely';
import { addDays, addMonths } from '../../recruitment/domain/dates.ts';
import { dice, type OrgLifeContext, type Tx } from './context.ts';

const THEMES = [
  '学习贯彻党的二十届四中全会精神',
  '我为群众办实事：走访联系户',
  '防汛防台与安全生产大排查',
  '垃圾分类和人居环境整治志愿服务',
  '侨乡红色资源学习参观',
  '法治宣传进村居',
  '关爱独居老人和留守儿童',
];

export async function seedChecklists(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ checklists: number; tasks: number; items: number }> {
  const { seed, today } = ctx;
  const city = await tx
    .selectFrom('org')
    .select(['id', 'code'])
    .where('level', '=', 'city')
    .executeTakeFirst();
  if (!city) return { checklists: 0, tasks: 0, items: 0 };
  const account = await tx
    .selectFrom('account')
    .select('id')
    .where('username', '=', city.code)
    .executeTakeFirst();
  const current = `${today.slice(0, 7)}-01`;
  let items = 0;
  for (let k = -4; k <= 0; k++) {
    const first = addMonths(current, k);
    const month = first.slice(0, 7);
    const m = Number(month.slice(5));
    const last = addDays(addMonths(first, 1), -1);
    const c = await tx
      .insertInto('monthly_checklist')
      .values({
        issuer_org_id: city.id,
        county_code: null,
        month,
        title: `${Number(month.slice(0, 4))}年${m}月组织生活清单`,
        note: '请各党支部对照清单开展组织生活，会后及时登记会议并标记完成。',
        status: 'published',
        published_at: new Date(`${first}T01:00:00Z`),
        published_by: account?.id ?? null,
        created_by: account?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = [
      {
        title: '第一议题：学习习近平总书记重要讲话和重要指示精神',
        description: '在支委会、党员大会或主题党日中把学习作为第一议题，做好学习记录。',
        kinds: ['committee_meeting', 'theme_day', 'general_assembly', 'group_meeting'],
      },
      {
        title: `主题党日：${THEMES[m % THEMES.length]}`,
        description: '结合本支部实际开展主题党日活动，留存签到表和活动照片。',
        kinds: ['theme_day'],
      },
      ...(m % 3 === 0
        ? [
            {
              title: '召开季度支部党员大会，书记讲党课',
              description: '本季度内召开支部党员大会，书记或支委讲党课一次。',
              kinds: ['general_assembly', 'lecture'],
            },
          ]
        : []),
    ];
    await tx
      .insertInto('checklist_item')
      .values(
        list.map((it, i) => ({
          checklist_id: c.id,
          seq: i + 1,
          title: it.title,
          description: it.description,
          kinds: JSON.stringify(it.kinds),
          due_on: last,
        })),
      )
      .execute();
    items += list.length;
  }
  // every org × every item; done with the first matching meeting of the month (the quarter for the
  // quarterly item), held by today; one branch in twenty does not mark it
  const r =
    await sql`insert into checklist_task (checklist_id, item_id, org_id, org_path, county_code, done_on, meeting_id, done_by, done_at)
    select i.checklist_id, i.id, o.id, o.path, o.county_code, mt.held_on, mt.id,
      case when mt.id is null then null else o.account_id end,
      case when mt.id is null then null else mt.held_on + time '19:30' end
    from demo_life_org o
    cross join (select ci.* from checklist_item ci join monthly_checklist mc on mc.id = ci.checklist_id
      where mc.issuer_org_id = ${city.id}) i
    left join lateral (
      select m.id, m.held_on from meeting m
      where m.org_id = o.id and m.kind in (select jsonb_array_elements_text(i.kinds))
        and m.held_on between (case when i.seq = 3 then date_trunc('quarter', i.due_on) else date_trunc('month', i.due_on) end)::date
          and least(i.due_on, ${today}::date)
        and ${dice(seed, 20, sql`o.id`, sql`i.id`)} <> 0
      order by m.held_on limit 1
    ) mt on true`.execute(tx);
  const tasks = Number(r.numAffectedRows ?? 0);
  await sql`update monthly_checklist set target_count = ${ctx.orgs} where issuer_org_id = ${city.id}`.execute(
    tx,
  );
  return { checklists: 5, tasks, items };
}
