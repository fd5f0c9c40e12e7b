-- 0040 assessment of village secretaries (issue 15): village categories, a county's yearly round with
-- the settings it was graded with, each village's assessment (its secretary, total, rank, grade,
-- allowance, the town's review), the figures and scores of each indicator, and the appeal.
-- Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions. Scores are kept to 2 decimals by the
-- domain (assessment/domain/scoring.ts); money in fen.

-- 村类别: how a village is classified (unclassified villages take the settings' default category)
create table village_category (
  org_id bigint primary key references org (id),
  county_code text,
  category text not null,
  set_by bigint references account (id),
  set_at timestamptz not null default now()
);

-- A county's assessment of one year. basis 'computed': from the platform's records; 'ledger': a year
-- before the platform, its figures taken over from the paper ledgers.
create table assessment_round (
  id bigint generated always as identity primary key,
  county_org_id bigint not null references org (id),
  county_code text not null,
  year int not null check (year between 2000 and 2100),
  state text not null default 'draft' check (state in ('draft', 'approved', 'published')),
  basis text not null default 'computed' check (basis in ('computed', 'ledger')),
  settings jsonb not null,
  -- per distribution group (category code or 'county'): the lowest total of each grade but the last
  grade_lines jsonb not null default '{}',
  computed_at timestamptz not null,
  computed_by bigint references account (id),
  approved_at timestamptz,
  approved_by bigint references account (id),
  published_at timestamptz,
  published_by bigint references account (id),
  appeal_until date,
  version int not null default 1,
  unique (county_org_id, year)
);

-- One village's assessment in a round: its secretary at the time (null name: the post was vacant).
create table assessment (
  id bigint generated always as identity primary key,
  round_id bigint not null references assessment_round (id),
  org_id bigint not null references org (id),
  town_org_id bigint not null references org (id),
  county_code text not null,
  year int not null,
  category text not null,
  secretary_member_id bigint references member (id),
  secretary_name text,
  total double precision not null,
  weight_used double precision not null,
  rank int not null,
  group_size int not null,
  grade text not null,
  allowance_fen int not null,
  town_reviewed_at timestamptz,
  town_reviewed_by bigint references account (id),
  town_comment text not null default '',
  unique (round_id, org_id)
);
create index assessment_org_idx on assessment (org_id, year);
create index assessment_town_idx on assessment (town_org_id, round_id);

-- Each indicator of an assessment: the figure (value, from numerator / denominator where it is a
-- share), its 0–100 score and the points it adds; a manual indicator carries the town's evidence.
create table assessment_indicator (
  assessment_id bigint not null references assessment (id),
  indicator text not null,
  seq int not null,
  county_code text not null,
  weight double precision not null,
  value double precision,
  numerator double precision,
  denominator double precision,
  score double precision,
  contribution double precision,
  note text not null default '',
  evidence text not null default '',
  entered_by bigint references account (id),
  entered_at timestamptz,
  primary key (assessment_id, indicator)
);

-- A secretary's appeal (one per assessment) and the county's decision.
create table assessment_appeal (
  id bigint generated always as identity primary key,
  assessment_id bigint not null unique references assessment (id),
  county_code text not null,
  indicator text,
  reason text not null,
  filed_by bigint references account (id),
  filed_at timestamptz not null default now(),
  state text not null default 'open' check (state in ('open', 'upheld', 'rejected')),
  decision text not null default '',
  decided_by bigint references account (id),
  decided_at timestamptz,
  total_before double precision not null,
  grade_before text not null,
  total_after double precision,
  grade_after text
);
create index assessment_appeal_county_idx on assessment_appeal (county_code, state);
