-- 0001 foundation: settings, divisions, the org tree, grids, members (basic), accounts, sessions, audit.
-- Plain PostgreSQL that runs on PostgreSQL 15 and on PGlite (PostgreSQL 18): no extensions.
-- Large tables carry county_code so they can later be partitioned / distributed by county (Citus).

create table setting (
  key text primary key,
  value jsonb not null,
  description_zh text not null default '',
  updated_at timestamptz not null default now()
);

-- 行政区划: codes at their natural length (4407, 440704, 440704001, 440704001001).
create table division (
  code text primary key,
  name text not null,
  level text not null check (level in ('city', 'county', 'town', 'village')),
  parent_code text references division (code),
  -- street | town | township | other (towns); community | village (villages)
  kind text not null
);
create index division_parent_idx on division (parent_code);

-- 党组织: the tree. path is the materialized path of ids: '/1/' for the root, '/1/5/' for a child.
create table org (
  id bigint generated always as identity primary key,
  parent_id bigint references org (id),
  path text not null unique,
  depth int not null,
  code text not null unique,
  name text not null,
  short_name text not null,
  kind text not null check (kind in
    ('committee', 'working_committee', 'general_branch', 'branch', 'joint_branch', 'temporary_branch', 'group')),
  level text not null check (level in ('city', 'county', 'town', 'village', 'grid', 'unit')),
  -- territorial | agency | state_enterprise | school | hospital | new_org | industry_committee | chain_committee
  category text not null,
  division_code text references division (code),
  county_code text,
  unit_name text,
  uscc text,
  pinyin_initials text not null default '',
  sort_order int not null default 0,
  founded_on date,
  -- subtree totals maintained by the organizations service (recomputed by `npm run seed` and on writes)
  member_count int not null default 0,
  grid_count int not null default 0,
  household_count int not null default 0,
  created_at timestamptz not null default now()
);
create index org_parent_idx on org (parent_id, sort_order);
create index org_path_prefix_idx on org (path text_pattern_ops);
create index org_name_idx on org (name text_pattern_ops);
create index org_pinyin_idx on org (pinyin_initials text_pattern_ops);

-- 网格
create table grid (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  org_id bigint not null unique references org (id),
  village_org_id bigint not null references org (id),
  division_code text not null references division (code),
  county_code text not null,
  household_count int not null,
  resident_count int not null,
  -- GeoJSON Polygon coordinates ([[[lng, lat], ...]]), WGS-84, 5 decimals
  boundary jsonb not null,
  center_lng double precision not null,
  center_lat double precision not null,
  min_lng double precision not null,
  min_lat double precision not null,
  max_lng double precision not null,
  max_lat double precision not null
);
create index grid_village_idx on grid (village_org_id);
create index grid_bbox_idx on grid (min_lng, max_lng, min_lat, max_lat);

-- 网格员
create table grid_worker (
  id bigint generated always as identity primary key,
  grid_id bigint not null references grid (id),
  name text not null,
  phone_enc text not null,
  phone_masked text not null,
  kind text not null check (kind in ('full_time', 'part_time')),
  county_code text not null
);
create index grid_worker_grid_idx on grid_worker (grid_id);

-- 党员 (register basics; the member capability extends it)
create table member (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  name text not null,
  pinyin_initials text not null default '',
  gender text not null check (gender in ('male', 'female')),
  ethnicity text not null,
  birth_date date not null,
  id_number_enc text not null,
  id_number_hash text not null unique,
  id_number_masked text not null,
  phone_enc text not null,
  phone_masked text not null,
  education text not null,
  occupation text not null,
  status text not null check (status in ('probationary', 'full')),
  joined_on date not null,
  converted_on date,
  county_code text,
  created_at timestamptz not null default now()
);
create index member_org_idx on member (org_id);
create index member_name_idx on member (name text_pattern_ops);

-- 账号: one role per account, so 三员分立 holds by construction.
create table account (
  id bigint generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('system_admin', 'security_admin', 'audit_admin', 'org_admin', 'secretary',
    'grid_worker', 'department_staff', 'member', 'resident')),
  scope_org_id bigint not null references org (id),
  must_change_password boolean not null default false,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);
create index account_scope_idx on account (scope_org_id);

create table session (
  token_hash text primary key,
  account_id bigint not null references account (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  client_ip text not null default ''
);
create index session_account_idx on session (account_id);

-- 审计: append-only, hash-chained (SM3). audit_head holds the chain's tip and serializes appends.
create table audit_log (
  id bigint primary key,
  at timestamptz not null,
  actor_id bigint,
  actor_username text not null,
  role text not null,
  scope_org_id bigint,
  action text not null,
  target_type text not null,
  target_id text not null,
  before jsonb,
  after jsonb,
  client_ip text not null,
  county_code text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_username, at);
create index audit_log_action_idx on audit_log (action, at);

create table audit_head (
  singleton boolean primary key default true check (singleton),
  last_id bigint not null,
  last_hash text not null
);
insert into audit_head (last_id, last_hash) values (0, repeat('0', 64));

create or replace function audit_log_no_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_no_change();
