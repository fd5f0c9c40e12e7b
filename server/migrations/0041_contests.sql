-- 0041 擂台赛 (issue 15): a town's or county's contest, the villages' entries with their promised
-- goals and evidence, the judges' scores and the audience's votes; results kept on the entry; each
-- goal followed up in the next year (and counted in that year's assessment).
create table contest (
  id bigint generated always as identity primary key,
  organizer_org_id bigint not null references org (id),
  county_code text not null,
  year int not null check (year between 2000 and 2100),
  title text not null,
  theme text not null default '',
  held_on date not null,
  state text not null default 'open' check (state in ('open', 'finished')),
  settings jsonb not null,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  finished_by bigint references account (id),
  finished_at timestamptz
);
create index contest_county_idx on contest (county_code, year);

create table contest_entry (
  id bigint generated always as identity primary key,
  contest_id bigint not null references contest (id),
  org_id bigint not null references org (id),
  county_code text not null,
  secretary_name text,
  topic text not null,
  evidence text not null default '',
  votes int not null default 0 check (votes >= 0),
  judge_score double precision,
  audience_score double precision,
  final_score double precision,
  rank int,
  award text,
  submitted_by bigint references account (id),
  submitted_at timestamptz not null default now(),
  unique (contest_id, org_id)
);
create index contest_entry_org_idx on contest_entry (org_id);

create table contest_goal (
  id bigint generated always as identity primary key,
  entry_id bigint not null references contest_entry (id),
  county_code text not null,
  seq int not null,
  goal text not null,
  followup text not null default 'pending' check (followup in ('pending', 'met', 'partly_met', 'not_met')),
  followup_note text not null default '',
  followed_by bigint references account (id),
  followed_at timestamptz,
  unique (entry_id, seq)
);

create table contest_score (
  entry_id bigint not null references contest_entry (id),
  judge text not null,
  county_code text not null,
  score double precision not null check (score >= 0 and score <= 100),
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  primary key (entry_id, judge)
);
