-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ accountById
-- #1 (1 parameter)
select *
from "account"
where "id" = $1

-- @ accountByUsername
-- #1 (1 parameter)
select *
from "account"
where "username" = $1

-- @ countFailedSignIn
-- #1 (2 parameters)
update "account"
set "failed_attempts" = "failed_attempts" + $1
where "id" = $2
returning "failed_attempts"

-- @ lockAccount
-- #1 (3 parameters)
update "account"
set "failed_attempts" = $1, "locked_until" = $2
where "id" = $3

-- @ recordSignIn
-- #1 (3 parameters)
update "account"
set "failed_attempts" = $1, "locked_until" = $2
where "id" = $3

-- @ recordSignIn.expired
-- #1 (4 parameters)
update "account"
set "failed_attempts" = $1, "locked_until" = $2, "must_change_password" = $3
where "id" = $4

-- @ scopeOrg
-- #1 (1 parameter)
select "id", "code", "name", "short_name", "level", "category"
from "org"
where "id" = $1

-- @ setOwnPassword
-- #1 (4 parameters)
update "account"
set "password_hash" = $1, "must_change_password" = $2, "password_changed_at" = $3
where "id" = $4
