-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ activeWebhookSystem
-- #1 (2 parameters)
select "id", "webhook_url"
from "external_system"
where "code" = $1 and "active" = $2

-- @ claimDue
-- #1 (4 parameters)
select "d"."id", "d"."system_id", "d"."event", "d"."payload", "d"."attempts"
from "webhook_delivery" as "d"
where "d"."delivered_at" is null and "d"."attempts" < $1 and "d"."next_attempt_at" <= $2 and not exists (select 1 as "one"
  from "webhook_delivery" as "e"
  where "e"."case_id" = "d"."case_id" and "e"."id" < "d"."id" and "e"."delivered_at" is null and "e"."attempts" < $3)
order by "d"."id"
limit $4
for update skip locked
-- #2 (3 parameters)
update "webhook_delivery"
set "attempts" = "attempts" + $1, "next_attempt_at" = $2
where "id" in ($3)

-- @ deliveryTargets
-- #1 (1 parameter)
select "id", "webhook_url", "webhook_secret_enc", "active"
from "external_system"
where "id" in ($1)

-- @ insertDelivery
-- #1 (6 parameters)
insert into "webhook_delivery" ("system_id", "case_id", "county_code", "event", "payload", "next_attempt_at")
values ($1, $2, $3, $4, $5, $6)
returning "id"

-- @ pendingOf
-- #1 (2 parameters)
select count(*) as "n", min("next_attempt_at") as "next"
from "webhook_delivery"
where "system_id" = $1 and "delivered_at" is null and "attempts" < $2

-- @ recentFailuresOf
-- #1 (2 parameters)
select "id", "event", "attempts", "last_error", "created_at"
from "webhook_delivery"
where "system_id" = $1 and "delivered_at" is null and "last_error" is not null
order by "id" desc
limit $2

-- @ setWebhook
-- #1 (3 parameters)
update "external_system"
set "webhook_url" = $1, "webhook_secret_enc" = $2
where "id" = $3

-- @ storeOutcome
-- #1 (4 parameters)
update "webhook_delivery"
set "delivered_at" = $1, "last_error" = $2
where "id" = $3 and "attempts" = $4 and "delivered_at" is null

-- @ webhookUrlOf
-- #1 (1 parameter)
select "webhook_url"
from "external_system"
where "id" = $1
