-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ caseCountsByVillage
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (2 parameters)
select "village_of_case"."id"
from "org" as "village_of_case"
where "village_of_case"."path" like $1 and "village_of_case"."level" = $2
-- #3 (10 parameters)
select "civic_case"."village_org_id", count(*)::int as "received", count(*) filter (where civic_case.responded_at is not null and civic_case.responded_at <= $1 and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by))::int as "respondedInTime", count(*) filter (where civic_case.state <> 'rejected' and ((civic_case.closed_at is not null and civic_case.closed_at <= $2) or civic_case.due_at <= $3))::int as "dueToClose", count(*) filter (where civic_case.state <> 'rejected' and civic_case.closed_at is not null and civic_case.closed_at <= $4 and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at))::int as "closedOnTime", count(*) filter (where civic_case.state <> 'rejected' and civic_case.evaluation is not null)::int as "evaluated", count(*) filter (where civic_case.state <> 'rejected' and civic_case.evaluation = 'satisfied')::int as "satisfied", count(*) filter (where civic_case.state <> 'rejected' and civic_case.evaluation = 'basically_satisfied')::int as "basicallySatisfied", count(*) filter (where civic_case.channel = 'petition')::int as "petitions"
from "civic_case"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $5))) or "civic_case"."reporter_account_id" = $6) and "civic_case"."village_org_id" in (select "village_of_case"."id"
  from "org" as "village_of_case"
  where "village_of_case"."path" like $7 and "village_of_case"."level" = $8) and "civic_case"."created_at" >= $9 and "civic_case"."created_at" < $10
group by "civic_case"."village_org_id"

-- @ villageCaseRecords due_to_close
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (7 parameters)
select count(*) as "n"
from "civic_case"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $1))) or "civic_case"."reporter_account_id" = $2) and "civic_case"."village_org_id" = $3 and "civic_case"."created_at" >= $4 and "civic_case"."created_at" < $5 and civic_case.state <> 'rejected' and ((civic_case.closed_at is not null and civic_case.closed_at <= $6) or civic_case.due_at <= $7)
-- #3 (11 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."title", "civic_case"."state", "civic_case"."channel", "civic_case"."created_at", "civic_case"."closed_at", "civic_case"."evaluation", "grid"."name" as "grid_name", civic_case.responded_at is not null and civic_case.responded_at <= $1 and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by) as "responded_in_time", civic_case.closed_at is not null and civic_case.closed_at <= $2 and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at) as "closed_on_time"
from "civic_case"
left join "grid" on "grid"."id" = "civic_case"."grid_id"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $3))) or "civic_case"."reporter_account_id" = $4) and "civic_case"."village_org_id" = $5 and "civic_case"."created_at" >= $6 and "civic_case"."created_at" < $7 and civic_case.state <> 'rejected' and ((civic_case.closed_at is not null and civic_case.closed_at <= $8) or civic_case.due_at <= $9)
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $10
offset $11

-- @ villageCaseRecords evaluated
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (6 parameters)
select count(*) as "n"
from "civic_case"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $1))) or "civic_case"."reporter_account_id" = $2) and "civic_case"."village_org_id" = $3 and "civic_case"."created_at" >= $4 and "civic_case"."created_at" < $5 and "civic_case"."state" <> $6 and "civic_case"."evaluation" is not null
-- #3 (10 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."title", "civic_case"."state", "civic_case"."channel", "civic_case"."created_at", "civic_case"."closed_at", "civic_case"."evaluation", "grid"."name" as "grid_name", civic_case.responded_at is not null and civic_case.responded_at <= $1 and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by) as "responded_in_time", civic_case.closed_at is not null and civic_case.closed_at <= $2 and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at) as "closed_on_time"
from "civic_case"
left join "grid" on "grid"."id" = "civic_case"."grid_id"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $3))) or "civic_case"."reporter_account_id" = $4) and "civic_case"."village_org_id" = $5 and "civic_case"."created_at" >= $6 and "civic_case"."created_at" < $7 and "civic_case"."state" <> $8 and "civic_case"."evaluation" is not null
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $9
offset $10

-- @ villageCaseRecords received
-- #1 (1 parameter)
select "scope_grid"."id"
from "grid" as "scope_grid"
inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
where "scope_org"."path" like $1
-- #2 (5 parameters)
select count(*) as "n"
from "civic_case"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $1))) or "civic_case"."reporter_account_id" = $2) and "civic_case"."village_org_id" = $3 and "civic_case"."created_at" >= $4 and "civic_case"."created_at" < $5
-- #3 (9 parameters)
select "civic_case"."id", "civic_case"."case_no", "civic_case"."title", "civic_case"."state", "civic_case"."channel", "civic_case"."created_at", "civic_case"."closed_at", "civic_case"."evaluation", "grid"."name" as "grid_name", civic_case.responded_at is not null and civic_case.responded_at <= $1 and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by) as "responded_in_time", civic_case.closed_at is not null and civic_case.closed_at <= $2 and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at) as "closed_on_time"
from "civic_case"
left join "grid" on "grid"."id" = "civic_case"."grid_id"
where (civic_case.grid_id = any(array((select "scope_grid"."id"
        from "grid" as "scope_grid"
        inner join "org" as "scope_org" on "scope_org"."id" = "scope_grid"."org_id"
        where "scope_org"."path" like $3))) or "civic_case"."reporter_account_id" = $4) and "civic_case"."village_org_id" = $5 and "civic_case"."created_at" >= $6 and "civic_case"."created_at" < $7
order by "civic_case"."created_at" desc, "civic_case"."id" desc
limit $8
offset $9
