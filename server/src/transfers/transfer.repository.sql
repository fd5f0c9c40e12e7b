-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ endOpenMembership
-- #1 (2 parameters)
update "membership_history"
set "ended_on" = $1
where "member_id" = $2 and "ended_on" is null

-- @ insertLetter
-- #1 (12 parameters)
insert into "transfer" ("member_id", "county_code", "from_org_id", "to_org_id", "scope", "letter_no", "letter_seq", "issued_on", "valid_until", "reason", "note", "issued_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning "id"

-- @ insertRegisterMembership
-- #1 (1 parameter)
select "joined_on", "county_code"
from "member"
where "id" = $1
-- #2 (6 parameters)
insert into "membership_history" ("member_id", "county_code", "org_id", "started_on", "ended_on", "reason")
values ($1, $2, $3, $4, $5, $6)

-- @ insertTransferMembership
-- #1 (7 parameters)
insert into "membership_history" ("member_id", "county_code", "org_id", "started_on", "ended_on", "reason", "transfer_id")
values ($1, $2, $3, $4, $5, $6, $7)

-- @ issueFacts
-- #1 (1 parameter)
select "id", "code", "division_code", "county_code"
from "org"
where "id" = $1
-- #2 (2 parameters)
select "letter_no"
from "transfer"
where "member_id" = $1 and "state" = $2
-- #3 (2 parameters)
select "id"
from "mobile_member"
where "member_id" = $1 and "state" <> $2
-- #4 (3 parameters)
select max("letter_seq") as "seq"
from "transfer"
where "from_org_id" = $1 and "issued_on" >= $2 and "issued_on" <= $3

-- @ membershipHistory
-- #1 (1 parameter)
select "membership_history"."org_id", "org"."name" as "org_name", "membership_history"."started_on", "membership_history"."ended_on", "membership_history"."reason", "membership_history"."transfer_id"
from "membership_history"
inner join "org" on "org"."id" = "membership_history"."org_id"
where "membership_history"."member_id" = $1
order by "membership_history"."id"

-- @ moveMemberOrg
-- #1 (4 parameters)
update "member"
set "org_id" = $1, "county_code" = $2
where "id" = $3 and "org_id" = $4

-- @ orgNames
-- #1 (1 parameter)
select "id", "name"
from "org"
where "id" in ($1)

-- @ receivingOrgRows.all
-- #1 (4 parameters)
select "id", "code", "name", "kind", "level", "path"
from "org"
where "kind" in ($1, $2, $3)
order by "code"
limit $4

-- @ receivingOrgRows.code
-- #1 (5 parameters)
select "id", "code", "name", "kind", "level", "path"
from "org"
where "kind" in ($1, $2, $3) and "code" like $4
order by "code"
limit $5

-- @ receivingOrgRows.initials
-- #1 (5 parameters)
select "id", "code", "name", "kind", "level", "path"
from "org"
where "kind" in ($1, $2, $3) and "pinyin_initials" like $4
order by "code"
limit $5

-- @ receivingOrgRows.name
-- #1 (5 parameters)
select "id", "code", "name", "kind", "level", "path"
from "org"
where "kind" in ($1, $2, $3) and "name" like $4
order by "code"
limit $5

-- @ shiftMemberCounts
-- #1 (2 parameters)
update "org"
set "member_count" = "member_count" - $1
where "id" in ($2)
-- #2 (2 parameters)
update "org"
set "member_count" = "member_count" + $1
where "id" in ($2)

-- @ transferById
-- #1 (3 parameters)
select "transfer"."id", "transfer"."letter_no", "transfer"."scope", "transfer"."state", "transfer"."issued_on", "transfer"."valid_until", "transfer"."received_on", "transfer"."receipt_returned_on", "transfer"."closed_on", "transfer"."closed_reason", "transfer"."reason", "transfer"."note", "transfer"."member_id", "transfer"."from_org_id", "transfer"."to_org_id", "transfer"."county_code", "transfer"."version", "from_org"."name" as "from_org_name", "from_org"."path" as "from_path", "to_org"."name" as "to_org_name", "to_org"."path" as "to_path", "transfer_member"."name" as "member_name", "transfer_member"."gender" as "member_gender", "transfer_member"."id_number_masked" as "member_id_number_masked", "transfer_member"."status" as "member_status"
from "transfer"
inner join "org" as "from_org" on "from_org"."id" = "transfer"."from_org_id"
inner join "org" as "to_org" on "to_org"."id" = "transfer"."to_org_id"
inner join "member" as "transfer_member" on "transfer_member"."id" = "transfer"."member_id"
where ("from_org"."path" like $1 or "to_org"."path" like $2) and "transfer"."id" = $3

-- @ transferForUpdate
-- #1 (3 parameters)
select "transfer".*, "from_org"."path" as "from_path", "to_org"."path" as "to_path", "to_org"."county_code" as "to_county", "transfer_member"."org_id" as "member_org_id"
from "transfer"
inner join "org" as "from_org" on "from_org"."id" = "transfer"."from_org_id"
inner join "org" as "to_org" on "to_org"."id" = "transfer"."to_org_id"
inner join "member" as "transfer_member" on "transfer_member"."id" = "transfer"."member_id"
where ("from_org"."path" like $1 or "to_org"."path" like $2) and "transfer"."id" = $3

-- @ transferPage
-- #1 (8 parameters)
select "transfer"."id", "transfer"."letter_no", "transfer"."scope", "transfer"."state", "transfer"."issued_on", "transfer"."valid_until", "transfer"."received_on", "transfer"."receipt_returned_on", "transfer"."closed_on", "transfer"."closed_reason", "transfer"."reason", "transfer"."note", "transfer"."member_id", "transfer"."from_org_id", "transfer"."to_org_id", "transfer"."county_code", "transfer"."version", "from_org"."name" as "from_org_name", "from_org"."path" as "from_path", "to_org"."name" as "to_org_name", "to_org"."path" as "to_path", "transfer_member"."name" as "member_name", "transfer_member"."gender" as "member_gender", "transfer_member"."id_number_masked" as "member_id_number_masked", "transfer_member"."status" as "member_status"
from "transfer"
inner join "org" as "from_org" on "from_org"."id" = "transfer"."from_org_id"
inner join "org" as "to_org" on "to_org"."id" = "transfer"."to_org_id"
inner join "member" as "transfer_member" on "transfer_member"."id" = "transfer"."member_id"
where ("from_org"."path" like $1 or "to_org"."path" like $2) and "from_org"."path" like $3 and "transfer"."scope" = $4 and "transfer"."state" = $5 and "transfer"."valid_until" >= $6
order by "transfer"."id" desc
limit $7
offset $8
-- #2 (6 parameters)
select count(*) as "n"
from "transfer"
inner join "org" as "from_org" on "from_org"."id" = "transfer"."from_org_id"
inner join "org" as "to_org" on "to_org"."id" = "transfer"."to_org_id"
inner join "member" as "transfer_member" on "transfer_member"."id" = "transfer"."member_id"
where ("from_org"."path" like $1 or "to_org"."path" like $2) and "from_org"."path" like $3 and "transfer"."scope" = $4 and "transfer"."state" = $5 and "transfer"."valid_until" >= $6

-- @ transferTarget
-- #1 (1 parameter)
select "id", "name", "kind", "division_code", "county_code"
from "org"
where "id" = $1

-- @ updateLetter
-- #1 (6 parameters)
update "transfer"
set "state" = $1, "updated_at" = $2, "received_on" = $3, "version" = "version" + $4
where "id" = $5 and "version" = $6
