-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ deleteSession
-- #1 (1 parameter)
delete
from "session"
where "token_hash" = $1

-- @ deleteSessionsOf
-- #1 (1 parameter)
delete
from "session"
where "account_id" = $1

-- @ deleteStaleSessions
-- #1 (0 parameters)
delete
from session
where last_seen_at < now() - interval '1 day'

-- @ insertSession
-- #1 (4 parameters)
insert into "session" ("token_hash", "account_id", "csrf_token", "client_ip")
values ($1, $2, $3, $4)

-- @ sessionWithAccount
-- #1 (1 parameter)
select "session"."csrf_token", "session"."last_seen_at", "account"."id" as "account_id", "account"."username", "account"."display_name", "account"."role", "account"."scope_org_id", "account"."must_change_password", "account"."disabled", "account"."approval", "org"."path" as "scope_path", "org"."county_code" as "scope_county_code"
from "session"
inner join "account" on "account"."id" = "session"."account_id"
inner join "org" on "org"."id" = "account"."scope_org_id"
where "session"."token_hash" = $1

-- @ touchSession
-- #1 (2 parameters)
update "session"
set "last_seen_at" = $1
where "token_hash" = $2
