-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ addToMemberCounts
-- #1 (6 parameters)
update "org"
set "member_count" = member_count + $1
where "id" in ($2, $3, $4, $5, $6)

-- @ findMember
-- #1 (2 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."ethnicity", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."education", "member"."occupation", "member"."status", "member"."joined_on", "member"."converted_on", "member"."county_code", "member"."org_id", "member_org"."name" as "org_name", "member_org"."code" as "org_code", "member_org"."path" as "org_path"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" = $2

-- @ insertMember
-- #1 (16 parameters)
insert into "member" ("org_id", "name", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "status", "joined_on", "converted_on", "county_code")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
returning "id"

-- @ lockMember
-- #1 (2 parameters)
select "member"."id", "member"."name", "member"."gender", "member"."ethnicity", "member"."birth_date", "member"."id_number_masked", "member"."phone_masked", "member"."education", "member"."occupation", "member"."status", "member"."joined_on", "member"."converted_on", "member"."county_code", "member"."org_id", "member_org"."name" as "org_name", "member_org"."code" as "org_code", "member_org"."path" as "org_path", "member"."id_number_enc", "member"."phone_enc"
from "member"
inner join "org" as "member_org" on "member_org"."id" = "member"."org_id"
where "member_org"."path" like $1 and "member"."id" = $2
for update of "member"

-- @ membershipHistory
-- #1 (1 parameter)
select "membership_history"."org_id", "org"."name" as "org_name", "membership_history"."started_on", "membership_history"."ended_on", "membership_history"."reason", "membership_history"."transfer_id"
from "membership_history"
inner join "org" on "org"."id" = "membership_history"."org_id"
where "membership_history"."member_id" = $1
order by "membership_history"."id"

-- @ openMembership
-- #1 (6 parameters)
insert into "membership_history" ("member_id", "county_code", "org_id", "started_on", "ended_on", "reason")
values ($1, $2, $3, $4, $5, $6)

-- @ recruitmentOf
-- #1 (1 parameter)
select "recruitment"."id", "recruitment"."applied_on", "recruitment"."stage", "recruitment"."status", "recruitment"."probation_ends_on", "org"."name" as "org_name"
from "recruitment"
inner join "org" on "org"."id" = "recruitment"."org_id"
where "recruitment"."member_id" = $1
order by "recruitment"."id" desc

-- @ transfersOf
-- #1 (1 parameter)
select "transfer"."id", "transfer"."letter_no", "transfer"."state", "transfer"."scope", "transfer"."issued_on", "transfer"."valid_until", "transfer"."received_on", "transfer"."closed_on", "from_org"."name" as "from_org_name", "to_org"."name" as "to_org_name"
from "transfer"
inner join "org" as "from_org" on "from_org"."id" = "transfer"."from_org_id"
inner join "org" as "to_org" on "to_org"."id" = "transfer"."to_org_id"
where "transfer"."member_id" = $1
order by "transfer"."id" desc

-- @ updateMember
-- #1 (3 parameters)
update "member"
set "education" = $1, "occupation" = $2
where "id" = $3
