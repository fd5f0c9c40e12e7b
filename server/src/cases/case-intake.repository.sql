-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ caseOfKey client request
-- #1 (1 parameter)
select "id", "case_no", "state", "external_content_hash", "tracking_code_enc"
from "civic_case"
where "client_request_id" = $1

-- @ caseOfKey external
-- #1 (2 parameters)
select "id", "case_no", "state", "external_content_hash", "tracking_code_enc"
from "civic_case"
where "external_system" = $1 and "external_id" = $2

-- @ insertCase
-- #1 (13 parameters)
insert into "civic_case" ("case_no", "channel", "client_request_id", "title", "grid_id", "village_org_id", "town_org_id", "county_code", "reporter_account_id", "step", "step_started_at", "created_at", "updated_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
returning "id", "case_no", "state"

-- @ insertStep
-- #1 (9 parameters)
insert into "case_step" ("case_id", "county_code", "action", "from_state", "to_state", "actor_id", "actor_role", "details", "at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)

-- @ linkPhotos
-- #1 (5 parameters)
update "case_attachment"
set "case_id" = $1, "county_code" = $2
where "id" in ($3, $4) and "case_id" is null and "uploaded_by" = $5
returning "id"

-- @ nextCaseSeq
-- #1 (0 parameters)
select nextval('civic_case_no_seq') as n

-- @ notifyDispatchers
-- #1 (4 parameters)
insert into notification (account_id, kind, title, body, case_id)
select id, 'case.report', $1, $2, $3
from account
where scope_org_id = any($4::bigint[]) and role in ('org_admin', 'secretary') and not disabled
