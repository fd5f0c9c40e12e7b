-- 三员分立 as 等保 level 3 reads it (issue 10 item 2): the system administrator asks, the security
-- administrator approves. A new account waits for approval before it can sign in; a change of role,
-- or of scope to an org outside the current one, is a request until it is approved.
alter table account add column approval text not null default 'approved'
  check (approval in ('pending', 'approved', 'rejected'));

create table account_role_request (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  -- create: the account's first role and scope; change: a new role or a wider scope
  kind text not null check (kind in ('create', 'change')),
  from_role text,
  from_scope_org_id bigint references org (id),
  role text not null check (role in ('org_admin', 'secretary', 'grid_worker', 'department_staff', 'member',
    'resident')),
  scope_org_id bigint not null references org (id),
  reason text not null default '',
  state text not null default 'pending' check (state in ('pending', 'approved', 'rejected')),
  requested_by bigint not null references account (id),
  requested_at timestamptz not null default now(),
  decided_by bigint references account (id),
  decided_at timestamptz,
  decision_note text not null default '',
  check (decided_by is null or decided_by <> requested_by)
);
-- at most one open request per account
create unique index account_role_request_open_idx on account_role_request (account_id) where state = 'pending';
create index account_role_request_state_idx on account_role_request (state, requested_at desc);
