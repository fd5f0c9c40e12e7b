// The notices a city's accounts would have in their bell on the seeding day: departments told of the
// cases dispatched to them in the last two weeks, grid workers of cases waiting for their check, towns
// of new reports, and every branch of this month's checklist — the older ones read, the last days'
// not yet. Set-based inserts from the seeded cases and checklists.
import { sql } from 'kysely';
import { addDays } from '../../recruitment/domain/dates.ts';
import { dice, type OrgLifeContext, type Tx } from './context.ts';

export async function seedNotifications(tx: Tx, ctx: OrgLifeContext): Promise<{ notifications: number }> {
  const { seed, today } = ctx;
  const since = `${addDays(today, -14)}T00:00:00+08:00`;
  const recent = `${addDays(today, -2)}T00:00:00+08:00`;
  const read = (at: ReturnType<typeof sql>) =>
    sql`case when ${at} < ${recent}::timestamptz or ${dice(seed, 3, sql`c.id`)} = 0 then ${at} + interval '3 hours' end`;
  let n = 0;
  const add = async (q: ReturnType<typeof sql>) => {
    const r = await q.execute(tx);
    n += Number(r.numAffectedRows ?? 0);
  };
  // departments: what was dispatched to them
  await add(sql`insert into notification (account_id, kind, title, body, case_id, read_at, created_at)
    select da.account_id, 'case.dispatch', c.case_no || ' 派遣', c.title, c.id, ${read(sql`s.at`)}, s.at
    from case_step s join civic_case c on c.id = s.case_id
    join department_account da on da.department_id = (s.details->>'departmentId')::bigint
    where s.action = 'dispatch' and s.at >= ${since}::timestamptz`);
  // grid workers: cases handled and waiting for their check
  await add(sql`insert into notification (account_id, kind, title, body, case_id, read_at, created_at)
    select a.id, 'case.feedback', c.case_no || ' 处置反馈，待核查', c.title, c.id, null, c.updated_at
    from civic_case c join grid g on g.id = c.grid_id join account a on a.scope_org_id = g.org_id and a.role = 'grid_worker'
    where c.state = 'handled'`);
  // towns: new reports of the last two weeks
  await add(sql`insert into notification (account_id, kind, title, body, case_id, read_at, created_at)
    select a.id, 'case.report', c.case_no || ' 新上报', c.title, c.id, ${read(sql`c.created_at`)}, c.created_at
    from civic_case c join account a on a.scope_org_id = c.town_org_id and a.role = 'org_admin'
    where c.created_at >= ${since}::timestamptz and ${dice(seed, 4, sql`c.id`)} = 0`);
  // every branch: this month's checklist
  await add(sql`insert into notification (account_id, kind, title, body, read_at, created_at)
    select o.account_id, 'checklist.publish', mc.title || '已下发', '请对照清单开展组织生活，会后登记会议并标记完成。',
      case when ${dice(seed, 2, sql`o.id`)} = 0 then mc.published_at + interval '1 day' end, mc.published_at
    from demo_life_org o cross join (select title, published_at from monthly_checklist
      order by month desc limit 1) mc
    where o.account_id is not null`);
  return { notifications: n };
}
