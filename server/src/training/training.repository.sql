-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ applicantsUnder
-- #1 (3 parameters)
select "applicant"."id", "applicant"."county_code"
from "recruitment"
inner join "applicant" on "applicant"."id" = "recruitment"."applicant_id"
inner join "org" as "recruitment_org" on "recruitment_org"."id" = "recruitment"."org_id"
where "recruitment_org"."path" like $1 and "applicant"."id" in ($2) and "recruitment_org"."path" like $3

-- @ attendanceOf
-- #1 (1 parameter)
select "a"."session_id", "a"."enrollment_id", "a"."hours", "s"."held_on"
from "training_attendance" as "a"
inner join "training_session" as "s" on "s"."id" = "a"."session_id"
where "s"."class_id" = $1

-- @ attendanceRecorded
-- #1 (2 parameters)
select "enrollment_id"
from "training_attendance"
where "session_id" = $1 and "enrollment_id" in ($2)

-- @ childOrgs
-- #1 (2 parameters)
select "org"."id", "org"."name", "org"."path", "org"."member_count"
from "org"
where "org"."path" like $1 and "org"."parent_id" = $2
order by "org"."code"

-- @ classInScope
-- #1 (2 parameters)
select "training_class".*, "class_org"."path" as "org_path", "class_org"."name" as "org_name"
from "training_class"
inner join "org" as "class_org" on "class_org"."id" = "training_class"."org_id"
where "class_org"."path" like $1 and "training_class"."id" = $2

-- @ classList
-- #1 (5 parameters)
select "training_class"."id", "training_class"."title", "training_class"."level", "training_class"."provider", "training_class"."party_school", "training_class"."starts_on", "training_class"."ends_on", "class_org"."id" as "org_id", "class_org"."name" as "org_name", (select count(*) as "n"
  from "training_enrollment"
  where "training_enrollment"."class_id" = "training_class"."id") as "enrolled"
from "training_class"
inner join "org" as "class_org" on "class_org"."id" = "training_class"."org_id"
where "class_org"."path" like $1 and "class_org"."path" like $2 and "training_class"."starts_on" >= $3 and "training_class"."starts_on" <= $4
order by "training_class"."starts_on" desc, "training_class"."id" desc
limit $5

-- @ enrolledPeople
-- #1 (1 parameter)
select "e"."id", "e"."member_id", "e"."applicant_id", "member"."name" as "member_name", "applicant"."name" as "applicant_name"
from "training_enrollment" as "e"
left join "member" on "member"."id" = "e"."member_id"
left join "applicant" on "applicant"."id" = "e"."applicant_id"
where "e"."class_id" = $1
order by "e"."id"

-- @ enrollmentsOfClass
-- #1 (2 parameters)
select *
from "training_enrollment"
where "class_id" = $1 and "id" in ($2)

-- @ insertAttendance
-- #1 (5 parameters)
insert into "training_attendance" ("session_id", "enrollment_id", "hours", "recruitment_training_id", "recorded_by")
values ($1, $2, $3, $4, $5)

-- @ insertClass
-- #1 (9 parameters)
insert into "training_class" ("org_id", "county_code", "title", "level", "provider", "party_school", "starts_on", "ends_on", "created_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning "id"

-- @ insertEnrollments
-- #1 (8 parameters)
insert into "training_enrollment" ("class_id", "member_id", "applicant_id", "county_code")
values ($1, $2, $3, $4), ($5, $6, $7, $8)
on conflict do nothing

-- @ insertRecruitmentTraining
-- #1 (8 parameters)
insert into "recruitment_training" ("applicant_id", "county_code", "title", "provider", "starts_on", "ends_on", "hours", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
returning "id"

-- @ insertSession
-- #1 (4 parameters)
insert into "training_session" ("class_id", "held_on", "topic", "hours")
values ($1, $2, $3, $4)
returning "id"

-- @ membersUnder
-- #1 (3 parameters)
select "member"."id", "member"."county_code"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" in ($2) and "member_org"."path" like $3

-- @ sessionOfClass
-- #1 (2 parameters)
select *
from "training_session"
where "id" = $1 and "class_id" = $2

-- @ sessionsOf
-- #1 (1 parameter)
select *
from "training_session"
where "class_id" = $1
order by "held_on", "id"

-- @ targetsOf
-- #1 (2 parameters)
select "org_id", "target"
from "training_target"
where "year" = $1 and "org_id" in ($2)

-- @ trainedMembers
-- #1 (5 parameters)
select "member"."id", "member_org"."path"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2 and exists (select "e"."id"
  from "training_enrollment" as "e"
  inner join "training_attendance" as "a" on "a"."enrollment_id" = "e"."id"
  inner join "training_session" as "s" on "s"."id" = "a"."session_id"
  inner join "training_class" as "c" on "c"."id" = "e"."class_id"
  where "e"."member_id" = "member"."id" and "c"."party_school" = $3 and a.hours > 0 and "s"."held_on" >= $4 and "s"."held_on" <= $5)

-- @ upsertTarget
-- #1 (3 parameters)
insert into "training_target" ("org_id", "year", "target")
values ($1, $2, $3)
on conflict ("org_id", "year") do update
set "target" = "excluded"."target"
