-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ duesPaid
-- #1 (2 parameters)
select "month", "due_fen", "paid_fen", "paid_on"
from "dues_payment"
where "member_id" = $1
order by "month" desc
limit $2

-- @ meetingsAttended
-- #1 (2 parameters)
select "meeting"."id", "meeting"."kind", "meeting"."held_on", "meeting"."topic", "org"."short_name" as "org_name", "meeting_attendance"."status", "meeting_attendance"."reason"
from "meeting_attendance"
inner join "meeting" on "meeting"."id" = "meeting_attendance"."meeting_id"
inner join "org" on "org"."id" = "meeting"."org_id"
where "meeting_attendance"."member_id" = $1
order by "meeting"."held_on" desc
limit $2

-- @ memberOfAccount
-- #1 (1 parameter)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."education", "member"."occupation", "member"."status", "member"."joined_on", "member"."converted_on", "member"."county_code", "org"."id" as "org_id", "org"."name" as "org_name", "org"."code" as "org_code"
from "member_account"
inner join "member" on "member"."id" = "member_account"."member_id"
inner join "org" on "org"."id" = "member"."org_id"
where "member_account"."account_id" = $1

-- @ memberOfAccount.none
-- #1 (1 parameter)
select "member"."id", "member"."name", "member"."gender", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."education", "member"."occupation", "member"."status", "member"."joined_on", "member"."converted_on", "member"."county_code", "org"."id" as "org_id", "org"."name" as "org_name", "org"."code" as "org_code"
from "member_account"
inner join "member" on "member"."id" = "member_account"."member_id"
inner join "org" on "org"."id" = "member"."org_id"
where "member_account"."account_id" = $1

-- @ membershipOf
-- #1 (1 parameter)
select "membership_history"."id", "org"."name" as "org_name", "membership_history"."started_on", "membership_history"."ended_on", "membership_history"."reason"
from "membership_history"
inner join "org" on "org"."id" = "membership_history"."org_id"
where "membership_history"."member_id" = $1
order by "membership_history"."id"

-- @ trainingOf
-- #1 (2 parameters)
select "c"."id", "c"."title", "c"."level", "c"."party_school", "c"."starts_on", "c"."ends_on", coalesce(sum(a.hours), 0) as "hours"
from "training_enrollment" as "e"
inner join "training_class" as "c" on "c"."id" = "e"."class_id"
left join "training_attendance" as "a" on "a"."enrollment_id" = "e"."id"
where "e"."member_id" = $1
group by "c"."id", "c"."title", "c"."level", "c"."party_school", "c"."starts_on", "c"."ends_on"
order by "c"."starts_on" desc
limit $2
