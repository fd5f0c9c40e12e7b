-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ claimDue
-- #1 (3 parameters)
select "id", "template", "params", "phone_enc", "attempts"
from "sms_message"
where "state" = $1 and "next_attempt_at" <= $2
order by "id"
limit $3
for update skip locked
-- #2 (3 parameters)
update "sms_message"
set "attempts" = "attempts" + $1, "next_attempt_at" = $2
where "id" in ($3)

-- @ departmentPhones
-- #1 (4 parameters)
select "sc"."account_id", "sc"."phone_enc", "sc"."phone_masked"
from "department_account" as "da"
inner join "sms_contact" as "sc" on "sc"."account_id" = "da"."account_id"
inner join "account" as "a" on "a"."id" = "da"."account_id"
where "da"."department_id" in ($1, $2) and "sc"."enabled" = $3 and "a"."disabled" = $4

-- @ insertMessages
-- #1 (8 parameters)
insert into "sms_message" ("template", "params", "phone_enc", "phone_masked", "account_id", "case_id", "county_code", "event")
values ($1, $2, $3, $4, $5, $6, $7, $8)

-- @ storeOutcome
-- #1 (7 parameters)
update "sms_message"
set "state" = $1, "sent_at" = $2, "provider_message_id" = $3, "last_error" = $4
where "id" = $5 and "attempts" = $6 and "state" = $7
