-- 0016 members at city scale (issue 13): the members and full members of each org, kept by the
-- writes themselves, so a subtree's counts (the member list's count by status, the organization
-- checks' figures, recruitment's branches) add a few thousand org rows instead of reading 200,000
-- members on every request.
create table org_member_stat (
  org_id bigint primary key references org (id),
  members int not null default 0,
  full_members int not null default 0,
  -- full members whose conversion is dated after today are few: counted apart, live (recruitment)
  updated_at timestamptz not null default now()
);

-- Every statement that writes members adds what it changed per org, in its transaction (member
-- writes come one member, or one import batch, at a time: an upsert per org touched).
create function org_member_stat_capture() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into org_member_stat (org_id, members, full_members)
    select org_id, count(*), count(*) filter (where status = 'full')
    from org_member_stat_rows group by org_id order by org_id
    on conflict (org_id) do update set members = org_member_stat.members + excluded.members,
      full_members = org_member_stat.full_members + excluded.full_members, updated_at = now();
  elsif tg_op = 'DELETE' then
    insert into org_member_stat (org_id, members, full_members)
    select org_id, -count(*), -count(*) filter (where status = 'full')
    from org_member_stat_rows group by org_id order by org_id
    on conflict (org_id) do update set members = org_member_stat.members + excluded.members,
      full_members = org_member_stat.full_members + excluded.full_members, updated_at = now();
  else
    insert into org_member_stat (org_id, members, full_members)
    select org_id, sum(s), sum(s * (status = 'full')::int)
    from (
      select 1 as s, org_id, status from org_member_stat_new_rows
      union all
      select -1 as s, org_id, status from org_member_stat_old_rows
    ) d
    group by org_id
    having sum(s) <> 0 or sum(s * (status = 'full')::int) <> 0
    order by org_id
    on conflict (org_id) do update set members = org_member_stat.members + excluded.members,
      full_members = org_member_stat.full_members + excluded.full_members, updated_at = now();
  end if;
  return null;
end $$;
create trigger member_stat_insert after insert on member
  referencing new table as org_member_stat_rows for each statement execute function org_member_stat_capture();
create trigger member_stat_update after update on member
  referencing old table as org_member_stat_old_rows new table as org_member_stat_new_rows
  for each statement execute function org_member_stat_capture();
create trigger member_stat_delete after delete on member
  referencing old table as org_member_stat_rows for each statement execute function org_member_stat_capture();

insert into org_member_stat (org_id, members, full_members)
select org_id, count(*), count(*) filter (where status = 'full') from member group by org_id;

-- full members converted after a given day (recruitment counts full members as of today)
create index member_converted_idx on member (converted_on) where status = 'full';

-- the city's member list sorted by joining or birth date (the counties' have (county_code, …, id), 0013)
create index member_joined_id_idx on member (joined_on, id);
create index member_birth_id_idx on member (birth_date, id);
