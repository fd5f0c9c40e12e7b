-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ alertOverdue
-- #1 (2 parameters)
select i.id
from publication_item i
where i.published_on is null and i.due_on < $1::date and i.alerted_at is null
order by i.id
limit $2
for update skip locked
-- #2 (1 parameter)
insert into notification (account_id, kind, title, body)
select a.id, 'village_publication_overdue', '村务公开逾期：' || v.short_name, i.title || '，应于 ' || to_char(i.due_on, 'YYYY-MM-DD') || ' 前公开，至今未公开。'
from publication_item i
join org v on v.id = i.org_id
join account a on a.scope_org_id = any ((string_to_array(trim(both '/'
        from v.path), '/'))[2:4]::bigint[]) and a.role in ('secretary', 'org_admin') and not a.disabled
where i.id = any ($1::bigint[])
-- #3 (1 parameter)
update publication_item
set alerted_at = now()
where id = any ($1::bigint[])

-- @ alertOverdue none
-- #1 (2 parameters)
select i.id
from publication_item i
where i.published_on is null and i.due_on < $1::date and i.alerted_at is null
order by i.id
limit $2
for update skip locked

-- @ ensurePeriodItems
-- #1 (8 parameters)
insert into publication_item (org_id, county_code, kind, period, title, due_on)
select v.id, v.county_code, $1, $2, $3, $4::date
from org v
left join village_register r on r.org_id = v.id and r.grid_id is null
where v.level = 'village' and v.category = 'territorial' and v.county_code is not null and ($5::int is null or coalesce(r.households, 0) >= $6::int) and ($7::int is null or coalesce(r.households, 0) < $8::int)
on conflict (org_id, kind, period) do nothing

-- @ ensurePeriodItems finance monthly
-- #1 (8 parameters)
insert into publication_item (org_id, county_code, kind, period, title, due_on)
select v.id, v.county_code, $1, $2, $3, $4::date
from org v
left join village_register r on r.org_id = v.id and r.grid_id is null
where v.level = 'village' and v.category = 'territorial' and v.county_code is not null and ($5::int is null or coalesce(r.households, 0) >= $6::int) and ($7::int is null or coalesce(r.households, 0) < $8::int)
on conflict (org_id, kind, period) do nothing
