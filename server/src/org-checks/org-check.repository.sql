-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ committeeOf
-- #1 (1 parameter)
select "seq", "member_id", "name", "position"
from "org_committee_member"
where "term_id" = $1
order by "seq"

-- @ insertTerm
-- #1 (7 parameters)
insert into "org_term" ("org_id", "county_code", "elected_on", "term_years", "note", "recorded_by_org_id", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"
-- #2 (5 parameters)
insert into "org_committee_member" ("term_id", "seq", "member_id", "name", "position")
values ($1, $2, $3, $4, $5)

-- @ membersUnder
-- #1 (4 parameters)
select "member"."id", "member"."name", "member"."status"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" in ($2, $3) and "member_org"."path" like $4

-- @ orgFactRows
-- #1 (13 parameters)
select "org"."id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."path", "t"."id" as "term_id", "t"."elected_on", "t"."term_years", coalesce(mc.members, 0) as "members", coalesce(mc.full_members, 0) as "full_members", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'secretary') as "secretaries", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'deputy_secretary') as "deputies", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'member') as "others"
from "org"
left join lateral (select "org_term"."id", "org_term"."elected_on", "org_term"."term_years"
  from "org_term"
  where "org_term"."org_id" = "org"."id"
  order by "org_term"."elected_on" desc, "org_term"."id" desc
  limit $1) as "t" on true
left join (select a.id::bigint as org_id, sum(c.members) as members, sum(c.full_members) as full_members
  from org_member_stat c
  join org co on co.id = c.org_id
  cross join lateral unnest(string_to_array(trim(both '/'
        from co.path), '/')) as a(id)
  where co.path like $2
  group by a.id ) as "mc" on "mc"."org_id" = "org"."id"
where "org"."path" like $3 and "org"."path" like $4 and ("org"."kind" in ($5, $6, $7) or ("org"."kind" in ($8, $9, $10) and "org"."level" in ($11, $12, $13)))
order by "org"."path"

-- @ orgFactRows.code
-- #1 (14 parameters)
select "org"."id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."path", "t"."id" as "term_id", "t"."elected_on", "t"."term_years", coalesce(mc.members, 0) as "members", coalesce(mc.full_members, 0) as "full_members", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'secretary') as "secretaries", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'deputy_secretary') as "deputies", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'member') as "others"
from "org"
left join lateral (select "org_term"."id", "org_term"."elected_on", "org_term"."term_years"
  from "org_term"
  where "org_term"."org_id" = "org"."id"
  order by "org_term"."elected_on" desc, "org_term"."id" desc
  limit $1) as "t" on true
left join (select a.id::bigint as org_id, sum(c.members) as members, sum(c.full_members) as full_members
  from org_member_stat c
  join org co on co.id = c.org_id
  cross join lateral unnest(string_to_array(trim(both '/'
        from co.path), '/')) as a(id)
  where co.path like $2
  group by a.id ) as "mc" on "mc"."org_id" = "org"."id"
where "org"."path" like $3 and "org"."path" like $4 and "org"."code" like $5 and ("org"."kind" in ($6, $7, $8) or ("org"."kind" in ($9, $10, $11) and "org"."level" in ($12, $13, $14)))
order by "org"."path"

-- @ orgFactRows.initials
-- #1 (14 parameters)
select "org"."id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."path", "t"."id" as "term_id", "t"."elected_on", "t"."term_years", coalesce(mc.members, 0) as "members", coalesce(mc.full_members, 0) as "full_members", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'secretary') as "secretaries", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'deputy_secretary') as "deputies", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'member') as "others"
from "org"
left join lateral (select "org_term"."id", "org_term"."elected_on", "org_term"."term_years"
  from "org_term"
  where "org_term"."org_id" = "org"."id"
  order by "org_term"."elected_on" desc, "org_term"."id" desc
  limit $1) as "t" on true
left join (select a.id::bigint as org_id, sum(c.members) as members, sum(c.full_members) as full_members
  from org_member_stat c
  join org co on co.id = c.org_id
  cross join lateral unnest(string_to_array(trim(both '/'
        from co.path), '/')) as a(id)
  where co.path like $2
  group by a.id ) as "mc" on "mc"."org_id" = "org"."id"
where "org"."path" like $3 and "org"."path" like $4 and "org"."pinyin_initials" like $5 and ("org"."kind" in ($6, $7, $8) or ("org"."kind" in ($9, $10, $11) and "org"."level" in ($12, $13, $14)))
order by "org"."path"

-- @ orgFactRows.name
-- #1 (14 parameters)
select "org"."id", "org"."code", "org"."name", "org"."short_name", "org"."kind", "org"."level", "org"."category", "org"."path", "t"."id" as "term_id", "t"."elected_on", "t"."term_years", coalesce(mc.members, 0) as "members", coalesce(mc.full_members, 0) as "full_members", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'secretary') as "secretaries", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'deputy_secretary') as "deputies", (select count(*)
  from org_committee_member c
  where c.term_id = t.id and c.position = 'member') as "others"
from "org"
left join lateral (select "org_term"."id", "org_term"."elected_on", "org_term"."term_years"
  from "org_term"
  where "org_term"."org_id" = "org"."id"
  order by "org_term"."elected_on" desc, "org_term"."id" desc
  limit $1) as "t" on true
left join (select a.id::bigint as org_id, sum(c.members) as members, sum(c.full_members) as full_members
  from org_member_stat c
  join org co on co.id = c.org_id
  cross join lateral unnest(string_to_array(trim(both '/'
        from co.path), '/')) as a(id)
  where co.path like $2
  group by a.id ) as "mc" on "mc"."org_id" = "org"."id"
where "org"."path" like $3 and "org"."path" like $4 and "org"."name" like $5 and ("org"."kind" in ($6, $7, $8) or ("org"."kind" in ($9, $10, $11) and "org"."level" in ($12, $13, $14)))
order by "org"."path"

-- @ termsOf
-- #1 (1 parameter)
select "id", "elected_on", "term_years", "note", "created_at"
from "org_term"
where "org_id" = $1
order by "elected_on" desc, "id" desc
