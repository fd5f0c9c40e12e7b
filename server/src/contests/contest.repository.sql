-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ contestsOf
-- #1 (2 parameters)
select "contest".*, "organizer_org"."name" as "organizer_name", "organizer_org"."level" as "organizer_level", (select count(*) as "n"
  from "contest_entry"
  where "contest_entry"."contest_id" = "contest"."id") as "entries"
from "contest"
inner join "org" as "organizer_org" on "organizer_org"."id" = "contest"."organizer_org_id"
where ("organizer_org"."path" like $1 or $2 like "organizer_org"."path" || '%')
order by "contest"."year" desc, "contest"."held_on" desc, "contest"."id" desc

-- @ contestsOf year and base
-- #1 (4 parameters)
select "contest".*, "organizer_org"."name" as "organizer_name", "organizer_org"."level" as "organizer_level", (select count(*) as "n"
  from "contest_entry"
  where "contest_entry"."contest_id" = "contest"."id") as "entries"
from "contest"
inner join "org" as "organizer_org" on "organizer_org"."id" = "contest"."organizer_org_id"
where ("organizer_org"."path" like $1 or $2 like "organizer_org"."path" || '%') and "contest"."year" = $3 and "organizer_org"."path" like $4
order by "contest"."year" desc, "contest"."held_on" desc, "contest"."id" desc

-- @ entriesOf
-- #1 (1 parameter)
select "contest_entry".*, "org"."name" as "org_name", "org"."code" as "org_code", "org"."path" as "org_path", "entry_town"."name" as "town_name"
from "contest_entry"
inner join "org" on "org"."id" = "contest_entry"."org_id"
inner join "org" as "entry_town" on "entry_town"."id" = "org"."parent_id"
where "contest_entry"."contest_id" = $1
order by "contest_entry"."id"
-- #2 (1 parameter)
select "contest_goal".*
from "contest_goal"
inner join "contest_entry" on "contest_entry"."id" = "contest_goal"."entry_id"
where "contest_entry"."contest_id" = $1
order by "contest_goal"."entry_id", "contest_goal"."seq"
-- #3 (1 parameter)
select "contest_score".*
from "contest_score"
inner join "contest_entry" on "contest_entry"."id" = "contest_score"."entry_id"
where "contest_entry"."contest_id" = $1
order by "contest_score"."judge"

-- @ entryOfOrg
-- #1 (2 parameters)
select "id"
from "contest_entry"
where "contest_id" = $1 and "org_id" = $2

-- @ goalsInScope
-- #1 (3 parameters)
select "contest_goal"."id", "contest_goal"."followup", "contest_goal"."goal", "contest"."year", "contest"."state", "contest_goal"."county_code", "org"."name" as "org_name"
from "org"
inner join "contest_entry" on "contest_entry"."org_id" = "org"."id"
inner join "contest" on "contest"."id" = "contest_entry"."contest_id"
inner join "contest_goal" on "contest_goal"."entry_id" = "contest_entry"."id"
where "org"."path" like $1 and "contest_goal"."id" in ($2, $3)

-- @ insertContest
-- #1 (7 parameters)
insert into "contest" ("organizer_org_id", "county_code", "year", "title", "held_on", "settings", "created_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"

-- @ insertEntry
-- #1 (7 parameters)
insert into "contest_entry" ("contest_id", "org_id", "county_code", "secretary_name", "topic", "evidence", "submitted_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"
-- #2 (8 parameters)
insert into "contest_goal" ("entry_id", "county_code", "seq", "goal")
values ($1, $2, $3, $4), ($5, $6, $7, $8)

-- @ saveFollowups
-- #1 (5 parameters)
update "contest_goal"
set "followup" = $1, "followup_note" = $2, "followed_by" = $3, "followed_at" = $4
where "id" = $5

-- @ saveResults
-- #1 (7 parameters)
update "contest_entry"
set "judge_score" = $1, "audience_score" = $2, "final_score" = $3, "rank" = $4, "award" = $5
where "id" = $6 and "contest_id" = $7
-- #2 (4 parameters)
update "contest"
set "state" = $1, "finished_at" = $2, "finished_by" = $3
where "id" = $4

-- @ saveScores
-- #1 (8 parameters)
insert into "contest_score" ("entry_id", "judge", "county_code", "score", "recorded_by")
values ($1, $2, $3, $4, $5)
on conflict ("entry_id", "judge") do update
set "score" = $6, "recorded_by" = $7, "recorded_at" = $8
-- #2 (2 parameters)
update "contest_entry"
set "votes" = $1
where "id" = $2
