-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ countMatches
-- #1 (3 parameters)
select count(*)::int as n
from ((select 1
    from civic_case c
    where ("c"."county_code" = $1)
    order by c.created_at desc
    limit 1001)
  union all (select 1
    from civic_case c
    where ("c"."reporter_account_id" = $2 and ("c"."county_code" = $3) is not true)
    order by c.created_at desc
    limit 1001)) as x

-- @ countMatches others
-- #1 (3 parameters)
select count(*)::int as n
from ((select 1
    from civic_case c
    where ("c"."reporter_account_id" = $1 and ("c"."county_code" = $2) is not true and c.state = any($3::text[]))
    order by c.step_deadline
    limit 1001)) as x

-- @ countMatches scope, no cap
-- #1 (4 parameters)
select count(*)::int as n
from ((select 1
    from civic_case c
    where ("c"."county_code" = $1 and (c.case_no = $2 or c.title like $3 or c.address like $4))
    order by c.created_at desc )) as x

-- @ estimatedCount
-- #1 (1 parameter)
explain (format json)
select 1
from civic_case c
where ("c"."county_code" = $1)

-- @ listPage createdAt
-- #1 (4 parameters)
select p.id, p.case_no, p.title, p.state, p.channel, p.category_code, (select cc.name_zh
  from case_category cc
  where cc.code = p.category_code) as category_name, p.grid_id, (select g.name
  from grid g
  where g.id = p.grid_id) as grid_name, (select t.name
  from org t
  where t.id = p.town_org_id) as town_name, (select dep.name
  from department dep
  where dep.id = p.department_id) as department_name, p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version, p.lng, p.lat, p.part, p.key_text
from (select *
  from ((select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."county_code" = $1)
      order by "c"."created_at" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $2 and ("c"."county_code" = $3) is not true)
      order by "c"."created_at" desc, c.id desc
      limit 6)) as u
  order by u.part, u.sort_key desc, u.id desc
  limit 6
  offset $4 ) as p
order by p.part, p.sort_key desc, p.id desc

-- @ listPage createdAt after a cursor
-- #1 (8 parameters)
select p.id, p.case_no, p.title, p.state, p.channel, p.category_code, (select cc.name_zh
  from case_category cc
  where cc.code = p.category_code) as category_name, p.grid_id, (select g.name
  from grid g
  where g.id = p.grid_id) as grid_name, (select t.name
  from org t
  where t.id = p.town_org_id) as town_name, (select dep.name
  from department dep
  where dep.id = p.department_id) as department_name, p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version, p.lng, p.lat, p.part, p.key_text
from (select *
  from ((select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."county_code" = $1 and ("c"."created_at", c.id) < ($2::timestamptz, $3::bigint))
      order by "c"."created_at" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $4 and ("c"."county_code" = $5) is not true and ("c"."created_at", c.id) < ($6::timestamptz, $7::bigint))
      order by "c"."created_at" desc, c.id desc
      limit 6)) as u
  order by u.part, u.sort_key desc, u.id desc
  limit 6
  offset $8 ) as p
order by p.part, p.sort_key desc, p.id desc

-- @ listPage deadline
-- #1 (7 parameters)
select p.id, p.case_no, p.title, p.state, p.channel, p.category_code, (select cc.name_zh
  from case_category cc
  where cc.code = p.category_code) as category_name, p.grid_id, (select g.name
  from grid g
  where g.id = p.grid_id) as grid_name, (select t.name
  from org t
  where t.id = p.town_org_id) as town_name, (select dep.name
  from department dep
  where dep.id = p.department_id) as department_name, p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version, p.lng, p.lat, p.part, p.key_text
from (select *
  from ((select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."step_deadline" as sort_key, "c"."step_deadline"::text as key_text
      from civic_case c
      where ("c"."county_code" = $1 and c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened'))
      order by "c"."step_deadline" asc, c.id asc
      limit 11)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 1 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."county_code" = $2 and c.state in ('rejected', 'closed', 'evaluated'))
      order by "c"."created_at" asc, c.id asc
      limit 11)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."step_deadline" as sort_key, "c"."step_deadline"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $3 and ("c"."county_code" = $4) is not true and c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened'))
      order by "c"."step_deadline" asc, c.id asc
      limit 11)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 1 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $5 and ("c"."county_code" = $6) is not true and c.state in ('rejected', 'closed', 'evaluated'))
      order by "c"."created_at" asc, c.id asc
      limit 11)) as u
  order by u.part, u.sort_key asc, u.id asc
  limit 6
  offset $7 ) as p
order by p.part, p.sort_key asc, p.id asc

-- @ listPage every filter
-- #1 (47 parameters)
select p.id, p.case_no, p.title, p.state, p.channel, p.category_code, (select cc.name_zh
  from case_category cc
  where cc.code = p.category_code) as category_name, p.grid_id, (select g.name
  from grid g
  where g.id = p.grid_id) as grid_name, (select t.name
  from org t
  where t.id = p.town_org_id) as town_name, (select dep.name
  from department dep
  where dep.id = p.department_id) as department_name, p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version, p.lng, p.lat, p.part, p.key_text
from (select *
  from ((select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."step_deadline" as sort_key, "c"."step_deadline"::text as key_text
      from civic_case c
      where ("c"."county_code" = $1 and c.state in ('dispatched') and c.channel = $2 and c.category_code like $3 and (c.case_no = $4 or c.title like $5 or c.address like $6) and c.town_org_id = $7 and c.department_id = $8 and c.created_at >= $9 and c.created_at < $10 and c.reporter_account_id = $11)
      order by "c"."step_deadline" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 1 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."county_code" = $12 and c.state in ('closed') and c.channel = $13 and c.category_code like $14 and (c.case_no = $15 or c.title like $16 or c.address like $17) and c.town_org_id = $18 and c.department_id = $19 and c.created_at >= $20 and c.created_at < $21 and c.reporter_account_id = $22)
      order by "c"."created_at" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."step_deadline" as sort_key, "c"."step_deadline"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $23 and ("c"."county_code" = $24) is not true and c.state in ('dispatched') and c.channel = $25 and c.category_code like $26 and (c.case_no = $27 or c.title like $28 or c.address like $29) and c.town_org_id = $30 and c.department_id = $31 and c.created_at >= $32 and c.created_at < $33 and c.reporter_account_id = $34)
      order by "c"."step_deadline" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 1 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $35 and ("c"."county_code" = $36) is not true and c.state in ('closed') and c.channel = $37 and c.category_code like $38 and (c.case_no = $39 or c.title like $40 or c.address like $41) and c.town_org_id = $42 and c.department_id = $43 and c.created_at >= $44 and c.created_at < $45 and c.reporter_account_id = $46)
      order by "c"."created_at" desc, c.id desc
      limit 6)) as u
  order by u.part, u.sort_key desc, u.id desc
  limit 6
  offset $47 ) as p
order by p.part, p.sort_key desc, p.id desc

-- @ listPage red light
-- #1 (6 parameters)
select p.id, p.case_no, p.title, p.state, p.channel, p.category_code, (select cc.name_zh
  from case_category cc
  where cc.code = p.category_code) as category_name, p.grid_id, (select g.name
  from grid g
  where g.id = p.grid_id) as grid_name, (select t.name
  from org t
  where t.id = p.town_org_id) as town_name, (select dep.name
  from department dep
  where dep.id = p.department_id) as department_name, p.urgent, p.created_at, p.step_deadline, p.step_yellow_at, p.light, p.supervision, p.version, p.lng, p.lat, p.part, p.key_text
from (select *
  from ((select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."county_code" = $1 and c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.step_deadline < $2)
      order by "c"."created_at" desc, c.id desc
      limit 6)
    union all (select c.id, c.case_no, c.title, c.state, c.channel, c.category_code, c.grid_id, c.town_org_id, c.department_id, c.urgent, c.created_at, c.step_deadline, c.step_yellow_at, c.light, c.supervision, c.version, c.lng, c.lat, 0 as part, "c"."created_at" as sort_key, "c"."created_at"::text as key_text
      from civic_case c
      where ("c"."reporter_account_id" = $3 and ("c"."county_code" = $4) is not true and c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.step_deadline < $5)
      order by "c"."created_at" desc, c.id desc
      limit 6)) as u
  order by u.part, u.sort_key desc, u.id desc
  limit 6
  offset $6 ) as p
order by p.part, p.sort_key desc, p.id desc
