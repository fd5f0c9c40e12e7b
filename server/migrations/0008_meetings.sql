-- 0008 organizational life (组织生活, issue 5 item 4): meetings of every kind with their sign-in, and
-- Jiangmen's monthly checklist (每月组织生活清单): composed by the city or a county, published to every
-- branch of the issuer's subtree (one task per branch and item), done with a meeting as evidence.
-- Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions. Large tables carry county_code.

-- A meeting held by an org: 三会一课, 主题党日, 组织生活会, 民主评议党员, 第一议题, 理论学习中心组
-- (kinds in meetings/domain/meeting-rules.ts). held_on is the day in Asia/Shanghai, never in the future.
-- expected/present/quorum_met are computed from the sign-in when recorded; counts = false when a kind
-- that needs a quorum lacked it (kept as a record, not counted for the frequency rules).
create table meeting (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text,
  kind text not null check (kind in ('general_assembly', 'committee_meeting', 'group_meeting', 'lecture',
    'theme_day', 'life_meeting', 'member_appraisal', 'first_topic', 'study_group')),
  held_on date not null,
  topic text not null,
  place text not null default '',
  host text not null default '',
  minutes text not null default '',
  -- references to stored photos / scans of the minutes (attachment keys or urls)
  photos jsonb not null default '[]',
  expected int not null default 0,
  present int not null default 0,
  quorum_met boolean not null default false,
  counts boolean not null default true,
  recorded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index meeting_org_idx on meeting (org_id, held_on desc);
create index meeting_held_idx on meeting (held_on, kind);

-- The sign-in: one row per member of the org asked to attend.
create table meeting_attendance (
  meeting_id bigint not null references meeting (id),
  member_id bigint not null references member (id),
  county_code text,
  status text not null check (status in ('present', 'absent', 'on_leave')),
  reason text not null default '',
  check (status <> 'absent' or reason <> ''),
  primary key (meeting_id, member_id)
);
create index meeting_attendance_member_idx on meeting_attendance (member_id);

-- 每月组织生活清单: one per issuer and month; a draft until published.
create table monthly_checklist (
  id bigint generated always as identity primary key,
  issuer_org_id bigint not null references org (id),
  county_code text,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  title text not null,
  note text not null default '',
  status text not null default 'draft' check (status in ('draft', 'published')),
  target_count int not null default 0,
  published_at timestamptz,
  published_by bigint references account (id),
  created_by bigint references account (id),
  created_at timestamptz not null default now(),
  unique (issuer_org_id, month)
);
create index monthly_checklist_month_idx on monthly_checklist (month);

-- An item of a checklist: what to study or hold; kinds = the meeting kinds that satisfy it (empty: any).
create table checklist_item (
  id bigint generated always as identity primary key,
  checklist_id bigint not null references monthly_checklist (id),
  seq int not null,
  title text not null,
  description text not null default '',
  kinds jsonb not null default '[]',
  due_on date not null,
  unique (checklist_id, seq)
);

-- The publication: one task per branch of the issuer's subtree and item, written by one INSERT … SELECT.
-- org_path is the branch's path, copied so that roll-ups by scope group the tasks by a path prefix
-- without joining org. Done with a meeting of the branch as evidence. Few indexes and foreign keys,
-- since publishing writes ~10,000 orgs × the items at once (checklist_id follows from item_id).
create table checklist_task (
  id bigint generated always as identity primary key,
  checklist_id bigint not null,
  item_id bigint not null references checklist_item (id),
  org_id bigint not null references org (id),
  org_path text not null,
  county_code text,
  done_on date,
  meeting_id bigint references meeting (id),
  done_by bigint references account (id),
  done_at timestamptz,
  reminded_at timestamptz,
  check ((done_on is null) = (meeting_id is null)),
  -- one task per branch and item; also the index of a branch's tasks
  unique (org_id, item_id)
);
create index checklist_task_path_idx on checklist_task (checklist_id, org_path text_pattern_ops);
