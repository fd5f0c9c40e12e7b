-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ basesOf
-- #1 (1 parameter)
select "member_id", "from_month", "base_fen"
from "dues_base"
where "member_id" in ($1)

-- @ branchMembers
-- #1 (3 parameters)
select "member"."id", "member"."name", "member"."occupation", "member_org"."name" as "org_name"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2
order by "member"."name", "member"."id"
limit $3

-- @ membersUnder
-- #1 (3 parameters)
select "member"."id", "member"."name", "member"."occupation", "member_org"."name" as "org_name", "member"."county_code"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" in ($2) and "member_org"."path" like $3

-- @ paymentsUpTo
-- #1 (2 parameters)
select "member_id", "month", "paid_fen", "paid_on"
from "dues_payment"
where "member_id" in ($1) and "month" <= $2

-- @ rateVersionOf
-- #1 (1 parameter)
select "rates", "note"
from "dues_rate_version"
where "effective_month" = $1

-- @ rateVersionRows
-- #1 (0 parameters)
select *
from "dues_rate_version"
order by "effective_month"

-- @ sixMonthWarningPage
-- #1 (9 parameters)
select count(*) as "n"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2 and "member"."joined_on" < $3 and (not exists (select 1
    from dues_payment p
    where p.member_id = member.id and p.month >= $4 and p.month <= $5) = $6 or not exists (select 1
    from meeting_attendance a
    join meeting mt on mt.id = a.meeting_id
    where a.member_id = member.id and a.status = 'present' and mt.counts and mt.held_on >= $7::date and mt.held_on < $8::date) = $9)
-- #2 (15 parameters)
select "member"."id", "member"."name", "member_org"."id" as "org_id", "member_org"."name" as "org_name", not exists (select 1
  from dues_payment p
  where p.member_id = member.id and p.month >= $1 and p.month <= $2) as "no_dues", not exists (select 1
  from meeting_attendance a
  join meeting mt on mt.id = a.meeting_id
  where a.member_id = member.id and a.status = 'present' and mt.counts and mt.held_on >= $3::date and mt.held_on < $4::date) as "no_org_life"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $5 and "member_org"."path" like $6 and "member"."joined_on" < $7 and (not exists (select 1
    from dues_payment p
    where p.member_id = member.id and p.month >= $8 and p.month <= $9) = $10 or not exists (select 1
    from meeting_attendance a
    join meeting mt on mt.id = a.meeting_id
    where a.member_id = member.id and a.status = 'present' and mt.counts and mt.held_on >= $11::date and mt.held_on < $12::date) = $13)
order by "member_org"."path", "member"."id"
limit $14
offset $15

-- @ upsertBase
-- #1 (5 parameters)
insert into "dues_base" ("member_id", "from_month", "county_code", "base_fen", "declared_by")
values ($1, $2, $3, $4, $5)
on conflict ("member_id", "from_month") do update
set "base_fen" = "excluded"."base_fen", "declared_by" = "excluded"."declared_by"

-- @ upsertPayments
-- #1 (8 parameters)
insert into "dues_payment" ("member_id", "month", "org_id", "county_code", "due_fen", "paid_fen", "paid_on", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
on conflict ("member_id", "month") do update
set "paid_fen" = "excluded"."paid_fen", "due_fen" = "excluded"."due_fen", "paid_on" = "excluded"."paid_on", "org_id" = "excluded"."org_id", "recorded_by" = "excluded"."recorded_by"

-- @ upsertRateVersion
-- #1 (4 parameters)
insert into "dues_rate_version" ("effective_month", "rates", "note", "created_by")
values ($1, $2, $3, $4)
on conflict ("effective_month") do update
set "rates" = "excluded"."rates", "note" = "excluded"."note", "created_by" = "excluded"."created_by"
returning "id"
