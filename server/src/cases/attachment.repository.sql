-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ attachmentById
-- #1 (1 parameter)
select "id", "case_id", "mime", "storage_key", "uploaded_by"
from "case_attachment"
where "id" = $1

-- @ caseInScope
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (3 parameters)
select "civic_case"."id"
from "civic_case"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $1))) or "civic_case"."reporter_account_id" = $2) and "civic_case"."id" = $3

-- @ insertAttachment
-- #1 (8 parameters)
insert into "case_attachment" ("case_id", "county_code", "kind", "mime", "bytes", "sha256", "storage_key", "uploaded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
returning "id"
