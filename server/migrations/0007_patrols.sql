-- 巡查 (patrol): a grid worker's walk along a route, started and ended on the phone. Its points are the
-- worker's patrol_checkin rows (0002) whose client time `at` falls between started_at and ended_at, so a
-- check-in made offline and sent later still lands in its patrol. Distance and duration are fixed when
-- the patrol ends. started_at / ended_at are the phone's times; created_at / closed_at the server's.
-- At most one open patrol per account (the partial unique index).
create table patrol (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  started_at timestamptz not null,
  ended_at timestamptz,
  distance_m double precision,
  duration_s integer,
  checkin_count integer,
  note text not null default '',
  county_code text not null,
  client_request_id text unique,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (ended_at is null or ended_at >= started_at)
);
create unique index patrol_open_idx on patrol (account_id) where ended_at is null;
create index patrol_account_idx on patrol (account_id, started_at);
create index patrol_checkin_at_idx on patrol_checkin (at);
