-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ insertReport
-- #1 (9 parameters)
insert into "community_report" ("community_org_id", "county_code", "reporter_kind", "member_id", "unit_org_id", "year", "reported_on", "note", "created_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning "id"

-- @ insertService
-- #1 (6 parameters)
insert into "community_service" ("report_id", "county_code", "served_on", "hours", "content", "recorded_by")
values ($1, $2, $3, $4, $5, $6)
returning "id"

-- @ setAssessment
-- #1 (3 parameters)
update "community_report"
set "assessment" = $1, "assessed_on" = $2
where "id" = $3
