-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ attachmentOwners
-- #1 (1 parameter)
select "id", "case_id", "uploaded_by"
from "case_attachment"
where "id" in ($1)

-- @ caseVersion
-- #1 (1 parameter)
select "version", "state"
from "civic_case"
where "id" = $1

-- @ departmentAccounts
-- #1 (1 parameter)
select "account_id"
from "department_account"
where "department_id" in ($1)

-- @ departmentOfAccount
-- #1 (1 parameter)
select "department_id"
from "department_account"
where "account_id" = $1

-- @ dispatcherAccounts
-- #1 (3 parameters)
select "id"
from "account"
where "scope_org_id" in ($1) and "role" in ($2, $3)

-- @ gridWorkerAccounts
-- #1 (2 parameters)
select "account"."id"
from "account"
inner join "grid" on "grid"."org_id" = "account"."scope_org_id"
where "grid"."id" = $1 and "account"."role" = $2

-- @ insertCaseNotifications
-- #1 (5 parameters)
insert into "notification" ("account_id", "kind", "title", "body", "case_id")
values ($1, $2, $3, $4, $5)

-- @ insertStep
-- #1 (11 parameters)
insert into "case_step" ("case_id", "county_code", "action", "from_state", "to_state", "actor_id", "actor_role", "note", "attachments", "details", "at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)

-- @ insertSummons
-- #1 (5 parameters)
insert into "case_summons" ("case_id", "county_code", "department_id", "summoned_at", "report_deadline")
values ($1, $2, $3, $4, $5)

-- @ lastRequestedExtension
-- #1 (2 parameters)
select "details"
from "case_step"
where "case_id" = $1 and "action" = $2
order by "id" desc

-- @ linkAttachments
-- #1 (3 parameters)
update "case_attachment"
set "case_id" = $1, "county_code" = $2
where "id" in ($3) and "case_id" is null

-- @ raiseCaseVersion
-- #1 (3 parameters)
update "civic_case"
set "version" = "version" + $1, "updated_at" = $2
where "id" = $3

-- @ summonsOfCase
-- #1 (1 parameter)
select "department_id", "state"
from "case_summons"
where "case_id" = $1

-- @ summonsOfDepartment
-- #1 (2 parameters)
select *
from "case_summons"
where "case_id" = $1 and "department_id" = $2

-- @ updateCaseAtVersion
-- #1 (4 parameters)
update "civic_case"
set "updated_at" = $1, "version" = $2
where "id" = $3 and "version" = $4
returning "id"

-- @ updateSummons
-- #1 (6 parameters)
update "case_summons"
set "state" = $1, "reported_at" = $2, "done_at" = $3, "note" = $4
where "id" = $5 and "state" = $6
returning "id"
