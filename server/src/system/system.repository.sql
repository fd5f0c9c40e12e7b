-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ databaseAnswers
-- #1 (0 parameters)
select "lane"
from "audit_head"

-- @ demoLogins
-- #1 (1 parameter)
select "account"."username", "org"."name"
from "account"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "account"."username" = $1
order by "account"."username"
-- #2 (1 parameter)
select "account"."username", "org"."name"
from "account"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "account"."username" = $1
order by "account"."username"
-- #3 (2 parameters)
select "account"."username", "org"."name"
from "account"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "org"."level" = $1 and "account"."username" like $2
order by "account"."username"
-- #4 (2 parameters)
select "account"."username", "org"."name"
from "account"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "org"."level" = $1 and "account"."username" like $2
order by "account"."username"
-- #5 (2 parameters)
select "account"."username", "org"."name"
from "account"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "org"."level" = $1 and "account"."username" like $2
order by "account"."username"

-- @ isEmpty
-- #1 (1 parameter)
select "id"
from "org"
limit $1
