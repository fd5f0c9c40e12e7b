-- 0006 recruitment (发展党员, issue 5 item 2): applicants, their applications through the 5 stages
-- and 25 steps, each step's record, mentors, sponsors, publicity objections, branch meeting votes
-- and the candidates' training hours. Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions.
-- Large tables carry county_code (distribution key on Citus, like member and civic_case).

-- 入党申请人: a person, with personal data protected like member (SM4-encrypted, masked, keyed SM3 hash).
create table applicant (
  id bigint generated always as identity primary key,
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
  county_code text,
  created_at timestamptz not null default now()
);

-- 发展党员: one application of one applicant to one branch, and where it stands in the machine.
-- last_step is the state (recruitment/domain/recruitment-machine.ts); due_on/due_kind the next deadline
-- a rule sets (talk, assessment, approval, conversion), kept for the overdue and due lists.
create table recruitment (
  id bigint generated always as identity primary key,
  applicant_id bigint not null references applicant (id),
  org_id bigint not null references org (id),
  county_code text,
  status text not null default 'active' check (status in ('active', 'completed', 'closed')),
  stage text not null check (stage in ('applicant', 'activist', 'candidate', 'probationary', 'full')),
  last_step int not null check (last_step between 1 and 25),
  applied_on date not null,
  last_step_on date not null,
  talk_late boolean not null default false,
  probation_ends_on date,
  extension_months int check (extension_months between 6 and 12),
  due_on date,
  due_kind text check (due_kind in ('talk', 'assessment', 'approval', 'conversion', 'conversion_approval')),
  member_id bigint references member (id),
  closed_on date,
  closed_reason text,
  version int not null default 1,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- the same person has at most one application in progress
create unique index recruitment_active_applicant_idx on recruitment (applicant_id) where status = 'active';
create index recruitment_org_idx on recruitment (org_id, stage);
create index recruitment_due_idx on recruitment (due_on) where status = 'active';
create index recruitment_probation_idx on recruitment (probation_ends_on) where status = 'active';

-- The timeline: each step's record (event 'step': the date it happened, entered by the user and never
-- in the future, a note, who recorded it, references to its documents, the step's own details such as
-- the vote or the publicity) and the events between steps (training, objection, resolution,
-- probation extension, closing). Only 'step' rows make the machine's state.
create table recruitment_step (
  id bigint generated always as identity primary key,
  recruitment_id bigint not null references recruitment (id),
  county_code text,
  event text not null default 'step' check (event in
    ('step', 'training', 'objection', 'objection_resolved', 'extension', 'closed')),
  step int check (step between 1 and 25),
  check ((event = 'step') = (step is not null)),
  occurred_on date not null,
  note text not null default '',
  details jsonb,
  attachments jsonb not null default '[]',
  late boolean not null default false,
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now()
);
create index recruitment_step_recruitment_idx on recruitment_step (recruitment_id, step);

-- 培养联系人 (mentor) and 入党介绍人 (sponsor): full members on the date they were assigned.
create table recruitment_person (
  id bigint generated always as identity primary key,
  recruitment_id bigint not null references recruitment (id),
  role text not null check (role in ('mentor', 'sponsor')),
  member_id bigint not null references member (id),
  assigned_on date not null,
  unique (recruitment_id, role, member_id)
);
create index recruitment_person_member_idx on recruitment_person (member_id);

-- 公示: the admission (step 12) and conversion (step 22) publicity periods.
create table recruitment_publicity (
  recruitment_id bigint not null references recruitment (id),
  kind text not null check (kind in ('admission', 'conversion')),
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  primary key (recruitment_id, kind)
);

-- Objections raised during a publicity, and how they were resolved.
create table recruitment_objection (
  id bigint generated always as identity primary key,
  recruitment_id bigint not null references recruitment (id),
  kind text not null check (kind in ('admission', 'conversion')),
  raised_on date not null,
  content text not null,
  resolved_on date,
  resolution text,
  recorded_by bigint references account (id),
  resolved_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index recruitment_objection_recruitment_idx on recruitment_objection (recruitment_id);

-- 支部大会 votes (admission, step 15; conversion, step 23): the full members due are computed from the
-- branch's register on the meeting date, so quorum and majority can be checked again later.
create table recruitment_vote (
  recruitment_id bigint not null references recruitment (id),
  kind text not null check (kind in ('admission', 'conversion')),
  meeting_on date not null,
  members_due int not null check (members_due >= 0),
  present int not null check (present >= 0),
  yes int not null check (yes >= 0),
  no int not null check (no >= 0),
  abstain int not null check (abstain >= 0),
  written_yes int not null check (written_yes >= 0),
  written_no int not null check (written_no >= 0),
  passed boolean not null,
  primary key (recruitment_id, kind)
);

-- 集中培训 hours of applicants (minimal: the training capability of issue 5 item 6 does not exist yet;
-- when it lands, its attendance records feed the same rule and this table becomes a view or migrates).
create table recruitment_training (
  id bigint generated always as identity primary key,
  applicant_id bigint not null references applicant (id),
  county_code text,
  title text not null,
  provider text not null default '',
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  hours double precision not null check (hours >= 0 and hours <= 500),
  recorded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index recruitment_training_applicant_idx on recruitment_training (applicant_id);

insert into setting (key, value, description_zh)
values ('recruitment', '{"publicityDays": 7}', '发展党员：公示期天数（接收预备党员和转正公示）')
on conflict (key) do nothing;
