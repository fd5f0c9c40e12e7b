-- 0055 a department's figures from the roll-ups (issue 13 item 2, "any scope"). The roll-ups of 0015
-- held the city, the counties and the towns; a department's figures read every case dispatched to it.
-- Now the deltas carry the case's department too, and the fold adds a fourth level, 'department', so
-- a department's year is again a few hundred rows. Kept by the same statement triggers in the
-- write's transaction: a case dispatched, returned or re-dispatched moves its counts from one
-- department to the other in the statement that changes department_id.

alter table case_stat_delta add column department_id bigint not null default 0;
alter table case_open_delta add column department_id bigint not null default 0;
create index case_stat_delta_department_idx on case_stat_delta (department_id, day) where department_id <> 0;
create index case_open_delta_department_idx on case_open_delta (department_id, hour) where department_id <> 0;

-- 0 on the city's, counties' and towns' rows; the department on the department's (county '', town 0)
alter table case_stat add column department_id bigint not null default 0;
alter table case_stat drop constraint case_stat_level_check;
alter table case_stat add constraint case_stat_level_check
  check (level in ('city', 'county', 'town', 'department'));
alter table case_stat drop constraint case_stat_pkey;
alter table case_stat add primary key (level, period_kind, county_code, town_org_id, department_id, period, class_code);

alter table case_open_stat add column department_id bigint not null default 0;
alter table case_open_stat drop constraint case_open_stat_level_check;
alter table case_open_stat add constraint case_open_stat_level_check
  check (level in ('city', 'county', 'town', 'department'));
alter table case_open_stat drop constraint case_open_stat_pkey;
alter table case_open_stat add primary key (level, bucket_kind, county_code, town_org_id, department_id, kind, bucket);

-- The fold of 0015 with the department level.
create or replace function case_stat_fold(max_rows int) returns int language plpgsql as $$
declare
  taken_rows int;
  taken_open int;
begin
  with taken as (
    delete from case_stat_delta where id in (
      select id from case_stat_delta order by id limit max_rows for update skip locked)
    returning *
  ), grouped as (
    select l.level, k.period_kind,
      case when l.level in ('county', 'town') then t.county_code else '' end as county_code,
      case when l.level = 'town' then t.town_org_id else 0 end as town_org_id,
      case when l.level = 'department' then t.department_id else 0 end as department_id,
      case k.period_kind when 'day' then t.day else t.day - (extract(day from t.day)::int - 1) end as period,
      t.class_code,
      sum(t.received) as received, sum(t.ch_grid_worker) as ch_grid_worker,
      sum(t.ch_resident) as ch_resident, sum(t.ch_hotline_12345) as ch_hotline_12345,
      sum(t.ch_police_110) as ch_police_110, sum(t.ch_petition) as ch_petition,
      sum(t.ch_external) as ch_external, sum(t.open_cases) as open_cases, sum(t.rejected) as rejected,
      sum(t.responded_in_time) as responded_in_time, sum(t.closed) as closed,
      sum(t.closed_on_time) as closed_on_time, sum(t.resolved) as resolved, sum(t.handled) as handled,
      sum(t.handled_on_time) as handled_on_time, sum(t.reworked) as reworked,
      sum(t.evaluated) as evaluated, sum(t.satisfied) as satisfied,
      sum(t.basically_satisfied) as basically_satisfied, sum(t.close_ms) as close_ms
    from taken t
    cross join (values ('city'), ('county'), ('town'), ('department')) as l (level)
    cross join (values ('day'), ('month')) as k (period_kind)
    where (l.level <> 'town' or t.town_org_id <> 0) and (l.level <> 'department' or t.department_id <> 0)
    group by 1, 2, 3, 4, 5, 6, 7
  ), folded as (
    insert into case_stat (level, period_kind, county_code, town_org_id, department_id, period, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select * from grouped order by 1, 2, 3, 4, 5, 6, 7
    on conflict (level, period_kind, county_code, town_org_id, department_id, period, class_code) do update set
      received = case_stat.received + excluded.received,
      ch_grid_worker = case_stat.ch_grid_worker + excluded.ch_grid_worker,
      ch_resident = case_stat.ch_resident + excluded.ch_resident,
      ch_hotline_12345 = case_stat.ch_hotline_12345 + excluded.ch_hotline_12345,
      ch_police_110 = case_stat.ch_police_110 + excluded.ch_police_110,
      ch_petition = case_stat.ch_petition + excluded.ch_petition,
      ch_external = case_stat.ch_external + excluded.ch_external,
      open_cases = case_stat.open_cases + excluded.open_cases,
      rejected = case_stat.rejected + excluded.rejected,
      responded_in_time = case_stat.responded_in_time + excluded.responded_in_time,
      closed = case_stat.closed + excluded.closed,
      closed_on_time = case_stat.closed_on_time + excluded.closed_on_time,
      resolved = case_stat.resolved + excluded.resolved,
      handled = case_stat.handled + excluded.handled,
      handled_on_time = case_stat.handled_on_time + excluded.handled_on_time,
      reworked = case_stat.reworked + excluded.reworked,
      evaluated = case_stat.evaluated + excluded.evaluated,
      satisfied = case_stat.satisfied + excluded.satisfied,
      basically_satisfied = case_stat.basically_satisfied + excluded.basically_satisfied,
      close_ms = case_stat.close_ms + excluded.close_ms
    returning 1
  )
  select count(*) into taken_rows from taken;

  with taken as (
    delete from case_open_delta where id in (
      select id from case_open_delta order by id limit max_rows for update skip locked)
    returning *
  ), grouped as (
    select l.level, k.bucket_kind,
      case when l.level in ('county', 'town') then t.county_code else '' end as county_code,
      case when l.level = 'town' then t.town_org_id else 0 end as town_org_id,
      case when l.level = 'department' then t.department_id else 0 end as department_id,
      t.kind,
      case k.bucket_kind when 'hour' then t.hour
        else ((t.hour at time zone 'UTC' + interval '8 hours')::date - interval '8 hours') at time zone 'UTC'
      end as bucket,
      sum(t.n) as n
    from taken t
    cross join (values ('city'), ('county'), ('town'), ('department')) as l (level)
    cross join (values ('day'), ('hour')) as k (bucket_kind)
    where (l.level <> 'town' or t.town_org_id <> 0) and (l.level <> 'department' or t.department_id <> 0)
      and (k.bucket_kind = 'day' or t.hour >= now() - interval '2 days')
    group by 1, 2, 3, 4, 5, 6, 7
  ), folded as (
    insert into case_open_stat (level, bucket_kind, county_code, town_org_id, department_id, kind, bucket, n)
    select * from grouped order by 1, 2, 3, 4, 5, 6, 7
    on conflict (level, bucket_kind, county_code, town_org_id, department_id, kind, bucket) do update set
      n = case_open_stat.n + excluded.n
    returning 1
  )
  select count(*) into taken_open from taken;
  delete from case_open_stat where bucket_kind = 'hour' and bucket < now() - interval '2 days';
  return taken_rows + taken_open;
end $$;

-- The capture of 0015, each delta also keyed by the case's department (0 for none).
create or replace function case_stat_capture() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'DELETE') then
    insert into case_stat_delta (day, county_code, town_org_id, department_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select f.day, f.county_code, f.town_org_id, coalesce(c.department_id, 0), f.class_code,
      sum(f.received) * s, sum(f.ch_grid_worker) * s, sum(f.ch_resident) * s,
      sum(f.ch_hotline_12345) * s, sum(f.ch_police_110) * s, sum(f.ch_petition) * s,
      sum(f.ch_external) * s, sum(f.open_cases) * s, sum(f.rejected) * s, sum(f.responded_in_time) * s,
      sum(f.closed) * s, sum(f.closed_on_time) * s, sum(f.resolved) * s, sum(f.handled) * s,
      sum(f.handled_on_time) * s, sum(f.reworked) * s, sum(f.evaluated) * s, sum(f.satisfied) * s,
      sum(f.basically_satisfied) * s, sum(f.close_ms) * s
    from (select case tg_op when 'INSERT' then 1 else -1 end as s) as sign
    cross join case_stat_rows c cross join lateral case_stat_facts(c) f
    group by f.day, f.county_code, f.town_org_id, coalesce(c.department_id, 0), f.class_code, s;
    insert into case_open_delta (county_code, town_org_id, department_id, kind, hour, n)
    select f.county_code, f.town_org_id, coalesce(c.department_id, 0), f.kind, f.hour,
      count(*) * case tg_op when 'INSERT' then 1 else -1 end
    from case_stat_rows c cross join lateral case_open_facts(c) f
    group by f.county_code, f.town_org_id, coalesce(c.department_id, 0), f.kind, f.hour;
  else
    -- an update: what the new rows contribute minus what the old ones did; most updates (a note, a
    -- supervision, the version) change no figure and append nothing
    insert into case_stat_delta (day, county_code, town_org_id, department_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select day, county_code, town_org_id, department_id, class_code,
      sum(s * received), sum(s * ch_grid_worker), sum(s * ch_resident), sum(s * ch_hotline_12345),
      sum(s * ch_police_110), sum(s * ch_petition), sum(s * ch_external), sum(s * open_cases),
      sum(s * rejected), sum(s * responded_in_time), sum(s * closed), sum(s * closed_on_time),
      sum(s * resolved), sum(s * handled), sum(s * handled_on_time), sum(s * reworked),
      sum(s * evaluated), sum(s * satisfied), sum(s * basically_satisfied), sum(s * close_ms)
    from (
      select 1 as s, coalesce(c.department_id, 0) as department_id, f.*
      from case_stat_new_rows c cross join lateral case_stat_facts(c) f
      union all
      select -1 as s, coalesce(c.department_id, 0) as department_id, f.*
      from case_stat_old_rows c cross join lateral case_stat_facts(c) f
    ) d
    group by day, county_code, town_org_id, department_id, class_code
    having sum(s * received) <> 0 or sum(s * ch_grid_worker) <> 0 or sum(s * ch_resident) <> 0 or
      sum(s * ch_hotline_12345) <> 0 or sum(s * ch_police_110) <> 0 or sum(s * ch_petition) <> 0 or
      sum(s * ch_external) <> 0 or sum(s * open_cases) <> 0 or sum(s * rejected) <> 0 or
      sum(s * responded_in_time) <> 0 or sum(s * closed) <> 0 or sum(s * closed_on_time) <> 0 or
      sum(s * resolved) <> 0 or sum(s * handled) <> 0 or sum(s * handled_on_time) <> 0 or
      sum(s * reworked) <> 0 or sum(s * evaluated) <> 0 or sum(s * satisfied) <> 0 or
      sum(s * basically_satisfied) <> 0 or sum(s * close_ms) <> 0;
    insert into case_open_delta (county_code, town_org_id, department_id, kind, hour, n)
    select county_code, town_org_id, department_id, kind, hour, sum(s)
    from (
      select 1 as s, coalesce(c.department_id, 0) as department_id, f.*
      from case_stat_new_rows c cross join lateral case_open_facts(c) f
      union all
      select -1 as s, coalesce(c.department_id, 0) as department_id, f.*
      from case_stat_old_rows c cross join lateral case_open_facts(c) f
    ) d
    group by county_code, town_org_id, department_id, kind, hour
    having sum(s) <> 0;
  end if;
  return null;
end $$;

-- The departments' cases so far: each case with a department once under it and once, negated,
-- under none — the city, county and town figures net to nothing, the department level gets them.
insert into case_stat_delta (day, county_code, town_org_id, department_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
select f.day, f.county_code, f.town_org_id, d.department_id, f.class_code,
  sum(f.received) * d.s, sum(f.ch_grid_worker) * d.s, sum(f.ch_resident) * d.s,
  sum(f.ch_hotline_12345) * d.s, sum(f.ch_police_110) * d.s, sum(f.ch_petition) * d.s,
  sum(f.ch_external) * d.s, sum(f.open_cases) * d.s, sum(f.rejected) * d.s,
  sum(f.responded_in_time) * d.s, sum(f.closed) * d.s, sum(f.closed_on_time) * d.s,
  sum(f.resolved) * d.s, sum(f.handled) * d.s, sum(f.handled_on_time) * d.s, sum(f.reworked) * d.s,
  sum(f.evaluated) * d.s, sum(f.satisfied) * d.s, sum(f.basically_satisfied) * d.s,
  sum(f.close_ms) * d.s
from civic_case c cross join lateral case_stat_facts(c) f
cross join lateral (values (c.department_id, 1), (0::bigint, -1)) as d (department_id, s)
where c.department_id is not null
group by f.day, f.county_code, f.town_org_id, d.department_id, f.class_code, d.s;
insert into case_open_delta (county_code, town_org_id, department_id, kind, hour, n)
select f.county_code, f.town_org_id, d.department_id, f.kind, f.hour, count(*) * d.s
from civic_case c cross join lateral case_open_facts(c) f
cross join lateral (values (c.department_id, 1), (0::bigint, -1)) as d (department_id, s)
where c.department_id is not null
group by f.county_code, f.town_org_id, d.department_id, f.kind, f.hour, d.s;
select case_stat_fold(2147483647);
