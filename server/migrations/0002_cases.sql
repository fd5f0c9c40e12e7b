-- 0002 cases: the grid governance loop (issue 4). Departments, the category catalog, the working
-- calendar, cases and their steps, 吹哨报到 summons, attachments, external systems and their webhooks,
-- notifications, patrol check-ins. Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions.
--
-- Scale-out (ARCHITECTURE.md, "Growing to Guangdong"): civic_case, case_step, case_summons,
-- case_attachment, webhook_delivery and patrol_checkin carry county_code. On Citus they are distributed
-- by county_code and co-located (their keys then include county_code, and unique constraints such as
-- case_no gain it too); civic_case and case_step are range-partitioned by time (created_at / at).
-- department_kind, case_category and work_calendar_day become reference tables.

-- 职能部门的类别 (城管, 住建, 水务 …): reference data, kept equal to DEPARTMENT_KINDS in cases/domain/catalog.ts.
create table department_kind (
  code text primary key,
  name_zh text not null,
  short_zh text not null,
  name_en text not null,
  sort_order int not null default 0
);

-- 职能部门: one per kind and county (seeded), or added by an administrator.
create table department (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  kind text not null references department_kind (code),
  county_code text not null,
  -- the party organization of the department, when it has one in the org tree
  org_id bigint references org (id),
  created_at timestamptz not null default now()
);
create index department_county_kind_idx on department (county_code, kind);

-- The department of each department_staff account.
create table department_account (
  account_id bigint primary key references account (id),
  department_id bigint not null references department (id)
);
create index department_account_department_idx on department_account (department_id);

-- 案件类别: classes (parent_code null, no limits) and sub-categories with the default department kind
-- and the time limit of each step: {"dispatch"|"handling"|"verification": {"amount": n, "unit":
-- "working_hour"|"urgent_hour"|"workday"}}.
create table case_category (
  code text primary key,
  parent_code text references case_category (code),
  kind text not null check (kind in ('component', 'event', 'social')),
  name_zh text not null,
  name_en text not null,
  default_department_kind text references department_kind (code),
  urgent boolean not null default false,
  limits jsonb,
  sort_order int not null default 0,
  active boolean not null default true,
  check ((parent_code is null) = (limits is null)),
  check ((parent_code is null) = (default_department_kind is null))
);
create index case_category_parent_idx on case_category (parent_code, sort_order);

-- 工作日历: days that differ from the week's rule (a holiday on a weekday, a make-up workday on a weekend).
create table work_calendar_day (
  date date primary key,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null,
  updated_at timestamptz not null default now()
);

-- 对接系统 (12345, 110, 信访 …): one API key each (stored as a hash); status changes are pushed to
-- webhook_url, signed with the secret (SM4-encrypted at rest like personal data, since signing needs it).
create table external_system (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  api_key_hash text not null unique,
  webhook_url text,
  webhook_secret_enc text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

-- Case numbers: 'JM' + local date + this sequence (cases/domain/case-no.ts).
create sequence civic_case_no_seq;

-- 案卷
create table civic_case (
  id bigint generated always as identity primary key,
  case_no text not null unique,
  channel text not null check (channel in ('grid_worker', 'resident', 'hotline_12345', 'police_110', 'petition', 'external')),
  -- idempotency: an external system's own id, or the id a phone gave a report made offline
  external_system text references external_system (code),
  external_id text,
  -- hash of the external request's content: a replay with other content is refused (409)
  external_content_hash text,
  client_request_id text unique,
  category_code text references case_category (code),
  title text not null,
  description text not null default '',
  address text not null default '',
  -- WGS-84 / CGCS2000
  lng double precision,
  lat double precision,
  grid_id bigint references grid (id),
  -- the point was outside every grid: grid_id is the nearest one
  grid_nearest boolean not null default false,
  village_org_id bigint references org (id),
  town_org_id bigint references org (id),
  county_code text not null,
  reporter_name text,
  reporter_phone_enc text,
  reporter_phone_masked text,
  reporter_account_id bigint references account (id),
  state text not null default 'reported' check (state in ('reported', 'filed', 'rejected', 'dispatched', 'in_handling',
    'returned', 'extension_requested', 'escalated', 'handled', 'closed', 'evaluated', 'reopened')),
  urgent boolean not null default false,
  department_id bigint references department (id),
  -- the timed step running now and its deadline (null when none runs)
  step text check (step in ('dispatch', 'handling', 'verification')),
  step_started_at timestamptz,
  step_deadline timestamptz,
  -- deadline to close the whole case; response and handling facts for the statistics
  due_at timestamptz,
  respond_by timestamptz,
  responded_at timestamptz,
  handling_deadline timestamptz,
  handled_at timestamptz,
  light text not null default 'green' check (light in ('green', 'yellow', 'red')),
  supervision text not null default 'none' check (supervision in ('none', 'ordinary', 'yellow', 'red')),
  redispatch_count int not null default 0,
  rework_count int not null default 0,
  extension_count int not null default 0,
  reopen_count int not null default 0,
  rejection_reason text check (rejection_reason in ('invalid', 'duplicate', 'not_our_responsibility')),
  duplicate_of bigint references civic_case (id),
  rejection_note text,
  evaluation text check (evaluation in ('satisfied', 'basically_satisfied', 'dissatisfied')),
  evaluated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  -- optimistic concurrency: update ... where id = $1 and version = $2; of two concurrent transitions one wins
  version int not null default 1,
  unique (external_system, external_id),
  check ((external_system is null) = (external_id is null))
);
-- the department workbench: open cases of a department by deadline
create index civic_case_department_queue_idx on civic_case (department_id, step_deadline)
  where state in ('dispatched', 'in_handling', 'extension_requested', 'returned');
-- the town command center list: filter by state, newest first
create index civic_case_town_idx on civic_case (town_org_id, state, created_at desc);
create index civic_case_village_idx on civic_case (village_org_id, created_at desc);
create index civic_case_grid_idx on civic_case (grid_id, created_at desc);
create index civic_case_county_created_idx on civic_case (county_code, created_at);
-- the timed job: open cases by their step deadline (lights, automatic supervision and escalation)
create index civic_case_open_deadline_idx on civic_case (step_deadline)
  where state not in ('rejected', 'closed', 'evaluated');
-- duplicate suggestions: same category, recent
create index civic_case_category_created_idx on civic_case (category_code, created_at);
create index civic_case_reporter_idx on civic_case (reporter_account_id, created_at desc)
  where reporter_account_id is not null;

-- 案卷流转: every transition (who, when, note, attachments); the case timeline.
create table case_step (
  id bigint generated always as identity primary key,
  case_id bigint not null references civic_case (id),
  county_code text not null,
  action text not null,
  from_state text,
  to_state text not null,
  actor_id bigint references account (id),
  -- grid_worker | org_admin | department_staff | resident | system
  actor_role text not null,
  note text not null default '',
  -- ids of case_attachment rows
  attachments jsonb not null default '[]',
  -- what else the transition changed (department, rejection, extension, evaluation …)
  details jsonb,
  at timestamptz not null default now()
);
create index case_step_case_idx on case_step (case_id, at);
create index case_step_county_at_idx on case_step (county_code, at);

-- 吹哨报到: one row per summoned department of a case.
create table case_summons (
  id bigint generated always as identity primary key,
  case_id bigint not null references civic_case (id),
  county_code text not null,
  department_id bigint not null references department (id),
  state text not null default 'summoned' check (state in ('summoned', 'reported', 'done')),
  summoned_at timestamptz not null default now(),
  report_deadline timestamptz not null,
  reported_at timestamptz,
  done_at timestamptz,
  note text,
  unique (case_id, department_id)
);
create index case_summons_department_idx on case_summons (department_id, state, report_deadline);

-- Photos and documents of a case (the bytes live in storage under storage_key).
create table case_attachment (
  id bigint generated always as identity primary key,
  case_id bigint not null references civic_case (id),
  county_code text not null,
  kind text not null check (kind in ('photo', 'document')),
  mime text not null,
  bytes int not null check (bytes >= 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index case_attachment_case_idx on case_attachment (case_id);

-- Status changes pushed to external systems: retried with backoff until delivered. A timed job takes
-- due rows with FOR UPDATE SKIP LOCKED, so with several server instances each is sent once.
create table webhook_delivery (
  id bigint generated always as identity primary key,
  system_id bigint not null references external_system (id),
  case_id bigint not null references civic_case (id),
  county_code text not null,
  event text not null,
  payload jsonb not null,
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where delivered_at is null;
create index webhook_delivery_case_idx on webhook_delivery (case_id);

-- In-app notifications.
create table notification (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  kind text not null,
  title text not null,
  body text not null default '',
  case_id bigint references civic_case (id),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notification_account_idx on notification (account_id, created_at desc);
create index notification_unread_idx on notification (account_id) where read_at is null;

-- 巡查打卡 of grid workers along their route; client_request_id makes an offline resend harmless.
create table patrol_checkin (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  grid_id bigint references grid (id),
  lng double precision not null,
  lat double precision not null,
  at timestamptz not null,
  county_code text not null,
  client_request_id text unique,
  created_at timestamptz not null default now()
);
create index patrol_checkin_account_idx on patrol_checkin (account_id, at);
create index patrol_checkin_grid_idx on patrol_checkin (grid_id, at);

-- Reference data: department kinds, the category catalog and the 2025–2026 calendar
-- (generated from cases/domain/catalog.ts and calendar-defaults.ts; migration.db.test.ts checks they agree).
insert into department_kind (code, name_zh, short_zh, name_en, sort_order) values
  ('urban_management', '城市管理和综合执法局', '城管', 'Urban Management and Law Enforcement', 1),
  ('housing', '住房和城乡建设局', '住建', 'Housing and Urban-Rural Development', 2),
  ('water', '水务局', '水务', 'Water Affairs', 3),
  ('transport', '交通运输局', '交通', 'Transport', 4),
  ('traffic_police', '公安交警大队', '交警', 'Traffic Police', 5),
  ('ecology', '生态环境分局', '生态环境', 'Ecology and Environment', 6),
  ('market', '市场监督管理局', '市场监管', 'Market Regulation', 7),
  ('police', '公安派出所', '派出所', 'Police Station', 8),
  ('power', '供电局', '供电', 'Power Supply', 9),
  ('telecom', '通信运营商', '通信', 'Telecom Operators', 10),
  ('gas', '燃气公司', '燃气', 'Gas Company', 11),
  ('civil_affairs', '民政局', '民政', 'Civil Affairs', 12),
  ('justice', '司法所', '司法所', 'Judicial Office', 13),
  ('emergency', '应急管理局', '应急管理', 'Emergency Management', 14),
  ('fire', '消防救援大队', '消防', 'Fire and Rescue', 15),
  ('health', '卫生健康局', '卫生健康', 'Health', 16),
  ('hrss', '人力资源和社会保障局', '人社', 'Human Resources and Social Security', 17),
  ('natural_resources', '自然资源局', '自然资源', 'Natural Resources', 18),
  ('education', '教育局', '教育', 'Education', 19),
  ('culture_sports', '文化广电旅游体育局', '文广旅体', 'Culture, Radio, Tourism and Sports', 20),
  ('petition', '信访局', '信访', 'Letters and Visits', 21);

insert into case_category (code, parent_code, kind, name_zh, name_en, default_department_kind, urgent, limits, sort_order) values
  ('C01', null, 'component', '公用设施', 'Public utilities', null, false, null, 100),
  ('C01-01', 'C01', 'component', '井盖破损', 'Manhole cover broken or missing', 'water', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 101),
  ('C01-02', 'C01', 'component', '路灯不亮', 'Street light out', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 102),
  ('C01-03', 'C01', 'component', '消防栓损坏', 'Fire hydrant damaged', 'water', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 103),
  ('C01-04', 'C01', 'component', '雨水箅子缺损', 'Storm drain grate damaged', 'water', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 104),
  ('C01-05', 'C01', 'component', '电力设施损坏', 'Power facility damaged', 'power', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 105),
  ('C01-06', 'C01', 'component', '通信设施损坏', 'Telecom facility damaged', 'telecom', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 106),
  ('C01-07', 'C01', 'component', '燃气设施损坏', 'Gas facility damaged', 'gas', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 107),
  ('C01-08', 'C01', 'component', '公厕设施损坏', 'Public toilet facility damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 108),
  ('C02', null, 'component', '道路交通', 'Roads and traffic', null, false, null, 200),
  ('C02-01', 'C02', 'component', '道路破损', 'Road surface damaged', 'housing', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 201),
  ('C02-02', 'C02', 'component', '人行道板松动', 'Loose pavement slabs', 'housing', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 202),
  ('C02-03', 'C02', 'component', '交通信号灯故障', 'Traffic light out of order', 'traffic_police', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 203),
  ('C02-04', 'C02', 'component', '交通标志损坏', 'Traffic sign damaged', 'traffic_police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 204),
  ('C02-05', 'C02', 'component', '道路护栏损坏', 'Road guardrail damaged', 'transport', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 205),
  ('C02-06', 'C02', 'component', '公交站亭损坏', 'Bus shelter damaged', 'transport', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 206),
  ('C02-07', 'C02', 'component', '桥梁设施损坏', 'Bridge facility damaged', 'transport', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 207),
  ('C03', null, 'component', '市容环境', 'City appearance (facilities)', null, false, null, 300),
  ('C03-01', 'C03', 'component', '垃圾桶破损', 'Litter bin damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 301),
  ('C03-02', 'C03', 'component', '户外广告设施松动', 'Outdoor billboard loose', 'urban_management', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 302),
  ('C03-03', 'C03', 'component', '店招牌匾破损', 'Shop sign damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 303),
  ('C03-04', 'C03', 'component', '垃圾收集点设施损坏', 'Refuse collection point damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 304),
  ('C03-05', 'C03', 'component', '报刊亭破损', 'Newsstand damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 305),
  ('C04', null, 'component', '园林绿化', 'Landscaping and greenery', null, false, null, 400),
  ('C04-01', 'C04', 'component', '行道树倒伏', 'Street tree fallen', 'urban_management', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 401),
  ('C04-02', 'C04', 'component', '绿地破损', 'Green space damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 402),
  ('C04-03', 'C04', 'component', '古树名木受损', 'Old or famous tree damaged', 'natural_resources', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 403),
  ('C04-04', 'C04', 'component', '花坛花箱损坏', 'Flower bed or planter damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 404),
  ('C04-05', 'C04', 'component', '绿化护栏损坏', 'Green-belt railing damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 405),
  ('C05', null, 'component', '其他', 'Other components', null, false, null, 500),
  ('C05-01', 'C05', 'component', '监控设施损坏', 'Surveillance camera damaged', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 501),
  ('C05-02', 'C05', 'component', '健身器材损坏', 'Fitness equipment damaged', 'culture_sports', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 502),
  ('C05-03', 'C05', 'component', '宣传栏损坏', 'Notice board damaged', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 503),
  ('C05-04', 'C05', 'component', '其他部件问题', 'Other component problem', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 504),
  ('E01', null, 'event', '市容环境', 'City appearance', null, false, null, 600),
  ('E01-01', 'E01', 'event', '暴露垃圾', 'Exposed rubbish', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 601),
  ('E01-02', 'E01', 'event', '积存垃圾渣土', 'Accumulated rubbish or muck', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 602),
  ('E01-03', 'E01', 'event', '道路不洁', 'Dirty road', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 603),
  ('E01-04', 'E01', 'event', '水域不洁', 'Dirty waterway', 'water', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 604),
  ('E01-05', 'E01', 'event', '污水冒溢', 'Sewage overflow', 'water', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 605),
  ('E01-06', 'E01', 'event', '动物尸体', 'Animal carcass', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 606),
  ('E01-07', 'E01', 'event', '公厕不洁', 'Dirty public toilet', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 607),
  ('E02', null, 'event', '宣传广告', 'Posters and advertising', null, false, null, 700),
  ('E02-01', 'E02', 'event', '违规张贴', 'Illegal posting', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 701),
  ('E02-02', 'E02', 'event', '违规悬挂横幅', 'Illegal banner', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 702),
  ('E02-03', 'E02', 'event', '违规户外广告', 'Illegal outdoor advertising', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 703),
  ('E02-04', 'E02', 'event', '涂写刻画', 'Graffiti', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 704),
  ('E02-05', 'E02', 'event', '占道散发广告', 'Flyers handed out on the street', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 705),
  ('E03', null, 'event', '施工管理', 'Construction management', null, false, null, 800),
  ('E03-01', 'E03', 'event', '施工扰民', 'Construction disturbing residents', 'housing', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 801),
  ('E03-02', 'E03', 'event', '违规占道施工', 'Construction occupying the road', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 802),
  ('E03-03', 'E03', 'event', '工地扬尘', 'Construction site dust', 'housing', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 803),
  ('E03-04', 'E03', 'event', '渣土撒漏', 'Muck spilled from trucks', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 804),
  ('E03-05', 'E03', 'event', '无证掘路', 'Road dug up without permit', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 805),
  ('E03-06', 'E03', 'event', '违法建设', 'Illegal construction', 'urban_management', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 806),
  ('E04', null, 'event', '街面秩序', 'Street order', null, false, null, 900),
  ('E04-01', 'E04', 'event', '占道经营', 'Street vending on the road', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 901),
  ('E04-02', 'E04', 'event', '店外经营', 'Business outside the shop', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 902),
  ('E04-03', 'E04', 'event', '流动商贩', 'Mobile hawkers', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 903),
  ('E04-04', 'E04', 'event', '露天烧烤', 'Open-air barbecue', 'urban_management', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 904),
  ('E04-05', 'E04', 'event', '机动车乱停放', 'Illegally parked cars', 'traffic_police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 905),
  ('E04-06', 'E04', 'event', '非机动车乱停放', 'Badly parked bicycles and e-bikes', 'transport', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 906),
  ('E04-07', 'E04', 'event', '乱堆物料', 'Materials piled in public space', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 907),
  ('E05', null, 'event', '突发事件', 'Emergencies', null, false, null, 1000),
  ('E05-01', 'E05', 'event', '道路积水', 'Flooded road', 'water', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1001),
  ('E05-02', 'E05', 'event', '路面塌陷', 'Road collapse', 'housing', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1002),
  ('E05-03', 'E05', 'event', '供水管道爆裂', 'Burst water main', 'water', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1003),
  ('E05-04', 'E05', 'event', '燃气泄漏', 'Gas leak', 'gas', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1004),
  ('E05-05', 'E05', 'event', '火灾', 'Fire', 'fire', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1005),
  ('E05-06', 'E05', 'event', '倒树断枝阻路', 'Fallen tree blocking the road', 'urban_management', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1006),
  ('E05-07', 'E05', 'event', '危险化学品泄漏', 'Hazardous chemical spill', 'emergency', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1007),
  ('E06', null, 'event', '其他', 'Other events', null, false, null, 1100),
  ('E06-01', 'E06', 'event', '噪声扰民', 'Noise disturbance', 'ecology', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1101),
  ('E06-02', 'E06', 'event', '无照经营', 'Unlicensed business', 'market', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1102),
  ('E06-03', 'E06', 'event', '食品安全问题', 'Food safety problem', 'market', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1103),
  ('E06-04', 'E06', 'event', '犬只扰民', 'Dogs disturbing residents', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1104),
  ('E06-05', 'E06', 'event', '其他事件', 'Other event', 'urban_management', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1105),
  ('S01', null, 'social', '矛盾纠纷', 'Disputes', null, false, null, 1200),
  ('S01-01', 'S01', 'social', '邻里纠纷', 'Neighbour dispute', 'justice', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1201),
  ('S01-02', 'S01', 'social', '婚姻家庭纠纷', 'Marriage and family dispute', 'justice', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1202),
  ('S01-03', 'S01', 'social', '劳资纠纷', 'Wage arrears and labour dispute', 'hrss', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1203),
  ('S01-04', 'S01', 'social', '物业纠纷', 'Property management dispute', 'housing', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1204),
  ('S01-05', 'S01', 'social', '土地山林权属纠纷', 'Land and forest ownership dispute', 'natural_resources', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1205),
  ('S01-06', 'S01', 'social', '消费纠纷', 'Consumer dispute', 'market', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1206),
  ('S02', null, 'social', '治安隐患', 'Public security hazards', null, false, null, 1300),
  ('S02-01', 'S02', 'social', '可疑人员', 'Suspicious person', 'police', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1301),
  ('S02-02', 'S02', 'social', '聚众赌博', 'Gambling', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1302),
  ('S02-03', 'S02', 'social', '电信诈骗线索', 'Telecom fraud lead', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1303),
  ('S02-04', 'S02', 'social', '出租屋治安隐患', 'Rental housing security hazard', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1304),
  ('S02-05', 'S02', 'social', '校园周边治安隐患', 'Security hazard near a school', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1305),
  ('S03', null, 'social', '民生服务', 'Livelihood services', null, false, null, 1400),
  ('S03-01', 'S03', 'social', '社会救助申请', 'Social assistance application', 'civil_affairs', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1401),
  ('S03-02', 'S03', 'social', '养老服务需求', 'Elderly care request', 'civil_affairs', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1402),
  ('S03-03', 'S03', 'social', '就业求助', 'Job-seeking help', 'hrss', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1403),
  ('S03-04', 'S03', 'social', '社保医保咨询', 'Social and medical insurance enquiry', 'hrss', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1404),
  ('S03-05', 'S03', 'social', '就医求助', 'Medical help', 'health', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1405),
  ('S03-06', 'S03', 'social', '子女入学', 'School enrolment', 'education', false, '{"dispatch":{"amount":4,"unit":"working_hour"},"handling":{"amount":10,"unit":"workday"},"verification":{"amount":2,"unit":"workday"}}'::jsonb, 1406),
  ('S04', null, 'social', '社情民意', 'Public opinion', null, false, null, 1500),
  ('S04-01', 'S04', 'social', '意见建议', 'Suggestion', 'petition', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1501),
  ('S04-02', 'S04', 'social', '政策咨询', 'Policy enquiry', 'petition', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1502),
  ('S04-03', 'S04', 'social', '表扬感谢', 'Praise and thanks', 'petition', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1503),
  ('S04-04', 'S04', 'social', '舆情线索', 'Public opinion lead', 'petition', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1504),
  ('S05', null, 'social', '特殊人群', 'Special groups', null, false, null, 1600),
  ('S05-01', 'S05', 'social', '社区矫正对象', 'Person under community correction', 'justice', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1601),
  ('S05-02', 'S05', 'social', '刑满释放人员', 'Released prisoner', 'justice', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1602),
  ('S05-03', 'S05', 'social', '严重精神障碍患者', 'Person with severe mental disorder', 'health', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1603),
  ('S05-04', 'S05', 'social', '吸毒人员', 'Drug user', 'police', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1604),
  ('S05-05', 'S05', 'social', '留守儿童', 'Left-behind child', 'civil_affairs', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1605),
  ('S05-06', 'S05', 'social', '独居老人', 'Elderly person living alone', 'civil_affairs', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1606),
  ('S06', null, 'social', '安全生产', 'Work safety', null, false, null, 1700),
  ('S06-01', 'S06', 'social', '三小场所消防隐患', 'Fire hazard in small shops and workshops', 'fire', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1701),
  ('S06-02', 'S06', 'social', '电动自行车违规充电', 'E-bike charged indoors or in corridors', 'fire', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1702),
  ('S06-03', 'S06', 'social', '企业安全生产隐患', 'Enterprise work-safety hazard', 'emergency', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1703),
  ('S06-04', 'S06', 'social', '危险化学品隐患', 'Hazardous chemicals hazard', 'emergency', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1704),
  ('S06-05', 'S06', 'social', '自建房安全隐患', 'Self-built house safety hazard', 'housing', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1705),
  ('S06-06', 'S06', 'social', '地质灾害隐患', 'Geological hazard', 'natural_resources', true, '{"dispatch":{"amount":0.5,"unit":"urgent_hour"},"handling":{"amount":4,"unit":"urgent_hour"},"verification":{"amount":2,"unit":"urgent_hour"}}'::jsonb, 1706),
  ('S07', null, 'social', '生态环境', 'Ecology and environment', null, false, null, 1800),
  ('S07-01', 'S07', 'social', '污水直排', 'Sewage discharged directly', 'ecology', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1801),
  ('S07-02', 'S07', 'social', '废气排放', 'Waste gas emission', 'ecology', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1802),
  ('S07-03', 'S07', 'social', '工业噪声', 'Industrial noise', 'ecology', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1803),
  ('S07-04', 'S07', 'social', '非法倾倒固体废物', 'Illegal dumping of solid waste', 'ecology', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1804),
  ('S07-05', 'S07', 'social', '露天焚烧', 'Open burning', 'ecology', false, '{"dispatch":{"amount":1,"unit":"working_hour"},"handling":{"amount":4,"unit":"working_hour"},"verification":{"amount":4,"unit":"working_hour"}}'::jsonb, 1805),
  ('S07-06', 'S07', 'social', '河道非法采砂', 'Illegal sand mining in a river', 'water', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":3,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1806),
  ('S07-07', 'S07', 'social', '黑臭水体', 'Black and odorous water', 'water', false, '{"dispatch":{"amount":2,"unit":"working_hour"},"handling":{"amount":5,"unit":"workday"},"verification":{"amount":1,"unit":"workday"}}'::jsonb, 1807);

insert into work_calendar_day (date, kind, name) values
  ('2025-01-01', 'holiday', '元旦'),
  ('2025-01-26', 'workday', '春节调休上班'),
  ('2025-01-28', 'holiday', '春节'),
  ('2025-01-29', 'holiday', '春节'),
  ('2025-01-30', 'holiday', '春节'),
  ('2025-01-31', 'holiday', '春节'),
  ('2025-02-01', 'holiday', '春节'),
  ('2025-02-02', 'holiday', '春节'),
  ('2025-02-03', 'holiday', '春节'),
  ('2025-02-04', 'holiday', '春节'),
  ('2025-02-08', 'workday', '春节调休上班'),
  ('2025-04-04', 'holiday', '清明节'),
  ('2025-04-05', 'holiday', '清明节'),
  ('2025-04-06', 'holiday', '清明节'),
  ('2025-04-27', 'workday', '劳动节调休上班'),
  ('2025-05-01', 'holiday', '劳动节'),
  ('2025-05-02', 'holiday', '劳动节'),
  ('2025-05-03', 'holiday', '劳动节'),
  ('2025-05-04', 'holiday', '劳动节'),
  ('2025-05-05', 'holiday', '劳动节'),
  ('2025-05-31', 'holiday', '端午节'),
  ('2025-06-01', 'holiday', '端午节'),
  ('2025-06-02', 'holiday', '端午节'),
  ('2025-09-28', 'workday', '国庆节、中秋节调休上班'),
  ('2025-10-01', 'holiday', '国庆节、中秋节'),
  ('2025-10-02', 'holiday', '国庆节、中秋节'),
  ('2025-10-03', 'holiday', '国庆节、中秋节'),
  ('2025-10-04', 'holiday', '国庆节、中秋节'),
  ('2025-10-05', 'holiday', '国庆节、中秋节'),
  ('2025-10-06', 'holiday', '国庆节、中秋节'),
  ('2025-10-07', 'holiday', '国庆节、中秋节'),
  ('2025-10-08', 'holiday', '国庆节、中秋节'),
  ('2025-10-11', 'workday', '国庆节、中秋节调休上班'),
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');
