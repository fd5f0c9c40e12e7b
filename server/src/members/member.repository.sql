-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ countMembers
-- #1 (3 parameters)
select 1 as "one"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2
limit $3
-- #2 (3 parameters)
select count(*)::int as "n"
from (select 1 as "one"
  from "member"
  inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
  where "member_org"."path" like $1 and "member"."county_code" = $2
  limit $3) as "capped"

-- @ estimateMembers
-- #1 (2 parameters)
select 1 as "one"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2
-- #2 (2 parameters)
explain (format json) (select 1 as "one"
  from "member"
  inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
  where "member_org"."path" like $1 and "member"."county_code" = $2)

-- @ listMembers
-- #1 (4 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."status", "member"."joined_on", "member"."org_id", "member_org"."name" as "org_name", "member_org"."path" as "org_path", "member"."education", "member"."occupation", "member"."name"::text as "sort_key"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2
order by "member"."name" asc, "member"."id" asc
limit $3
offset $4

-- @ listMembers after
-- #1 (6 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."status", "member"."joined_on", "member"."org_id", "member_org"."name" as "org_name", "member_org"."path" as "org_path", "member"."education", "member"."occupation", "member"."name"::text as "sort_key"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2 and ("member"."name", member.id) > ($3::text, $4::bigint)
order by "member"."name" asc, "member"."id" asc
limit $5
offset $6

-- @ listMembers by date
-- #1 (7 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."status", "member"."joined_on", "member"."org_id", "member_org"."name" as "org_name", "member_org"."path" as "org_path", "member"."education", "member"."occupation", "member"."joined_on"::text as "sort_key"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2 and "member"."status" = $3 and ("member"."joined_on", member.id) < ($4::date, $5::bigint)
order by "member"."joined_on" desc, "member"."id" desc
limit $6
offset $7

-- @ listMembers initials
-- #1 (5 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."status", "member"."joined_on", "member"."org_id", "member_org"."name" as "org_name", "member_org"."path" as "org_path", "member"."education", "member"."occupation", "member"."name"::text as "sort_key"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2 and "member"."pinyin_initials" like $3
order by "member"."name" asc, "member"."id" asc
limit $4
offset $5

-- @ listMembers name
-- #1 (5 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."status", "member"."joined_on", "member"."org_id", "member_org"."name" as "org_name", "member_org"."path" as "org_path", "member"."education", "member"."occupation", "member"."name"::text as "sort_key"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."county_code" = $2 and "member"."name" like $3
order by "member"."name" asc, "member"."id" asc
limit $4
offset $5

-- @ subtreeCounts
-- #1 (2 parameters)
select coalesce(sum(s.members), 0)::int as "members", coalesce(sum(s.full_members), 0)::int as "full_members"
from "org"
inner join "org_member_stat" as "s" on "s"."org_id" = "org"."id"
where "org"."path" like $1 and "org"."path" like $2
