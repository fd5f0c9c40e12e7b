-- 0030 village decisions and power (issue 14): 四议两公开 and the villager-group template as one
-- procedure engine (deliberation), 村务公开 on a calendar (village publication), 小微权力清单 (power
-- list), village cadres with their terms, representatives, community workers on the career ladder,
-- reserve cadres, and 换届 with the joint qualification review (联审) of candidates.
-- Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions. Amounts in fen. Every table carries
-- county_code (the distribution key on Citus: ARCHITECTURE.md "Growing to Guangdong").

-- Files of a village: notice-board photos, scans of minutes, evidence. Bytes on disk, content-addressed
-- under DATA_DIR/attachments like case photos; org_id is the uploading account's village.
create table village_attachment (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text,
  mime text not null,
  bytes int not null check (bytes > 0),
  sha256 text not null,
  file_name text not null default '',
  uploaded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index village_attachment_org_idx on village_attachment (org_id);

-- The registered villagers of a village (grid_id null) or of one villager group (a grid): adults
-- (18+) and households, the bases of the 村民会议 / 村民小组会议 quorum.
create table village_register (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  grid_id bigint references grid (id),
  county_code text not null,
  adults int not null check (adults >= 0),
  households int not null check (households >= 0),
  as_of date not null
);
create unique index village_register_uq on village_register (org_id, coalesce(grid_id, 0));

-- People serving in a village's committees: the party organization's committee (村党组织), the
-- villagers' committee (村民委员会) and the supervision committee (村务监督委员会).
create table village_cadre (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  birth_date date,
  education text not null default '',
  member_id bigint references member (id),
  party_member boolean not null default false,
  created_at timestamptz not null default now()
);
create index village_cadre_org_idx on village_cadre (org_id);

-- 换届: a county's election calendar (one round per year it holds one) and each village's election.
create table election_round (
  id bigint generated always as identity primary key,
  county_code text not null,
  org_id bigint not null references org (id),
  year int not null check (year between 2000 and 2100),
  title text not null,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  unique (county_code, year)
);

create table village_election (
  id bigint generated always as identity primary key,
  round_id bigint not null references election_round (id),
  org_id bigint not null references org (id),
  county_code text not null,
  planned_on date not null,
  held_on date,
  status text not null default 'planned' check (status in ('planned', 'held', 'postponed')),
  delay_approved_until date,
  note text not null default '',
  unique (round_id, org_id)
);
create index village_election_org_idx on village_election (org_id);

-- A post held for a term: committee + post, from the election (or appointment) to term_end; ended_on
-- when it ended early or was replaced. 一肩挑: one person holding party_secretary and director.
create table cadre_post (
  id bigint generated always as identity primary key,
  cadre_id bigint not null references village_cadre (id),
  org_id bigint not null references org (id),
  county_code text not null,
  committee text not null check (committee in ('party', 'villagers', 'supervision')),
  post text not null check (post in (
    'party_secretary', 'party_deputy_secretary', 'party_committee_member',
    'director', 'deputy_director', 'villagers_committee_member',
    'supervision_chair', 'supervision_member')),
  term_start date not null,
  term_end date not null check (term_end > term_start),
  ended_on date,
  end_reason text,
  election_id bigint references village_election (id)
);
create index cadre_post_org_idx on cadre_post (org_id, committee, term_start desc);
create index cadre_post_cadre_idx on cadre_post (cadre_id);

-- Village representatives (村民代表), elected per villager group (grid); group_role marks the
-- group's leader (村民小组长) and party group leader (党小组长), who make up the group's leaders.
create table village_representative (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  grid_id bigint references grid (id),
  county_code text not null,
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  group_role text not null default 'representative'
    check (group_role in ('representative', 'group_leader', 'group_party_leader')),
  term_start date not null,
  term_end date not null,
  ended_on date
);
create index village_representative_org_idx on village_representative (org_id, grid_id);

-- Candidates of a village election and the joint qualification review (联审): each department's
-- verdict against the negative list, with its reason.
create table election_candidate (
  id bigint generated always as identity primary key,
  election_id bigint not null references village_election (id),
  org_id bigint not null references org (id),
  county_code text not null,
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  birth_date date not null,
  id_number_enc text not null,
  id_number_hash text not null,
  id_number_masked text not null,
  education text not null default '',
  member_id bigint references member (id),
  party_member boolean not null default false,
  posts jsonb not null default '[]',
  review_status text not null default 'pending' check (review_status in ('pending', 'cleared', 'disqualified')),
  elected_post text,
  cadre_id bigint references village_cadre (id),
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  unique (election_id, id_number_hash)
);
create index election_candidate_org_idx on election_candidate (org_id);

create table candidate_review (
  id bigint generated always as identity primary key,
  candidate_id bigint not null references election_candidate (id),
  county_code text not null,
  department text not null,
  verdict text not null check (verdict in ('pass', 'fail')),
  negative_item text,
  reason text not null default '',
  reviewed_on date not null,
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  unique (candidate_id, department)
);

-- Community workers and full-time grid workers on the career ladder (岗位等级序列, e.g. 三岗十八级).
create table community_worker (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  grid_worker_id bigint references grid_worker (id),
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  birth_date date,
  education text not null default '',
  tier int not null check (tier between 1 and 9),
  grade int not null check (grade between 1 and 30),
  grade_since date not null,
  started_on date not null,
  status text not null default 'active' check (status in ('active', 'left')),
  left_on date
);
create index community_worker_org_idx on community_worker (org_id);

create table community_worker_event (
  id bigint generated always as identity primary key,
  worker_id bigint not null references community_worker (id),
  county_code text not null,
  kind text not null check (kind in ('hire', 'promotion', 'training', 'assessment')),
  on_date date not null,
  from_tier int,
  from_grade int,
  to_tier int,
  to_grade int,
  hours numeric(6, 1),
  result text,
  note text not null default '',
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now()
);
create index community_worker_event_idx on community_worker_event (worker_id, on_date);

-- Reserve cadres (后备干部) with their training and mentoring.
create table reserve_cadre (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  name text not null,
  gender text not null check (gender in ('male', 'female')),
  birth_date date,
  education text not null default '',
  member_id bigint references member (id),
  party_member boolean not null default false,
  since date not null,
  mentor_name text not null default '',
  status text not null default 'active' check (status in ('active', 'appointed', 'left')),
  ended_on date,
  note text not null default ''
);
create index reserve_cadre_org_idx on reserve_cadre (org_id);

create table reserve_activity (
  id bigint generated always as identity primary key,
  reserve_id bigint not null references reserve_cadre (id),
  county_code text not null,
  kind text not null check (kind in ('training', 'mentoring', 'practice')),
  on_date date not null,
  title text not null,
  hours numeric(6, 1) not null default 0,
  mentor_name text not null default '',
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now()
);
create index reserve_activity_idx on reserve_activity (reserve_id, on_date);

-- A village decision (四议两公开 or the villager-group template): its template, category and amount
-- decide the route (村民会议 or 村民代表会议); validity and breaches are computed by the engine
-- (deliberation/domain) on every write and refreshed by a job for the rules that depend on time.
create table deliberation (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  grid_id bigint references grid (id),
  template text not null,
  title text not null,
  category text not null,
  amount_fen bigint check (amount_fen >= 0),
  description text not null default '',
  retrospective boolean not null default false,
  status text not null default 'open' check (status in ('open', 'completed', 'rejected', 'withdrawn')),
  validity text not null default 'pending' check (validity in ('pending', 'valid', 'invalid')),
  breaches jsonb not null default '[]',
  next_step text,
  next_due_on date,
  proposed_on date not null,
  resolved_on date,
  completed_on date,
  version int not null default 1,
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index deliberation_org_idx on deliberation (org_id, proposed_on desc);
create index deliberation_county_idx on deliberation (county_code, proposed_on);
create index deliberation_due_idx on deliberation (next_due_on) where status = 'open';

-- One recorded step: the meeting (body, attendees from the rosters, counts, votes, minutes) or the
-- publication (text, 公示 window, photos). merged_with: the step merged into this one (一肩挑).
create table deliberation_step (
  id bigint generated always as identity primary key,
  deliberation_id bigint not null references deliberation (id),
  county_code text not null,
  seq int not null,
  step text not null,
  merged_with text,
  body text not null,
  held_on date not null,
  notice_on date,
  place text not null default '',
  due_count int,
  present_count int,
  households_due int,
  households_present int,
  attendees jsonb not null default '{}',
  yes_count int,
  no_count int,
  abstain_count int,
  quorum_met boolean,
  passed boolean,
  minutes text not null default '',
  content text not null default '',
  publicity_starts_on date,
  publicity_ends_on date,
  implemented_on date,
  attachments jsonb not null default '[]',
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  unique (deliberation_id, seq)
);

-- 村务公开: each village's items on the calendar (general quarterly, finance monthly or quarterly,
-- major matters at once, resolutions and results of deliberations), due and published.
create table publication_item (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  kind text not null check (kind in ('general', 'finance', 'major', 'resolution', 'result')),
  period text not null,
  title text not null,
  due_on date not null,
  published_on date,
  published_at timestamptz,
  content text not null default '',
  place text not null default '',
  photo_attachment_id bigint references village_attachment (id),
  photo_taken_at timestamptz,
  amount_fen bigint,
  deliberation_id bigint references deliberation (id),
  published_by bigint references account (id),
  alerted_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index publication_item_period_uq on publication_item (org_id, kind, period);
create index publication_item_county_idx on publication_item (county_code, due_on);
create index publication_item_org_idx on publication_item (org_id, due_on desc);
create index publication_item_open_idx on publication_item (due_on) where published_on is null;

-- A villager's question on a published item, and the village's reply (due within the reply window).
create table publication_question (
  id bigint generated always as identity primary key,
  item_id bigint not null references publication_item (id),
  org_id bigint not null references org (id),
  county_code text not null,
  asker_name text not null default '',
  phone_enc text,
  phone_masked text,
  question text not null,
  asked_at timestamptz not null default now(),
  reply_due_on date not null,
  reply text,
  replied_at timestamptz,
  replied_by bigint references account (id),
  client_ip text not null default ''
);
create index publication_question_org_idx on publication_question (org_id, asked_at desc);
create index publication_question_item_idx on publication_question (item_id);
create index publication_question_open_idx on publication_question (county_code, reply_due_on)
  where replied_at is null;

-- 小微权力清单: each county's positive list (a power with its procedure: steps, who acts, what
-- evidence) and negative list (what must not be done, with the words that recognize it).
create table power_item (
  id bigint generated always as identity primary key,
  county_code text not null,
  kind text not null check (kind in ('positive', 'negative')),
  code text not null,
  name text not null,
  category text not null,
  actor text not null default '',
  basis text not null default '',
  steps jsonb not null default '[]',
  keywords jsonb not null default '[]',
  active boolean not null default true,
  sort_order int not null default 0,
  updated_by bigint references account (id),
  updated_at timestamptz not null default now(),
  unique (county_code, code)
);

-- A village exercising a power: follows the procedure copied from the item when opened; a record
-- matching nothing on the positive list, or matching the negative list, is flagged to the town.
create table power_use (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text not null,
  item_id bigint references power_item (id),
  title text not null,
  description text not null default '',
  amount_fen bigint check (amount_fen >= 0),
  started_on date not null,
  procedure jsonb not null default '[]',
  steps_done int not null default 0,
  status text not null default 'open' check (status in ('open', 'completed', 'abandoned')),
  completed_on date,
  flag text check (flag in ('unmatched', 'negative')),
  flag_detail jsonb,
  flag_reviewed_at timestamptz,
  flag_review_note text,
  flag_reviewed_by bigint references account (id),
  deliberation_id bigint references deliberation (id),
  created_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index power_use_org_idx on power_use (org_id, started_on desc);
create index power_use_county_idx on power_use (county_code, started_on);

create table power_use_step (
  id bigint generated always as identity primary key,
  use_id bigint not null references power_use (id),
  county_code text not null,
  step_index int not null check (step_index >= 1),
  done_on date not null,
  actor_name text not null,
  evidence text not null default '',
  attachments jsonb not null default '[]',
  recorded_by bigint references account (id),
  recorded_at timestamptz not null default now(),
  unique (use_id, step_index)
);
