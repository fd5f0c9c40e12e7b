-- 0042 软弱涣散 (issue 15): the village party orgs a county lists in a year, with the reasons found
-- (the criteria met and their figures at listing), and the rectification ledger: plan, responsible
-- cadre, deadline, problems with their measures, progress, 销号 with evidence, 回头看 after six months.
create table weak_org (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  town_org_id bigint not null references org (id),
  county_code text not null,
  year int not null check (year between 2000 and 2100),
  reasons jsonb not null,
  state text not null default 'listed'
    check (state in ('listed', 'rectifying', 'acceptance_requested', 'accepted', 'reviewed')),
  plan text not null default '',
  cadre_name text not null default '',
  cadre_post text not null default '',
  deadline date,
  listed_by bigint references account (id),
  listed_on date not null,
  acceptance_evidence text not null default '',
  accepted_on date,
  accepted_by bigint references account (id),
  review_due_on date,
  reviewed_on date,
  review_result text check (review_result in ('consolidated', 'relapsed')),
  review_note text not null default '',
  version int not null default 1,
  unique (org_id, year)
);
create index weak_org_county_idx on weak_org (county_code, year, state);
create index weak_org_town_idx on weak_org (town_org_id, year);

create table rectification_problem (
  id bigint generated always as identity primary key,
  weak_org_id bigint not null references weak_org (id),
  county_code text not null,
  seq int not null,
  problem text not null,
  measure text not null default '',
  deadline date,
  done_on date,
  evidence text not null default '',
  unique (weak_org_id, seq)
);

-- The ledger's timeline: every transition and every progress note, with its date and author.
create table rectification_progress (
  id bigint generated always as identity primary key,
  weak_org_id bigint not null references weak_org (id),
  county_code text not null,
  action text not null,
  on_date date not null,
  note text not null default '',
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now()
);
create index rectification_progress_idx on rectification_progress (weak_org_id, id);
