-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ calendarDays
-- #1 (0 parameters)
select "date", "kind"
from "work_calendar_day"
order by "date"

-- @ clearSuperviseAt
-- #1 (2 parameters)
update "civic_case"
set "supervise_at" = $1
where "id" = $2

-- @ dueCaseIds
-- #1 (2 parameters)
select "id"
from "civic_case"
where "supervise_at" <= $1
order by "supervise_at"
limit $2

-- @ lockDueCases
-- #1 (6 parameters)
select *
from "civic_case"
where "id" in ($1, $2, $3, $4, $5) and "supervise_at" <= $6
order by "id"
for update skip locked

-- @ lockJobState
-- #1 (1 parameter)
select "value"
from "job_state"
where "name" = $1
for update

-- @ markRunningStepsDue
-- #1 (0 parameters)
update "civic_case"
set "supervise_at" = now()
where "step_deadline" is not null

-- @ saveJobState
-- #1 (4 parameters)
insert into "job_state" ("name", "value")
values ($1, $2)
on conflict ("name") do update
set "value" = $3, "updated_at" = $4

-- @ storeStepInstants
-- #1 (7 parameters)
update "civic_case"
set "step_yellow_at" = $1, "supervise_at" = $2, "light" = $3, "supervision" = $4, "version" = "version" + $5, "updated_at" = $6
where "id" = $7
