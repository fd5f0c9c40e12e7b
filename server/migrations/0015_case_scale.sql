-- 0015 the case loop at city scale (issue 13): stored step instants instead of a light sweep, the
-- statistics roll-up kept by the writes themselves, and indexes on which every list is an ordered
-- walk that stops after one page.
--
-- 1. Step instants. step_yellow_at is when the running step reaches 80 % of its limit (working
-- calendar), step_deadline when it turns red, supervise_at when automatic supervision next rises.
-- The writers compute them (cases/domain/step-instants.ts) when a step starts or its deadline moves;
-- reads derive the light from them at the moment of reading. `light` keeps the light as of the
-- row's last write: the light shown once the step has stopped (closed, rejected, evaluated).
alter table civic_case add column step_yellow_at timestamptz;
alter table civic_case add column supervise_at timestamptz;

-- open steps written before this migration: an approximation (80 % of the wall time) until the
-- escalation job, which takes every row whose supervise_at has come, computes them exactly
update civic_case
set step_yellow_at = step_started_at + (step_deadline - step_started_at) * 0.8, supervise_at = now()
where step_deadline is not null;

-- A writer that moves a step's clock without its instants (a correction by hand, a test fixture)
-- gets the same: an approximation now, the exact instants from the job at its next run.
create function civic_case_clock_unknown() returns trigger language plpgsql as $$
begin
  if new.step_deadline is null then
    new.step_yellow_at := null;
    new.supervise_at := null;
  else
    new.step_yellow_at := coalesce(new.step_started_at, new.step_deadline)
      + (new.step_deadline - coalesce(new.step_started_at, new.step_deadline)) * 0.8;
    new.supervise_at := now();
  end if;
  return new;
end $$;
create trigger civic_case_clock_insert before insert on civic_case for each row
  when (new.step_deadline is not null and new.step_yellow_at is null)
  execute function civic_case_clock_unknown();
create trigger civic_case_clock_update before update of step_started_at, step_deadline on civic_case for each row
  when ((new.step_started_at is distinct from old.step_started_at or new.step_deadline is distinct from old.step_deadline)
    and new.step_yellow_at is not distinct from old.step_yellow_at)
  execute function civic_case_clock_unknown();

-- 2. The statistics roll-ups. What one case contributes to the figures (metrics.ts): the day of its
-- report in China Standard Time, its county, town and category class, and a 0/1 per count. The one
-- definition: the capture trigger and the statistics' live part (case-stats.repository.ts) use it.
create function case_stat_facts(c civic_case) returns table (
  day date, county_code text, town_org_id bigint, class_code text,
  received int, ch_grid_worker int, ch_resident int, ch_hotline_12345 int, ch_police_110 int,
  ch_petition int, ch_external int, open_cases int, rejected int, responded_in_time int, closed int,
  closed_on_time int, resolved int, handled int, handled_on_time int, reworked int, evaluated int,
  satisfied int, basically_satisfied int, close_ms bigint
) language sql stable as $$
  select
    (c.created_at at time zone 'UTC' + interval '8 hours')::date,
    c.county_code,
    coalesce(c.town_org_id, 0),
    coalesce(split_part(c.category_code, '-', 1), ''),
    1,
    (c.channel = 'grid_worker')::int,
    (c.channel = 'resident')::int,
    (c.channel = 'hotline_12345')::int,
    (c.channel = 'police_110')::int,
    (c.channel = 'petition')::int,
    (c.channel = 'external')::int,
    (c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened'))::int,
    (c.state = 'rejected')::int,
    (c.responded_at is not null and (c.respond_by is null or c.responded_at <= c.respond_by))::int,
    (c.state <> 'rejected' and c.closed_at is not null)::int,
    (c.state <> 'rejected' and c.closed_at is not null and (c.due_at is null or c.closed_at <= c.due_at))::int,
    (c.state <> 'rejected' and c.closed_at is not null and c.evaluation is distinct from 'dissatisfied')::int,
    (c.state <> 'rejected' and c.handled_at is not null)::int,
    (c.state <> 'rejected' and c.handled_at is not null and (c.handling_deadline is null or c.handled_at <= c.handling_deadline))::int,
    (c.state <> 'rejected' and c.handled_at is not null and c.rework_count > 0)::int,
    (c.state <> 'rejected' and c.evaluation is not null)::int,
    (c.state <> 'rejected' and c.evaluation is not distinct from 'satisfied')::int,
    (c.state <> 'rejected' and c.evaluation is not distinct from 'basically_satisfied')::int,
    case when c.state <> 'rejected' and c.closed_at is not null
      then (extract(epoch from c.closed_at - c.created_at) * 1000)::bigint else 0 end
$$;

-- The instants of an open case that the figures count by (the light and 应结案): when it turns
-- yellow, red, and due to close, each as the hour it falls in. A case counts as yellow-or-red from
-- its yellow instant, red after its deadline, due to close from due_at, while it is open (an open
-- case always has a running step: every open state has one, case-machine.ts stepOfState).
create function case_open_facts(c civic_case) returns table (county_code text, town_org_id bigint, kind text, hour timestamptz)
language sql stable as $$
  select c.county_code, coalesce(c.town_org_id, 0), i.kind, date_trunc('hour', i.at at time zone 'UTC') at time zone 'UTC'
  from (values ('yellow', c.step_yellow_at), ('red', c.step_deadline),
    ('due', c.due_at)) as i (kind, at)
  where i.at is not null and c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened')
$$;

-- Every statement that writes cases appends what it changed, summed by group (in the write's
-- transaction; appends never wait for each other). The fold job (cases/case-stats-fold.job.ts)
-- moves the deltas into the roll-ups every few seconds; a read adds the deltas not folded yet, so the
-- figures are exact at every commit.
create table case_stat_delta (
  id bigint generated always as identity primary key,
  day date not null,
  county_code text not null,
  town_org_id bigint not null,
  class_code text not null,
  received int not null, ch_grid_worker int not null, ch_resident int not null,
  ch_hotline_12345 int not null, ch_police_110 int not null, ch_petition int not null,
  ch_external int not null, open_cases int not null, rejected int not null,
  responded_in_time int not null, closed int not null, closed_on_time int not null,
  resolved int not null, handled int not null, handled_on_time int not null, reworked int not null,
  evaluated int not null, satisfied int not null, basically_satisfied int not null,
  close_ms bigint not null
);
create index case_stat_delta_scope_idx on case_stat_delta (county_code, town_org_id, day);

create table case_open_delta (
  id bigint generated always as identity primary key,
  county_code text not null,
  town_org_id bigint not null,
  kind text not null,
  hour timestamptz not null,
  n int not null
);
create index case_open_delta_scope_idx on case_open_delta (county_code, town_org_id, hour);

-- The roll-up of the figures: the city, each county and each town × day and month of report ×
-- category class. Any scope's year is ~250 rows whatever the size of the city. (A grain of a grid per
-- day would hold nearly one row per case at 5 M cases a year.)
create table case_stat (
  level text not null check (level in ('city', 'county', 'town')),
  period_kind text not null check (period_kind in ('day', 'month')),
  -- '' on the city's rows
  county_code text not null,
  -- 0 on the city's and counties' rows (and for cases outside any town)
  town_org_id bigint not null,
  -- the day, or the first day of the month
  period date not null,
  class_code text not null,
  received bigint not null default 0, ch_grid_worker bigint not null default 0,
  ch_resident bigint not null default 0, ch_hotline_12345 bigint not null default 0,
  ch_police_110 bigint not null default 0, ch_petition bigint not null default 0,
  ch_external bigint not null default 0, open_cases bigint not null default 0,
  rejected bigint not null default 0, responded_in_time bigint not null default 0,
  closed bigint not null default 0, closed_on_time bigint not null default 0,
  resolved bigint not null default 0, handled bigint not null default 0,
  handled_on_time bigint not null default 0, reworked bigint not null default 0,
  evaluated bigint not null default 0, satisfied bigint not null default 0,
  basically_satisfied bigint not null default 0, close_ms bigint not null default 0,
  primary key (level, period_kind, county_code, town_org_id, period, class_code)
);

-- The open cases by the instant they turn yellow, red and due to close: per local day (every day)
-- and per hour (the last two days and ahead). Counting what is yellow now reads the past days, the
-- hours of today and the cases of the current hour (an index range of a few hundred at most).
create table case_open_stat (
  level text not null check (level in ('city', 'county', 'town')),
  bucket_kind text not null check (bucket_kind in ('day', 'hour')),
  county_code text not null,
  town_org_id bigint not null,
  kind text not null check (kind in ('yellow', 'red', 'due')),
  -- the start of the local day, or of the hour
  bucket timestamptz not null,
  n bigint not null default 0,
  primary key (level, bucket_kind, county_code, town_org_id, kind, bucket)
);

-- Moves up to max_rows deltas of each kind into the roll-ups (the fold job; two processes take
-- disjoint rows). Hour rows older than two days are never read: they are not kept.
create function case_stat_fold(max_rows int) returns int language plpgsql as $$
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
      case when l.level = 'city' then '' else t.county_code end as county_code,
      case when l.level = 'town' then t.town_org_id else 0 end as town_org_id,
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
    cross join (values ('city'), ('county'), ('town')) as l (level)
    cross join (values ('day'), ('month')) as k (period_kind)
    where l.level <> 'town' or t.town_org_id <> 0
    group by 1, 2, 3, 4, 5, 6
  ), folded as (
    insert into case_stat (level, period_kind, county_code, town_org_id, period, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select * from grouped order by 1, 2, 3, 4, 5, 6
    on conflict (level, period_kind, county_code, town_org_id, period, class_code) do update set
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
      case when l.level = 'city' then '' else t.county_code end as county_code,
      case when l.level = 'town' then t.town_org_id else 0 end as town_org_id,
      t.kind,
      case k.bucket_kind when 'hour' then t.hour
        else ((t.hour at time zone 'UTC' + interval '8 hours')::date - interval '8 hours') at time zone 'UTC'
      end as bucket,
      sum(t.n) as n
    from taken t
    cross join (values ('city'), ('county'), ('town')) as l (level)
    cross join (values ('day'), ('hour')) as k (bucket_kind)
    where (l.level <> 'town' or t.town_org_id <> 0)
      and (k.bucket_kind = 'day' or t.hour >= now() - interval '2 days')
    group by 1, 2, 3, 4, 5, 6
  ), folded as (
    insert into case_open_stat (level, bucket_kind, county_code, town_org_id, kind, bucket, n)
    select * from grouped order by 1, 2, 3, 4, 5, 6
    on conflict (level, bucket_kind, county_code, town_org_id, kind, bucket) do update set
      n = case_open_stat.n + excluded.n
    returning 1
  )
  select count(*) into taken_open from taken;
  delete from case_open_stat where bucket_kind = 'hour' and bucket < now() - interval '2 days';
  return taken_rows + taken_open;
end $$;

create function case_stat_capture() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'DELETE') then
    insert into case_stat_delta (day, county_code, town_org_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select f.day, f.county_code, f.town_org_id, f.class_code,
      sum(f.received) * s, sum(f.ch_grid_worker) * s, sum(f.ch_resident) * s,
      sum(f.ch_hotline_12345) * s, sum(f.ch_police_110) * s, sum(f.ch_petition) * s,
      sum(f.ch_external) * s, sum(f.open_cases) * s, sum(f.rejected) * s, sum(f.responded_in_time) * s,
      sum(f.closed) * s, sum(f.closed_on_time) * s, sum(f.resolved) * s, sum(f.handled) * s,
      sum(f.handled_on_time) * s, sum(f.reworked) * s, sum(f.evaluated) * s, sum(f.satisfied) * s,
      sum(f.basically_satisfied) * s, sum(f.close_ms) * s
    from (select case tg_op when 'INSERT' then 1 else -1 end as s) as sign
    cross join case_stat_rows c cross join lateral case_stat_facts(c) f
    group by f.day, f.county_code, f.town_org_id, f.class_code, s;
    insert into case_open_delta (county_code, town_org_id, kind, hour, n)
    select f.county_code, f.town_org_id, f.kind, f.hour, count(*) * case tg_op when 'INSERT' then 1 else -1 end
    from case_stat_rows c cross join lateral case_open_facts(c) f
    group by f.county_code, f.town_org_id, f.kind, f.hour;
  else
    -- an update: what the new rows contribute minus what the old ones did; most updates (a note, a
    -- supervision, the version) change no figure and append nothing
    insert into case_stat_delta (day, county_code, town_org_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
    select day, county_code, town_org_id, class_code,
      sum(s * received), sum(s * ch_grid_worker), sum(s * ch_resident), sum(s * ch_hotline_12345),
      sum(s * ch_police_110), sum(s * ch_petition), sum(s * ch_external), sum(s * open_cases),
      sum(s * rejected), sum(s * responded_in_time), sum(s * closed), sum(s * closed_on_time),
      sum(s * resolved), sum(s * handled), sum(s * handled_on_time), sum(s * reworked),
      sum(s * evaluated), sum(s * satisfied), sum(s * basically_satisfied), sum(s * close_ms)
    from (
      select 1 as s, f.* from case_stat_new_rows c cross join lateral case_stat_facts(c) f
      union all
      select -1 as s, f.* from case_stat_old_rows c cross join lateral case_stat_facts(c) f
    ) d
    group by day, county_code, town_org_id, class_code
    having sum(s * received) <> 0 or sum(s * ch_grid_worker) <> 0 or sum(s * ch_resident) <> 0 or
      sum(s * ch_hotline_12345) <> 0 or sum(s * ch_police_110) <> 0 or sum(s * ch_petition) <> 0 or
      sum(s * ch_external) <> 0 or sum(s * open_cases) <> 0 or sum(s * rejected) <> 0 or
      sum(s * responded_in_time) <> 0 or sum(s * closed) <> 0 or sum(s * closed_on_time) <> 0 or
      sum(s * resolved) <> 0 or sum(s * handled) <> 0 or sum(s * handled_on_time) <> 0 or
      sum(s * reworked) <> 0 or sum(s * evaluated) <> 0 or sum(s * satisfied) <> 0 or
      sum(s * basically_satisfied) <> 0 or sum(s * close_ms) <> 0;
    insert into case_open_delta (county_code, town_org_id, kind, hour, n)
    select county_code, town_org_id, kind, hour, sum(s)
    from (
      select 1 as s, f.* from case_stat_new_rows c cross join lateral case_open_facts(c) f
      union all
      select -1 as s, f.* from case_stat_old_rows c cross join lateral case_open_facts(c) f
    ) d
    group by county_code, town_org_id, kind, hour
    having sum(s) <> 0;
  end if;
  return null;
end $$;
create trigger civic_case_stat_insert after insert on civic_case
  referencing new table as case_stat_rows for each statement execute function case_stat_capture();
create trigger civic_case_stat_update after update on civic_case
  referencing old table as case_stat_old_rows new table as case_stat_new_rows
  for each statement execute function case_stat_capture();
create trigger civic_case_stat_delete after delete on civic_case
  referencing old table as case_stat_rows for each statement execute function case_stat_capture();

-- the cases so far
insert into case_stat_delta (day, county_code, town_org_id, class_code,
      received, ch_grid_worker, ch_resident, ch_hotline_12345, ch_police_110, ch_petition, ch_external,
      open_cases, rejected, responded_in_time, closed, closed_on_time, resolved, handled,
      handled_on_time, reworked, evaluated, satisfied, basically_satisfied, close_ms)
select f.day, f.county_code, f.town_org_id, f.class_code,
  sum(f.received), sum(f.ch_grid_worker), sum(f.ch_resident), sum(f.ch_hotline_12345),
  sum(f.ch_police_110), sum(f.ch_petition), sum(f.ch_external), sum(f.open_cases), sum(f.rejected),
  sum(f.responded_in_time), sum(f.closed), sum(f.closed_on_time), sum(f.resolved), sum(f.handled),
  sum(f.handled_on_time), sum(f.reworked), sum(f.evaluated), sum(f.satisfied),
  sum(f.basically_satisfied), sum(f.close_ms)
from civic_case c cross join lateral case_stat_facts(c) f
group by f.day, f.county_code, f.town_org_id, f.class_code;
insert into case_open_delta (county_code, town_org_id, kind, hour, n)
select f.county_code, f.town_org_id, f.kind, f.hour, count(*)
from civic_case c cross join lateral case_open_facts(c) f
where c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened')
group by f.county_code, f.town_org_id, f.kind, f.hour;
select case_stat_fold(2147483647);


-- 3. The state of timed jobs (the escalation job keeps the calendar and thresholds it computed the
-- stored instants with: when they change, it recomputes the instants of every running step).
create table job_state (
  name text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- 4. Indexes: every list a user opens walks one of these in the order it shows and stops after the
-- page (case-list.repository.ts; case-plans.db.test.ts fails when one stops doing so). An org's
-- scope is one denormalized column (county_code, town_org_id, village_org_id, grid_id), a
-- department's department_id, a resident's reporter_account_id; (…, id) makes keyset paging exact.
-- A state or channel filter reads the same walk (the open states are the newest cases; keyset pages
-- keep each page's walk short); the partial indexes hold only running steps (a few % of the cases).
drop index civic_case_department_queue_idx;
drop index civic_case_town_idx;
drop index civic_case_village_idx;
drop index civic_case_grid_idx;
drop index civic_case_county_created_idx;
drop index civic_case_open_deadline_idx;
drop index civic_case_reporter_idx;
drop index civic_case_grid_state_idx;
drop index civic_case_grid_light_idx;
drop index civic_case_department_idx;
drop index civic_case_created_idx;

-- newest (or oldest) first, and the stopped tail of the deadline order
create index civic_case_created_idx on civic_case (created_at, id);
create index civic_case_county_created_idx on civic_case (county_code, created_at, id);
create index civic_case_town_created_idx on civic_case (town_org_id, created_at, id);
create index civic_case_village_created_idx on civic_case (village_org_id, created_at, id);
create index civic_case_grid_created_idx on civic_case (grid_id, created_at, id);
create index civic_case_department_created_idx on civic_case (department_id, created_at, id)
  where department_id is not null;
create index civic_case_reporter_created_idx on civic_case (reporter_account_id, created_at, id)
  where reporter_account_id is not null;
-- open cases by deadline (the queue, the command center's default order, the red light); the
-- city's, counties' and towns' carry the instants the figures count by (index-only). An open case
-- always has a running step; the predicate names the states (not `step_deadline is not null`), so a
-- query's state filter is the one condition the planner estimates, instead of two it would take
-- for independent (and then expect almost no row).
create index civic_case_open_deadline_idx on civic_case (step_deadline, id)
  include (step_yellow_at, due_at, created_at, county_code, town_org_id) where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_county_open_idx on civic_case (county_code, step_deadline, id)
  include (step_yellow_at, due_at, created_at) where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_town_open_idx on civic_case (town_org_id, step_deadline, id)
  include (step_yellow_at, due_at, created_at) where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_village_open_idx on civic_case (village_org_id, step_deadline, id)
  where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_grid_open_idx on civic_case (grid_id, step_deadline, id)
  where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_department_open_idx on civic_case (department_id, step_deadline, id)
  where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_reporter_open_idx on civic_case (reporter_account_id, step_deadline, id)
  where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and reporter_account_id is not null;
-- the yellow light and 应结案 of the current hour (the figures; case_open_stat holds the rest)
create index civic_case_open_yellow_idx on civic_case (step_yellow_at)
  include (county_code, town_org_id, created_at) where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
create index civic_case_open_due_idx on civic_case (due_at)
  include (county_code, town_org_id, created_at) where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
-- the escalation job: the cases whose automatic supervision is due
create index civic_case_supervise_idx on civic_case (supervise_at) where supervise_at is not null;
