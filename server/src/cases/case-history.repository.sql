-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ caseOnceOfDepartment
-- #1 (4 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."state", "civic_case"."version"
from "civic_case"
where "civic_case"."id" = $1 and (exists (select 1 as "one"
    from "case_step"
    where "case_step"."case_id" = "civic_case"."id" and "case_step"."action" = $2 and case_step.details->>'departmentId' = $3) or exists (select 1 as "one"
    from "case_summons"
    where "case_summons"."case_id" = "civic_case"."id" and "case_summons"."department_id" = $4))
