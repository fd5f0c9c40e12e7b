-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ evidenceMeeting
-- #1 (2 parameters)
select "meeting"."id", "meeting"."org_id", "meeting"."kind", "meeting"."held_on"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting"."id" = $2

-- @ insertChecklist
-- #1 (6 parameters)
insert into "monthly_checklist" ("issuer_org_id", "county_code", "month", "title", "note", "created_by")
values ($1, $2, $3, $4, $5, $6)
returning "id"

-- @ insertItems
-- #1 (6 parameters)
insert into "checklist_item" ("checklist_id", "seq", "title", "description", "kinds", "due_on")
values ($1, $2, $3, $4, $5, $6)

-- @ insertTasks
-- #1 (7 parameters)
insert into "checklist_task" ("checklist_id", "item_id", "org_id", "org_path", "county_code")
select "checklist_item"."checklist_id", "checklist_item"."id", "org"."id" as "org_id", "org"."path", "org"."county_code"
from "org"
inner join "checklist_item" on "checklist_item"."checklist_id" = $1
where "org"."path" like $2 and ("org"."kind" in ($3, $4, $5, $6) or "org"."level" = $7)

-- @ issuedChecklist
-- #1 (2 parameters)
select "id"
from "monthly_checklist"
where "issuer_org_id" = $1 and "month" = $2

-- @ issuedChecklistForUpdate
-- #1 (2 parameters)
select "id", "status", "month"
from "monthly_checklist"
where "id" = $1 and "issuer_org_id" = $2
for update

-- @ itemCount
-- #1 (1 parameter)
select count(*) as "n"
from "checklist_item"
where "checklist_id" = $1

-- @ remindLate
-- #1 (4 parameters)
select "checklist_task"."org_id"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."checklist_id" = $2 and "checklist_task"."org_path" like $3 and "checklist_task"."done_on" is null and "checklist_item"."due_on" < $4
-- #2 (9 parameters)
insert into "notification" ("account_id", "kind", "title", "body")
select "account"."id", 'checklist_overdue' as "kind", $1 as "title", $2 as "body"
from "account"
where "account"."scope_org_id" in (select "checklist_task"."org_id"
  from "checklist_task"
  inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
  where "checklist_task"."org_path" like $3 and "checklist_task"."checklist_id" = $4 and "checklist_task"."org_path" like $5 and "checklist_task"."done_on" is null and "checklist_item"."due_on" < $6) and "account"."role" in ($7, $8) and "account"."disabled" = $9
-- #3 (4 parameters)
select "checklist_task"."org_id"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."checklist_id" = $2 and "checklist_task"."org_path" like $3 and "checklist_task"."done_on" is null and "checklist_item"."due_on" < $4
-- #4 (6 parameters)
update "checklist_task"
set "reminded_at" = $1
where "checklist_id" = $2 and "org_id" in (select "checklist_task"."org_id"
  from "checklist_task"
  inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
  where "checklist_task"."org_path" like $3 and "checklist_task"."checklist_id" = $4 and "checklist_task"."org_path" like $5 and "checklist_task"."done_on" is null and "checklist_item"."due_on" < $6) and "done_on" is null

-- @ setPublished
-- #1 (5 parameters)
update "monthly_checklist"
set "status" = $1, "published_at" = $2, "published_by" = $3, "target_count" = $4
where "id" = $5

-- @ setTaskDone
-- #1 (5 parameters)
update "checklist_task"
set "done_on" = $1, "meeting_id" = $2, "done_by" = $3, "done_at" = $4
where "id" = $5 and "done_on" is null

-- @ taskToMark
-- #1 (2 parameters)
select "checklist_task"."id", "checklist_task"."org_id", "checklist_task"."done_on", "checklist_task"."county_code", "checklist_item"."kinds", "monthly_checklist"."month"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
inner join "monthly_checklist" on "monthly_checklist"."id" = "checklist_task"."checklist_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."id" = $2
