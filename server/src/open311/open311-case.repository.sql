-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ caseDeadlines
-- #1 (1 parameter)
select "respond_by", "due_at"
from "civic_case"
where "id" = $1

-- @ latestPublicSteps
-- #1 (3 parameters)
select distinct on ("case_step"."case_id") "case_step"."case_id", "case_step"."action", "case_step"."at"
from "case_step"
where "case_step"."case_id" in ($1, $2) and "case_step"."action" != $3
order by "case_step"."case_id", "case_step"."at" desc, "case_step"."id" desc

-- @ mergeReportDetails
-- #1 (3 parameters)
update "case_step"
set "details" = coalesce(details, '{}'::jsonb) || $1::jsonb
where "case_id" = $2 and "action" = $3

-- @ publicCaseNo
-- #1 (5 parameters)
select "civic_case"."case_no"
from "civic_case"
where "civic_case"."channel" in ($1, $2, $3, $4) and "civic_case"."case_no" = $5

-- @ reportDetails
-- #1 (3 parameters)
select "case_id", "details"
from "case_step"
where "case_id" in ($1, $2) and "action" = $3

-- @ requestByCaseNo
-- #1 (5 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."state", "civic_case"."channel", "civic_case"."category_code", "case_category"."name_zh" as "service_name", "civic_case"."description", "civic_case"."address", "civic_case"."lng", "civic_case"."lat", "civic_case"."reporter_name", "civic_case"."rejection_reason", "department"."name" as "department_name", "village_division"."name" as "village_name", "town_division"."name" as "town_name", "county_division"."name" as "county_name", "civic_case"."created_at", "civic_case"."updated_at", "civic_case"."closed_at", "civic_case"."due_at"
from "civic_case"
left join "case_category" on "case_category"."code" = "civic_case"."category_code"
left join "department" on "department"."id" = "civic_case"."department_id"
left join "org" as "village" on "village"."id" = "civic_case"."village_org_id"
left join "org" as "town" on "town"."id" = "civic_case"."town_org_id"
left join "division" as "village_division" on "village_division"."code" = "village"."division_code"
left join "division" as "town_division" on "town_division"."code" = "town"."division_code"
left join "division" as "county_division" on "county_division"."code" = "civic_case"."county_code"
where "civic_case"."channel" in ($1, $2, $3, $4) and "civic_case"."case_no" = $5

-- @ requestRows by case numbers
-- #1 (7 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."state", "civic_case"."channel", "civic_case"."category_code", "case_category"."name_zh" as "service_name", "civic_case"."description", "civic_case"."address", "civic_case"."lng", "civic_case"."lat", "civic_case"."reporter_name", "civic_case"."rejection_reason", "department"."name" as "department_name", "village_division"."name" as "village_name", "town_division"."name" as "town_name", "county_division"."name" as "county_name", "civic_case"."created_at", "civic_case"."updated_at", "civic_case"."closed_at", "civic_case"."due_at"
from "civic_case"
left join "case_category" on "case_category"."code" = "civic_case"."category_code"
left join "department" on "department"."id" = "civic_case"."department_id"
left join "org" as "village" on "village"."id" = "civic_case"."village_org_id"
left join "org" as "town" on "town"."id" = "civic_case"."town_org_id"
left join "division" as "village_division" on "village_division"."code" = "village"."division_code"
left join "division" as "town_division" on "town_division"."code" = "town"."division_code"
left join "division" as "county_division" on "county_division"."code" = "civic_case"."county_code"
where "civic_case"."channel" in ($1, $2, $3, $4) and "civic_case"."case_no" in ($5, $6)
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $7

-- @ requestRows in a window
-- #1 (7 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."state", "civic_case"."channel", "civic_case"."category_code", "case_category"."name_zh" as "service_name", "civic_case"."description", "civic_case"."address", "civic_case"."lng", "civic_case"."lat", "civic_case"."reporter_name", "civic_case"."rejection_reason", "department"."name" as "department_name", "village_division"."name" as "village_name", "town_division"."name" as "town_name", "county_division"."name" as "county_name", "civic_case"."created_at", "civic_case"."updated_at", "civic_case"."closed_at", "civic_case"."due_at"
from "civic_case"
left join "case_category" on "case_category"."code" = "civic_case"."category_code"
left join "department" on "department"."id" = "civic_case"."department_id"
left join "org" as "village" on "village"."id" = "civic_case"."village_org_id"
left join "org" as "town" on "town"."id" = "civic_case"."town_org_id"
left join "division" as "village_division" on "village_division"."code" = "village"."division_code"
left join "division" as "town_division" on "town_division"."code" = "town"."division_code"
left join "division" as "county_division" on "county_division"."code" = "civic_case"."county_code"
where "civic_case"."channel" in ($1, $2, $3, $4) and "civic_case"."created_at" >= $5 and "civic_case"."created_at" <= $6
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $7

-- @ requestRows with categories and states
-- #1 (10 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."state", "civic_case"."channel", "civic_case"."category_code", "case_category"."name_zh" as "service_name", "civic_case"."description", "civic_case"."address", "civic_case"."lng", "civic_case"."lat", "civic_case"."reporter_name", "civic_case"."rejection_reason", "department"."name" as "department_name", "village_division"."name" as "village_name", "town_division"."name" as "town_name", "county_division"."name" as "county_name", "civic_case"."created_at", "civic_case"."updated_at", "civic_case"."closed_at", "civic_case"."due_at"
from "civic_case"
left join "case_category" on "case_category"."code" = "civic_case"."category_code"
left join "department" on "department"."id" = "civic_case"."department_id"
left join "org" as "village" on "village"."id" = "civic_case"."village_org_id"
left join "org" as "town" on "town"."id" = "civic_case"."town_org_id"
left join "division" as "village_division" on "village_division"."code" = "village"."division_code"
left join "division" as "town_division" on "town_division"."code" = "town"."division_code"
left join "division" as "county_division" on "county_division"."code" = "civic_case"."county_code"
where "civic_case"."channel" in ($1, $2, $3, $4) and "civic_case"."created_at" >= $5 and "civic_case"."created_at" <= $6 and "civic_case"."category_code" in ($7, $8) and "civic_case"."state" in ($9)
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $10
