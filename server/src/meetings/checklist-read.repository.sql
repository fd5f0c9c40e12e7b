-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ completionByChild
-- #1 (4 parameters)
select "checklist_task"."org_id", "checklist_task"."org_path", count(*) as "total", count(checklist_task.done_on) as "done", count(*) filter (where checklist_task.done_on is null and checklist_item.due_on < $1) as "overdue"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
where "checklist_task"."org_path" like $2 and "checklist_task"."checklist_id" = $3 and "checklist_task"."org_path" like $4
group by "checklist_task"."org_id", "checklist_task"."org_path"
-- #2 (4 parameters)
select split_part(x.org_path, '/', 4) as "child", count(*) as "branches", count(*) filter (where x.done = x.total) as "branches_done", count(*) filter (where x.overdue > 0) as "branches_overdue", sum(x.total) as "total", sum(x.done) as "done"
from (select "checklist_task"."org_id", "checklist_task"."org_path", count(*) as "total", count(checklist_task.done_on) as "done", count(*) filter (where checklist_task.done_on is null and checklist_item.due_on < $1) as "overdue"
  from "checklist_task"
  inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
  where "checklist_task"."org_path" like $2 and "checklist_task"."checklist_id" = $3 and "checklist_task"."org_path" like $4
  group by "checklist_task"."org_id", "checklist_task"."org_path") as "x"
group by split_part(x.org_path, '/', 4)

-- @ itemsOf
-- #1 (1 parameter)
select *
from "checklist_item"
where "checklist_id" in ($1)
order by "checklist_id", "seq"

-- @ orgsNamed
-- #1 (2 parameters)
select "org"."id", "org"."name", "org"."level", "org"."sort_order", "org"."code"
from "org"
where "org"."path" like $1 and "org"."id" in ($2)

-- @ overdueOrgs
-- #1 (5 parameters)
select "org"."id", "org"."name", "org"."code", count(*) as "overdue", max(checklist_task.reminded_at) as "remindedAt"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
inner join "org" on "org"."id" = "checklist_task"."org_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."checklist_id" = $2 and "checklist_task"."org_path" like $3 and "checklist_task"."done_on" is null and "checklist_item"."due_on" < $4
group by "org"."id", "org"."name", "org"."code", "org"."path"
order by "org"."path"
limit $5

-- @ taskCounts
-- #1 (2 parameters)
select "checklist_task"."checklist_id", count(*) as "total", count(checklist_task.done_on) as "done"
from "checklist_task"
where "checklist_task"."org_path" like $1 and "checklist_task"."checklist_id" in ($2)
group by "checklist_task"."checklist_id"

-- @ tasksOfOrg
-- #1 (4 parameters)
select "checklist_task"."id", "checklist_task"."checklist_id" as "checklistId", "monthly_checklist"."month", "monthly_checklist"."title" as "checklistTitle", "issuer"."name" as "issuerName", "checklist_item"."seq", "checklist_item"."title", "checklist_item"."description", "checklist_item"."kinds", "checklist_item"."due_on" as "dueOn", "checklist_task"."done_on" as "doneOn", "checklist_task"."meeting_id" as "meetingId", "meeting"."topic" as "meetingTopic", "meeting"."held_on" as "meetingHeldOn"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
inner join "monthly_checklist" on "monthly_checklist"."id" = "checklist_task"."checklist_id"
inner join "org" as "issuer" on "issuer"."id" = "monthly_checklist"."issuer_org_id"
left join "meeting" on "meeting"."id" = "checklist_task"."meeting_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."org_id" = $2 and "monthly_checklist"."month" = $3
order by "monthly_checklist"."month" desc, "checklist_task"."checklist_id", "checklist_item"."seq"
limit $4

-- @ visibleChecklistRow
-- #1 (4 parameters)
select "monthly_checklist".*, "issuer"."name" as "issuer_name", "issuer"."path" as "issuer_path"
from "monthly_checklist"
inner join "org" as "issuer" on "issuer"."id" = "monthly_checklist"."issuer_org_id"
where ("issuer"."path" like $1 or ("monthly_checklist"."status" = $2 and $3 like issuer.path || '%')) and "monthly_checklist"."id" = $4

-- @ visibleChecklists
-- #1 (5 parameters)
select "monthly_checklist"."id", "monthly_checklist"."month", "monthly_checklist"."title", "monthly_checklist"."note", "monthly_checklist"."status", "monthly_checklist"."target_count" as "targetCount", "monthly_checklist"."published_at" as "publishedAt", "monthly_checklist"."issuer_org_id" as "issuerOrgId", "issuer"."name" as "issuerName"
from "monthly_checklist"
inner join "org" as "issuer" on "issuer"."id" = "monthly_checklist"."issuer_org_id"
where ("issuer"."path" like $1 or ("monthly_checklist"."status" = $2 and $3 like issuer.path || '%')) and "monthly_checklist"."month" = $4
order by "monthly_checklist"."month" desc, "monthly_checklist"."id" desc
limit $5
