-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ notifyAccountsOf town
-- #1 (4 parameters)
insert into notification (account_id, kind, title, body)
select a.id, $1, $2, $3
from org v
join account a on a.scope_org_id = (string_to_array(trim(both '/'
      from v.path), '/'))[3]::bigint and a.role in ('secretary', 'org_admin') and not a.disabled
where v.id = $4

-- @ notifyAccountsOf village
-- #1 (4 parameters)
insert into notification (account_id, kind, title, body)
select a.id, $1, $2, $3
from org v
join account a on a.scope_org_id = (string_to_array(trim(both '/'
      from v.path), '/'))[4]::bigint and a.role in ('secretary', 'org_admin') and not a.disabled
where v.id = $4
