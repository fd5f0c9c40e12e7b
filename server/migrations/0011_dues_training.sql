-- 0011 dues (党费, issue 5 item 5) and training (培训 / 党校, issue 5 item 6).
-- Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions. Amounts in fen (integers).

-- The rate table, versioned by the month it takes effect (dues/domain/dues-rules.ts: RateTable).
create table dues_rate_version (
  id bigint generated always as identity primary key,
  effective_month text not null unique check (effective_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  rates jsonb not null,
  note text not null default '',
  created_by bigint references account (id),
  created_at timestamptz not null default now()
);
insert into dues_rate_version (effective_month, rates, note) values ('2008-04',
  '{"inService":[{"upToFen":300000,"bp":50},{"upToFen":500000,"bp":100},{"upToFen":1000000,"bp":150},{"upToFen":null,"bp":200}],"retired":[{"upToFen":500000,"bp":50},{"upToFen":null,"bp":100}],"fixedFen":{"farmer":20,"student":20,"unemployed":20,"low_income":20}}',
  '中组部《关于中国共产党党费收缴、使用和管理的规定》（2008年4月1日起执行）');

-- A member's declared monthly base (税后稳定月收入), from a month on; the latest declaration in force
-- on a month applies.
create table dues_base (
  member_id bigint not null references member (id),
  from_month text not null check (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  county_code text,
  base_fen int not null check (base_fen >= 0),
  declared_by bigint references account (id),
  declared_at timestamptz not null default now(),
  primary key (member_id, from_month)
);

-- A month's payment of a member, with the due at the time it was recorded.
create table dues_payment (
  member_id bigint not null references member (id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  org_id bigint not null references org (id),
  county_code text,
  due_fen int not null check (due_fen >= 0),
  paid_fen int not null check (paid_fen > 0),
  paid_on date not null,
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  primary key (member_id, month)
);
create index dues_payment_org_idx on dues_payment (org_id, month);

-- Training: a class (市级重点 / 县级普训 / 基层培训) by a provider (a party school such as 双水党校),
-- held by an org of the scope.
create table training_class (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text,
  title text not null,
  level text not null check (level in ('city_key', 'county_general', 'grassroots')),
  provider text not null default '',
  party_school boolean not null default false,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  created_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index training_class_org_idx on training_class (org_id, starts_on desc);

create table training_session (
  id bigint generated always as identity primary key,
  class_id bigint not null references training_class (id),
  held_on date not null,
  topic text not null,
  hours numeric(5, 1) not null check (hours > 0 and hours <= 24)
);
create index training_session_class_idx on training_session (class_id, held_on);

-- Enrollment of a member or of an applicant (入党申请人 / 积极分子 / 发展对象), never both.
create table training_enrollment (
  id bigint generated always as identity primary key,
  class_id bigint not null references training_class (id),
  member_id bigint references member (id),
  applicant_id bigint references applicant (id),
  county_code text,
  enrolled_at timestamptz not null default now(),
  check ((member_id is null) <> (applicant_id is null)),
  unique (class_id, member_id),
  unique (class_id, applicant_id)
);
create index training_enrollment_member_idx on training_enrollment (member_id);

-- Attendance at a session with the hours earned. An applicant's attendance also writes a
-- recruitment_training row (same transaction) so that recruitment's ≥ 3 days / ≥ 24 hours rule counts it.
create table training_attendance (
  session_id bigint not null references training_session (id),
  enrollment_id bigint not null references training_enrollment (id),
  hours numeric(5, 1) not null check (hours >= 0 and hours <= 24),
  recruitment_training_id bigint references recruitment_training (id),
  recorded_by bigint references account (id),
  primary key (session_id, enrollment_id)
);

-- 万名党员进党校: the yearly target of an org (the city or a county), members to train in party schools.
create table training_target (
  org_id bigint not null references org (id),
  year int not null,
  target int not null check (target >= 0),
  primary key (org_id, year)
);
