-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ cappedRecruitments
-- #1 (3 parameters)
select 1 as "one"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2
order by "recruitment"."last_step_on" desc
limit $3
-- #2 (3 parameters)
select count(*)::int as "n"
from (select 1 as "one"
  from "recruitment"
  inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
  inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
  where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2
  order by "recruitment"."last_step_on" desc
  limit $3) as "capped"

-- @ countsByStage
-- #1 (2 parameters)
select "s"."stage", coalesce(sum(s.active), 0)::int as "n"
from "org"
inner join "recruitment_stage_stat" as "s" on "s"."org_id" = "org"."id"
where "org"."path" like $1 and "org"."path" like $2
group by "s"."stage"

-- @ estimateRecruitments
-- #1 (2 parameters)
select 1 as "one"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2
-- #2 (2 parameters)
explain (format json) (select 1 as "one"
  from "recruitment"
  inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
  inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
  where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2)

-- @ listRecruitments
-- #1 (4 parameters)
select "recruitment"."id", "recruitment"."applicant_id", "recruitment"."org_id", "recruitment"."county_code", "recruitment"."status", "recruitment"."stage", "recruitment"."last_step", "recruitment"."applied_on", "recruitment"."last_step_on", "recruitment"."talk_late", "recruitment"."probation_ends_on", "recruitment"."extension_months", "recruitment"."due_on", "recruitment"."due_kind", "recruitment"."member_id", "recruitment"."closed_on", "recruitment"."closed_reason", "recruitment"."version", "applicant"."name", "applicant"."gender", "applicant"."ethnicity", "applicant"."birth_date", "applicant"."id_number_masked", "applicant"."phone_masked", "applicant"."education", "applicant"."occupation", "recruitment_org"."name" as "org_name", "recruitment_org"."path" as "org_path"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2
order by "recruitment"."last_step_on" desc, "recruitment"."id" desc
limit $3
offset $4

-- @ listRecruitments after
-- #1 (6 parameters)
select "recruitment"."id", "recruitment"."applicant_id", "recruitment"."org_id", "recruitment"."county_code", "recruitment"."status", "recruitment"."stage", "recruitment"."last_step", "recruitment"."applied_on", "recruitment"."last_step_on", "recruitment"."talk_late", "recruitment"."probation_ends_on", "recruitment"."extension_months", "recruitment"."due_on", "recruitment"."due_kind", "recruitment"."member_id", "recruitment"."closed_on", "recruitment"."closed_reason", "recruitment"."version", "applicant"."name", "applicant"."gender", "applicant"."ethnicity", "applicant"."birth_date", "applicant"."id_number_masked", "applicant"."phone_masked", "applicant"."education", "applicant"."occupation", "recruitment_org"."name" as "org_name", "recruitment_org"."path" as "org_path"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2 and (recruitment.last_step_on, recruitment.id) < ($3::date, $4::bigint)
order by "recruitment"."last_step_on" desc, "recruitment"."id" desc
limit $5
offset $6

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
