-- 0012 organization checks (issue 5 item 7): each grassroots org's terms (届) with the committee elected,
-- so that 换届 due / overdue and the committee size can be checked; and the link from a member's
-- account (role 'member') to that person's row in the register, for "my records" (item 8).
-- Plain PostgreSQL for PostgreSQL 15 and PGlite: no extensions.

-- One term of an org's committee (or of its secretary alone): elected on a date, for term_years
-- (5 for village and community orgs, 3 for others: RULES §1). The current term is the latest one.
-- recorded_by_org_id: the higher org that recorded (approved) the election.
create table org_term (
  id bigint generated always as identity primary key,
  org_id bigint not null references org (id),
  county_code text,
  elected_on date not null,
  term_years int not null check (term_years between 1 and 5),
  note text not null default '',
  recorded_by_org_id bigint references org (id),
  recorded_by bigint references account (id),
  created_at timestamptz not null default now()
);
create index org_term_org_idx on org_term (org_id, elected_on desc, id desc);

-- The committee elected for a term: the secretary, deputies and members (委员).
create table org_committee_member (
  term_id bigint not null references org_term (id),
  seq int not null,
  member_id bigint references member (id),
  name text not null,
  position text not null check (position in ('secretary', 'deputy_secretary', 'member')),
  primary key (term_id, seq)
);

-- A member's own account: at most one account per member row and one member row per account.
create table member_account (
  account_id bigint primary key references account (id),
  member_id bigint not null unique references member (id)
);
