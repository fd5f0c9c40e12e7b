-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ activeByStage
-- #1 (3 parameters)
select "recruitment"."stage", count(*) as "n"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2 and "recruitment"."status" = $3
group by "recruitment"."stage"

-- @ lastMeetings
-- #1 (3 parameters)
select "meeting"."id", "meeting"."kind", "meeting"."held_on", "meeting"."topic", "meeting"."expected", "meeting"."present", "meeting_org"."short_name" as "org_name"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting_org"."path" like $2
order by "meeting"."held_on" desc, "meeting"."id" desc
limit $3

-- @ meetingsBetween
-- #1 (4 parameters)
select count(*) as "n"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting_org"."path" like $2 and "meeting"."held_on" >= $3 and "meeting"."held_on" <= $4

-- @ membersByStatus
-- #1 (2 parameters)
select "member"."status", count(*) as "n"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2
group by "member"."status"

-- @ monthTasks
-- #1 (4 parameters)
select "checklist_task"."id", "checklist_task"."org_id", "task_org"."short_name" as "org_name", "checklist_item"."title", "checklist_item"."due_on", "checklist_task"."done_on", "checklist_task"."meeting_id"
from "checklist_task"
inner join "checklist_item" on "checklist_item"."id" = "checklist_task"."item_id"
inner join "monthly_checklist" on "monthly_checklist"."id" = "checklist_item"."checklist_id"
inner join "org" as "task_org" on "task_org"."id" = "checklist_task"."org_id"
where "checklist_task"."org_path" like $1 and "checklist_task"."org_path" like $2 and "monthly_checklist"."month" = $3
order by "checklist_item"."due_on", "checklist_task"."org_path"
limit $4
