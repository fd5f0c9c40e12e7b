-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ classifierInfos
-- #1 (0 parameters)
select "version", "trained_at", "trained_by", "sample_count", "holdout_count", "accuracy", "top3_accuracy", "department_accuracy", "training_ms"
from "case_classifier"
order by "version" desc

-- @ classifierModelOf
-- #1 (1 parameter)
select "model"
from "case_classifier"
where "version" = $1

-- @ closedCaseSamples
-- #1 (3 parameters)
select "civic_case"."id", "civic_case"."title", "civic_case"."description", "civic_case"."category_code", "department"."kind" as "department_kind"
from "civic_case"
left join "department" on "department"."id" = "civic_case"."department_id"
where "civic_case"."state" in ($1, $2) and "civic_case"."category_code" is not null
order by "civic_case"."closed_at" desc, "civic_case"."id" desc
limit $3

-- @ deleteClassifiersUpTo
-- #1 (1 parameter)
delete
from "case_classifier"
where "version" <= $1

-- @ duplicateCandidates
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (11 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."title", "civic_case"."description", "civic_case"."state", "civic_case"."lng", "civic_case"."lat", "civic_case"."created_at"
from "civic_case"
where (civic_case.grid_id in ((select "scope_grid"."id"
      from "grid" as "scope_grid"
      inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
      where "scope_org"."path" like $1)) or "civic_case"."reporter_account_id" = $2) and "civic_case"."category_code" in ($3) and "civic_case"."created_at" >= $4 and "civic_case"."state" != $5 and "civic_case"."lat" >= $6 and "civic_case"."lat" <= $7 and "civic_case"."lng" >= $8 and "civic_case"."lng" <= $9 and "civic_case"."id" != $10
order by "civic_case"."created_at" desc
limit $11

-- @ insertClassifier
-- #1 (10 parameters)
insert into "case_classifier" ("version", "trained_at", "trained_by", "sample_count", "holdout_count", "accuracy", "top3_accuracy", "department_accuracy", "training_ms", "model")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
returning "version", "trained_at", "trained_by", "sample_count", "holdout_count", "accuracy", "top3_accuracy", "department_accuracy", "training_ms"

-- @ maxClassifierVersion
-- #1 (0 parameters)
select max("version") as "v"
from "case_classifier"

-- @ newestClassifierInfo
-- #1 (1 parameter)
select "version", "trained_at", "trained_by", "sample_count", "holdout_count", "accuracy", "top3_accuracy", "department_accuracy", "training_ms"
from "case_classifier"
order by "version" desc
limit $1

-- @ orgLevel
-- #1 (1 parameter)
select "level"
from "org"
where "id" = $1
