-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ childKinds
-- #1 (2 parameters)
select "org"."kind", count(*)::int as "n"
from "org"
where "org"."path" like $1 and "org"."parent_id" = $2
group by "org"."kind"

-- @ countOrgs
-- #1 (3 parameters)
select 1 as "one"
from "org"
where "org"."path" like $1 and "org"."level" = $2
order by "org"."member_count" desc
limit $3
-- #2 (3 parameters)
select count(*)::int as "n"
from (select 1 as "one"
  from "org"
  where "org"."path" like $1 and "org"."level" = $2
  order by "org"."member_count" desc
  limit $3) as "capped"

-- @ estimateOrgs
-- #1 (2 parameters)
select 1 as "one"
from "org"
where "org"."path" like $1 and "org"."level" = $2
-- #2 (2 parameters)
explain (format json) (select 1 as "one"
  from "org"
  where "org"."path" like $1 and "org"."level" = $2)

-- @ findChildren
-- #1 (2 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", (select count(*)::int as "n"
  from "org" as "child"
  where "child"."parent_id" = "org"."id") as "child_count"
from "org"
where "org"."path" like $1 and "org"."parent_id" = $2
order by "org"."sort_order", "org"."code"

-- @ findNode
-- #1 (2 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", (select count(*)::int as "n"
  from "org" as "child"
  where "child"."parent_id" = "org"."id") as "child_count"
from "org"
where "org"."path" like $1 and "org"."id" = $2

-- @ listOrgs
-- #1 (4 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", 0 as "child_count", "org"."member_count"::text as "sort_key"
from "org"
where "org"."path" like $1 and "org"."level" = $2
order by "org"."member_count" desc, "org"."id" desc
limit $3
offset $4

-- @ listOrgs after
-- #1 (6 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", 0 as "child_count", "org"."member_count"::text as "sort_key"
from "org"
where "org"."path" like $1 and "org"."level" = $2 and ("org"."member_count", org.id) < ($3::bigint, $4::bigint)
order by "org"."member_count" desc, "org"."id" desc
limit $5
offset $6

-- @ namesOf
-- #1 (3 parameters)
select "org"."id", "org"."code", "org"."name"
from "org"
where "org"."path" like $1 and "org"."id" in ($2, $3)

-- @ searchOrgs by code
-- #1 (3 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", (select count(*)::int as "n"
  from "org" as "child"
  where "child"."parent_id" = "org"."id") as "child_count"
from "org"
where "org"."path" like $1 and "org"."code" like $2
order by "org"."depth", "org"."sort_order", "org"."code"
limit $3

-- @ searchOrgs by initials
-- #1 (4 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", (select count(*)::int as "n"
  from "org" as "child"
  where "child"."parent_id" = "org"."id") as "child_count"
from "org"
where "org"."path" like $1 and ("org"."pinyin_initials" like $2 or "org"."pinyin_initials" like $3)
order by "org"."depth", "org"."sort_order", "org"."code"
limit $4

-- @ searchOrgs by name
-- #1 (3 parameters)
select "org"."id", "org"."parent_id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."member_count", "org"."grid_count", "org"."household_count", "org"."path", "org"."depth", (select count(*)::int as "n"
  from "org" as "child"
  where "child"."parent_id" = "org"."id") as "child_count"
from "org"
where "org"."path" like $1 and "org"."name" like $2
order by "org"."depth", "org"."sort_order", "org"."code"
limit $3
