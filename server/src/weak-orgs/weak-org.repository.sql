-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ addProgress
-- #1 (6 parameters)
insert into "rectification_progress" ("weak_org_id", "county_code", "action", "on_date", "note", "recorded_by")
values ($1, $2, $3, $4, $5, $6)

-- @ insertWeakOrgs
-- #1 (7 parameters)
insert into "weak_org" ("org_id", "town_org_id", "county_code", "year", "reasons", "listed_by", "listed_on")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id", "county_code", "listed_on"
-- #2 (6 parameters)
insert into "rectification_progress" ("weak_org_id", "county_code", "action", "on_date", "note", "recorded_by")
values ($1, $2, $3, $4, $5, $6)

-- @ lastPublishedAssessments
-- #1 (3 parameters)
select distinct on ("assessment"."org_id") "assessment"."org_id", "assessment"."year", "assessment"."rank", "assessment"."group_size", "assessment"."category"
from "assessment"
inner join "org" as "assessed_org" on "assessed_org"."id" = "assessment"."org_id"
inner join "assessment_round" on "assessment_round"."id" = "assessment"."round_id"
where "assessed_org"."path" like $1 and "assessed_org"."path" like $2 and "assessment_round"."state" = $3
order by "assessment"."org_id", "assessment"."year" desc

-- @ latestVillageTerms
-- #1 (1 parameter)
select distinct on ("org_id") "org_id", "elected_on", "term_years"
from "org_term"
where "org_id" = any($1::bigint[])
order by "org_id", "elected_on" desc, "id" desc

-- @ ledgerParts
-- #1 (1 parameter)
select *
from "rectification_problem"
where "weak_org_id" = $1
order by "seq"
-- #2 (1 parameter)
select "rectification_progress".*, "account"."display_name" as "recorded_by_name"
from "rectification_progress"
left join "account" on "account"."id" = "rectification_progress"."recorded_by"
where "weak_org_id" = $1
order by "rectification_progress"."id"

-- @ listedOfYear
-- #1 (3 parameters)
select "org_id"
from "weak_org"
where "org_id" in ($1, $2) and "year" = $3

-- @ markProblemDone
-- #1 (4 parameters)
update "rectification_problem"
set "done_on" = $1, "evidence" = $2
where "id" = $3 and "weak_org_id" = $4

-- @ recruitmentRecordsSince
-- #1 (2 parameters)
select min(recruitment_step.occurred_on)::text as "first"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
inner join "recruitment_step" on "recruitment_step"."recruitment_id" = "recruitment"."id"
where "recruitment_org"."path" like $1 and "recruitment_org"."path" like $2

-- @ replaceProblems
-- #1 (1 parameter)
delete
from "rectification_problem"
where "weak_org_id" = $1
-- #2 (6 parameters)
insert into "rectification_problem" ("weak_org_id", "county_code", "seq", "problem", "measure", "deadline")
values ($1, $2, $3, $4, $5, $6)

-- @ updateWeakOrg
-- #1 (4 parameters)
update "weak_org"
set "state" = $1, "plan" = $2, "version" = version + 1
where "id" = $3 and "version" = $4

-- @ weakOrgCounts
-- #1 (2 parameters)
select nullif(split_part(weak_org_org.path, '/', 4), '')::bigint as "child_id", "weak_org"."state", count(*) as "n"
from "weak_org"
inner join "org" as "weak_org_org" on "weak_org_org"."id" = "weak_org"."org_id"
where "weak_org_org"."path" like $1 and "weak_org_org"."path" like $2
group by nullif(split_part(weak_org_org.path, '/', 4), '')::bigint, "weak_org"."state"

-- @ weakOrgCounts year
-- #1 (3 parameters)
select nullif(split_part(weak_org_org.path, '/', 4), '')::bigint as "child_id", "weak_org"."state", count(*) as "n"
from "weak_org"
inner join "org" as "weak_org_org" on "weak_org_org"."id" = "weak_org"."org_id"
where "weak_org_org"."path" like $1 and "weak_org_org"."path" like $2 and "weak_org"."year" = $3
group by nullif(split_part(weak_org_org.path, '/', 4), '')::bigint, "weak_org"."state"

-- @ weakOrgsOf
-- #1 (2 parameters)
select "weak_org".*, "weak_org_org"."name" as "org_name", "weak_org_org"."code" as "org_code", "weak_org_org"."path" as "org_path", "weak_town"."name" as "town_name", (select count(*)::int as "n"
  from "rectification_problem"
  where "rectification_problem"."weak_org_id" = "weak_org"."id") as "problems", (select count(*)::int as "n"
  from "rectification_problem"
  where "rectification_problem"."weak_org_id" = "weak_org"."id" and "rectification_problem"."done_on" is not null) as "problems_done"
from "weak_org"
inner join "org" as "weak_org_org" on "weak_org_org"."id" = "weak_org"."org_id"
inner join "org" as "weak_town" on "weak_town"."id" = "weak_org"."town_org_id"
where "weak_org_org"."path" like $1 and "weak_org_org"."path" like $2
order by "weak_org"."year" desc, "weak_org_org"."code"

-- @ weakOrgsOf year, state and town
-- #1 (5 parameters)
select "weak_org".*, "weak_org_org"."name" as "org_name", "weak_org_org"."code" as "org_code", "weak_org_org"."path" as "org_path", "weak_town"."name" as "town_name", (select count(*)::int as "n"
  from "rectification_problem"
  where "rectification_problem"."weak_org_id" = "weak_org"."id") as "problems", (select count(*)::int as "n"
  from "rectification_problem"
  where "rectification_problem"."weak_org_id" = "weak_org"."id" and "rectification_problem"."done_on" is not null) as "problems_done"
from "weak_org"
inner join "org" as "weak_org_org" on "weak_org_org"."id" = "weak_org"."org_id"
inner join "org" as "weak_town" on "weak_town"."id" = "weak_org"."town_org_id"
where "weak_org_org"."path" like $1 and "weak_org_org"."path" like $2 and "weak_org"."year" = $3 and "weak_org"."state" = $4 and "weak_org"."town_org_id" = $5
order by "weak_org"."year" desc, "weak_org_org"."code"
