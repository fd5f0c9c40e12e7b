// The grid workers' patrols of the last four weeks (巡查): most go out about three mornings a week and
// check in three times in their grid, a few (one in ten) seldom go — so 巡查覆盖 shows most grids
// patrolled this week and a handful overdue. Set-based inserts; times in Asia/Shanghai, none after
// the seeding moment.
import { sql } from 'kysely';
import { addDays } from '../../recruitment/domain/dates.ts';
import { dice, type OrgLifeContext, type Tx } from './context.ts';

export async function seedPatrols(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ patrols: number; checkins: number }> {
  const { seed, today } = ctx;
  const first = addDays(today, -27);
  const dayNo = sql`(d.day - date '2000-01-01')`;
  await sql`drop table if exists demo_patrol`.execute(tx);
  await sql`create temp table demo_patrol as
    with w as (
      select a.id as account_id, g.id as grid_id, g.center_lng, g.center_lat, g.county_code,
        least(g.center_lng - g.min_lng, g.max_lng - g.center_lng) as w,
        least(g.center_lat - g.min_lat, g.max_lat - g.center_lat) as h,
        ${dice(seed, 10, sql`a.id`, sql`41`)} = 0 as seldom
      from account a join grid g on g.org_id = a.scope_org_id
      where a.role = 'grid_worker' and not a.disabled and g.county_code is not null
    ), d as (
      select w.*, day::date as day from w
      cross join generate_series(${first}::date, ${today}::date, interval '1 day') day
    ), p as (
      select d.account_id, d.grid_id, d.center_lng, d.center_lat, d.county_code, d.w, d.h,
        ((d.day + time '08:00' + ${dice(seed, 240, sql`d.account_id`, dayNo, sql`43`)} * interval '1 minute')
          at time zone 'Asia/Shanghai') as started_at,
        40 + ${dice(seed, 80, sql`d.account_id`, dayNo, sql`44`)} as minutes,
        ${dice(seed, 1000, sql`d.account_id`, dayNo, sql`45`)} as r
      from d
      where ${dice(seed, 7, sql`d.account_id`, dayNo, sql`42`)} < case when d.seldom then 0 else 3 end
        or (d.seldom and ${dice(seed, 20, sql`d.account_id`, dayNo, sql`42`)} = 0)
    )
    select p.*, p.started_at + p.minutes * interval '1 minute' as ended_at from p
    where p.started_at + p.minutes * interval '1 minute' < now()`.execute(tx);
  const patrols = await sql`insert into patrol
      (account_id, started_at, ended_at, distance_m, duration_s, checkin_count, county_code, closed_at)
    select account_id, started_at, ended_at, 600 + r * 3, minutes * 60, 3, county_code, ended_at
    from demo_patrol`.execute(tx);
  // three check-ins a patrol around the grid's centre (at most half way to its nearest edge), at a
  // quarter, half and three quarters of the patrol
  const checkins = await sql`insert into patrol_checkin (account_id, grid_id, lng, lat, at, county_code)
    select p.account_id, p.grid_id,
      p.center_lng + (${dice(seed, 101, sql`p.account_id`, sql`extract(epoch from p.started_at)`, sql`k`, sql`46`)} - 50) * p.w / 100,
      p.center_lat + (${dice(seed, 101, sql`p.account_id`, sql`extract(epoch from p.started_at)`, sql`k`, sql`47`)} - 50) * p.h / 100,
      p.started_at + p.minutes * k * interval '15 second', p.county_code
    from demo_patrol p cross join generate_series(1, 3) k`.execute(tx);
  await sql`drop table demo_patrol`.execute(tx);
  return { patrols: Number(patrols.numAffectedRows ?? 0), checkins: Number(checkins.numAffectedRows ?? 0) };
}
