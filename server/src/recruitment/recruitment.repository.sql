-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ objectionsOf
-- #1 (1 parameter)
select *
from "recruitment_objection"
where "recruitment_id" = $1
order by "id"

-- @ peopleOf
-- #1 (1 parameter)
select "recruitment_person"."role", "member"."id", "member"."name", "recruitment_person"."assigned_on"
from "recruitment_person"
inner join "member" on "member"."id" = "recruitment_person"."member_id"
where "recruitment_person"."recruitment_id" = $1

-- @ timelineOf
-- #1 (1 parameter)
select "recruitment_step"."id", "recruitment_step"."event", "recruitment_step"."step", "recruitment_step"."occurred_on", "recruitment_step"."note", "recruitment_step"."details", "recruitment_step"."attachments", "recruitment_step"."late", "recruitment_step"."recorded_at", "account"."display_name" as "recorded_by"
from "recruitment_step"
left join "account" on "account"."id" = "recruitment_step"."recorded_by"
where "recruitment_step"."recruitment_id" = $1
order by "recruitment_step"."occurred_on", "recruitment_step"."id"

-- @ trainingsOf
-- #1 (1 parameter)
select "id", "title", "provider", "starts_on", "ends_on", "hours"
from "recruitment_training"
where "applicant_id" = $1
order by "starts_on"

-- @ votesOf
-- #1 (1 parameter)
select *
from "recruitment_vote"
where "recruitment_id" = $1
