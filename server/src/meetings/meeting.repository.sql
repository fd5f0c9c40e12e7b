-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ attendeesUnder
-- #1 (3 parameters)
select "member"."id", "member"."name", "member"."status", "member_org"."name" as "orgName"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2
order by "member_org"."path", "member"."name"
limit $3

-- @ fullMembersUnder
-- #1 (3 parameters)
select count(*) as "n"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member_org"."path" like $2 and "member"."status" = $3

-- @ insertAttendance
-- #1 (5 parameters)
insert into "meeting_attendance" ("meeting_id", "member_id", "county_code", "status", "reason")
values ($1, $2, $3, $4, $5)

-- @ insertMeeting
-- #1 (14 parameters)
insert into "meeting" ("org_id", "county_code", "kind", "held_on", "topic", "place", "host", "minutes", "photos", "expected", "present", "quorum_met", "counts", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
returning "id"

-- @ meetingInScope
-- #1 (2 parameters)
select "meeting".*, "meeting_org"."name" as "org_name"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting"."id" = $2

-- @ meetingPage
-- #1 (7 parameters)
select "meeting"."id", "meeting"."org_id" as "orgId", "meeting_org"."name" as "orgName", "meeting"."kind", "meeting"."held_on" as "heldOn", "meeting"."topic", "meeting"."place", "meeting"."expected", "meeting"."present", "meeting"."quorum_met" as "quorumMet", "meeting"."counts"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting_org"."path" like $2 and "meeting"."kind" = $3 and "meeting"."held_on" >= $4 and "meeting"."held_on" <= $5
order by "meeting"."held_on" desc, "meeting"."id" desc
limit $6
offset $7
-- #2 (5 parameters)
select count(*) as "n"
from "meeting"
inner join "org" as "meeting_org" on "meeting_org"."id" = "meeting"."org_id"
where "meeting_org"."path" like $1 and "meeting_org"."path" like $2 and "meeting"."kind" = $3 and "meeting"."held_on" >= $4 and "meeting"."held_on" <= $5

-- @ membersUnder
-- #1 (3 parameters)
select "member"."id"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" in ($2) and "member_org"."path" like $3

-- @ signInOf
-- #1 (1 parameter)
select "member"."id" as "memberId", "member"."name", "member"."status" as "memberStatus", "meeting_attendance"."status", "meeting_attendance"."reason"
from "meeting_attendance"
inner join "member" on "member"."id" = "meeting_attendance"."member_id"
where "meeting_attendance"."meeting_id" = $1
order by meeting_attendance.status = 'present' desc, "member"."name"
