-- 0009 transfers (issue 5 item 3): 组织关系转接 with its introduction letter, the membership history it
-- writes, 流动党员 (outflow / inflow, organizational life at the inflow org) and 双报到双服务
-- (community reports, service hours, the community's assessments). Plain PostgreSQL for PostgreSQL 15
-- and PGlite: no extensions. Large tables carry county_code (the member's county).

-- 组织关系介绍信: one transfer of one member from the sending org to the receiving org.
-- state is the stored state (transfers/domain/transfer-machine.ts); 'expired' is read from valid_until.
create table transfer (
  id bigint generated always as identity primary key,
  member_id bigint not null references member (id),
  county_code text,
  from_org_id bigint not null references org (id),
  to_org_id bigint not null references org (id),
  scope text not null check (scope in ('city', 'province', 'national')),
  letter_no text not null unique,
  letter_seq int not null,
  issued_on date not null,
  valid_until date not null,
  state text not null default 'issued'
    check (state in ('issued', 'received', 'receipt_returned', 'withdrawn', 'refused')),
  reason text not null default '',
  note text not null default '',
  received_on date,
  receipt_returned_on date,
  closed_on date,
  closed_reason text,
  issued_by bigint references account (id),
  received_by bigint references account (id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_org_id <> to_org_id)
);
-- at most one letter in progress per member (the rule TRANSFER_IN_PROGRESS, also under concurrency)
create unique index transfer_member_open_idx on transfer (member_id) where state = 'issued';
create unique index transfer_letter_seq_idx on transfer (from_org_id, (extract(year from issued_on)), letter_seq);
create index transfer_from_idx on transfer (from_org_id, state);
create index transfer_to_idx on transfer (to_org_id, state);

-- 组织关系历史: each period a member belonged to an org (written by transfers; open period: ended_on null).
create table membership_history (
  id bigint generated always as identity primary key,
  member_id bigint not null references member (id),
  county_code text,
  org_id bigint not null references org (id),
  started_on date,
  ended_on date,
  reason text not null check (reason in ('register', 'transfer_in', 'transfer_out')),
  transfer_id bigint references transfer (id),
  created_at timestamptz not null default now()
);
create index membership_history_member_idx on membership_history (member_id, id);

-- 流动党员: registered by the home org (outflow); the inflow org (when in the system) confirms and
-- records organizational life. Both orgs see the member.
create table mobile_member (
  id bigint generated always as identity primary key,
  member_id bigint not null references member (id),
  county_code text,
  home_org_id bigint not null references org (id),
  inflow_org_id bigint references org (id),
  destination text not null,
  destination_division_code text,
  since date not null,
  expected_months int not null check (expected_months between 1 and 120),
  fixed_place boolean not null default false,
  contact_phone_enc text not null,
  contact_phone_masked text not null,
  certificate_no text,
  state text not null default 'outflow' check (state in ('outflow', 'inflow_confirmed', 'ended')),
  inflow_confirmed_on date,
  ended_on date,
  note text not null default '',
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index mobile_member_open_idx on mobile_member (member_id) where state <> 'ended';
create index mobile_member_home_idx on mobile_member (home_org_id, state);
create index mobile_member_inflow_idx on mobile_member (inflow_org_id, state);

-- Organizational life of a mobile member recorded by the inflow (or home) org.
create table mobile_member_activity (
  id bigint generated always as identity primary key,
  mobile_member_id bigint not null references mobile_member (id),
  county_code text,
  org_id bigint not null references org (id),
  held_on date not null,
  kind text not null,
  topic text not null,
  recorded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index mobile_member_activity_idx on mobile_member_activity (mobile_member_id, held_on);

-- 双报到: a unit party org or an in-service member reports to a community for a year.
create table community_report (
  id bigint generated always as identity primary key,
  community_org_id bigint not null references org (id),
  county_code text,
  reporter_kind text not null check (reporter_kind in ('member', 'unit')),
  member_id bigint references member (id),
  unit_org_id bigint references org (id),
  year int not null,
  reported_on date not null,
  note text not null default '',
  assessment text check (assessment in ('excellent', 'good', 'fair', 'poor')),
  assessed_on date,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  check ((reporter_kind = 'member') = (member_id is not null)),
  check ((reporter_kind = 'unit') = (unit_org_id is not null))
);
create unique index community_report_member_idx on community_report (community_org_id, year, member_id)
  where member_id is not null;
create unique index community_report_unit_idx on community_report (community_org_id, year, unit_org_id)
  where unit_org_id is not null;
create index community_report_community_idx on community_report (community_org_id, year);

-- 服务时长: what a reporter did for the community.
create table community_service (
  id bigint generated always as identity primary key,
  report_id bigint not null references community_report (id),
  county_code text,
  served_on date not null,
  hours numeric(5, 1) not null check (hours > 0 and hours <= 24),
  content text not null,
  recorded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index community_service_report_idx on community_service (report_id, served_on);
