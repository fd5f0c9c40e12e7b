-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ ownNotification
-- #1 (2 parameters)
select "id", "read_at"
from "notification"
where "id" = $1 and "account_id" = $2

-- @ setAllRead
-- #1 (2 parameters)
update "notification"
set "read_at" = $1
where "account_id" = $2 and "read_at" is null
returning "id"

-- @ setRead
-- #1 (2 parameters)
update "notification"
set "read_at" = $1
where "id" = $2

-- @ setSmsEnabled
-- #1 (3 parameters)
update "sms_contact"
set "enabled" = $1, "updated_at" = $2
where "account_id" = $3

-- @ smsContactOf
-- #1 (1 parameter)
select "phone_masked", "enabled", "updated_at"
from "sms_contact"
where "account_id" = $1

-- @ unreadCountOf
-- #1 (1 parameter)
select count(*) as "n"
from "notification"
where "account_id" = $1 and "read_at" is null

-- @ upsertSmsContact
-- #1 (9 parameters)
insert into "sms_contact" ("account_id", "phone_enc", "phone_masked", "enabled", "updated_at")
values ($1, $2, $3, $4, $5)
on conflict ("account_id") do update
set "phone_enc" = $6, "phone_masked" = $7, "enabled" = $8, "updated_at" = $9
