-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ accountsPage
-- #1 (6 parameters)
select "account"."id", "account"."username", "account"."display_name", "account"."role", "account"."scope_org_id", "account_org"."name" as "scope_org_name", "account"."locked_until", "account"."disabled", "account"."must_change_password", "account"."approval"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4)
order by "account"."username"
limit $5
offset $6
-- #2 (4 parameters)
select count(*)::int as "n"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4)

-- @ accountsPage.filtered
-- #1 (10 parameters)
select "account"."id", "account"."username", "account"."display_name", "account"."role", "account"."scope_org_id", "account_org"."name" as "scope_org_name", "account"."locked_until", "account"."disabled", "account"."must_change_password", "account"."approval"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4) and "account"."locked_until" > $5 and "account"."role" = $6 and ("account"."username" like $7 or "account"."display_name" like $8)
order by "account"."username"
limit $9
offset $10
-- #2 (8 parameters)
select count(*)::int as "n"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4) and "account"."locked_until" > $5 and "account"."role" = $6 and ("account"."username" like $7 or "account"."display_name" like $8)

-- @ clearLock
-- #1 (3 parameters)
update "account"
set "locked_until" = $1, "failed_attempts" = $2
where "id" = $3

-- @ insertAccount
-- #1 (7 parameters)
insert into "account" ("username", "display_name", "role", "scope_org_id", "password_hash", "must_change_password", "approval")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id", "username", "display_name", "role", "scope_org_id", "approval"

-- @ scopeOptions.code
-- #1 (3 parameters)
select "org"."id", "org"."code", "org"."name", "org"."level"
from "org"
where "org"."path" like $1 and "org"."code" like $2
order by "org"."depth", "org"."code"
limit $3

-- @ scopeOptions.name
-- #1 (3 parameters)
select "org"."id", "org"."code", "org"."name", "org"."level"
from "org"
where "org"."path" like $1 and "org"."name" like $2
order by "org"."depth", "org"."code"
limit $3

-- @ setDisabled
-- #1 (2 parameters)
update "account"
set "disabled" = $1
where "id" = $2

-- @ setTemporaryPassword
-- #1 (4 parameters)
update "account"
set "password_hash" = $1, "must_change_password" = $2, "password_changed_at" = $3
where "id" = $4

-- @ usernameTaken
-- #1 (1 parameter)
select "id"
from "account"
where "username" = $1
