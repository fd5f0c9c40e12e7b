-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ casePhotoIds
-- #1 (1 parameter)
select "id"
from "case_attachment"
where "case_id" = $1
order by "id"

-- @ caseRow
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (3 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."title", "civic_case"."state", "civic_case"."channel", "civic_case"."category_code", "case_category"."name_zh" as "category_name", "grid"."name" as "grid_name", "town"."name" as "town_name", "department"."name" as "department_name", "civic_case"."urgent", "civic_case"."created_at", "civic_case"."step_deadline", "civic_case"."step_yellow_at", "civic_case"."light", "civic_case"."supervision", "civic_case"."version", "civic_case"."lng", "civic_case"."lat", "grid"."code" as "grid_code", "village"."name" as "village_name"
from "civic_case"
left join "grid" on "grid"."id" = "civic_case"."grid_id"
left join "org" as "town" on "town"."id" = "civic_case"."town_org_id"
left join "department" on "department"."id" = "civic_case"."department_id"
left join "case_category" on "case_category"."code" = "civic_case"."category_code"
left join "org" as "village" on "village"."id" = "civic_case"."village_org_id"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $1))) or "civic_case"."reporter_account_id" = $2) and "civic_case"."id" = $3

-- @ caseSteps
-- #1 (1 parameter)
select "case_step"."action", "case_step"."from_state", "case_step"."to_state", "case_step"."actor_role", "case_step"."note", "case_step"."attachments", "case_step"."details", "case_step"."at", "account"."display_name"
from "case_step"
left join "account" on "account"."id" = "case_step"."actor_id"
where "case_step"."case_id" = $1
order by "case_step"."at", "case_step"."id"

-- @ caseSummons
-- #1 (1 parameter)
select "case_summons"."department_id", "department"."name", "case_summons"."state", "case_summons"."report_deadline", "case_summons"."reported_at", "case_summons"."done_at", "case_summons"."note"
from "case_summons"
inner join "department" on "department"."id" = "case_summons"."department_id"
where "case_summons"."case_id" = $1
order by "case_summons"."id"

-- @ notificationsOf
-- #1 (2 parameters)
select "id", "kind", "title", "body", "case_id", "created_at", "read_at"
from "notification"
where "account_id" = $1
order by "created_at" desc, "id" desc
limit $2

-- @ publicTimeline
-- #1 (2 parameters)
select "case_step"."case_id", "case_step"."action", "case_step"."at"
from "case_step"
where "case_step"."case_id" in ($1) and "case_step"."action" != $2
order by "case_step"."at", "case_step"."id"
