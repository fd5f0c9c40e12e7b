-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ activitiesOf
-- #1 (1 parameter)
select "mobile_member_activity"."id", "mobile_member_activity"."held_on", "mobile_member_activity"."kind", "mobile_member_activity"."topic", "org"."name" as "org_name"
from "mobile_member_activity"
inner join "org" on "org"."id" = "mobile_member_activity"."org_id"
where "mobile_member_activity"."mobile_member_id" = $1
order by "mobile_member_activity"."held_on" desc

-- @ insertActivity
-- #1 (7 parameters)
insert into "mobile_member_activity" ("mobile_member_id", "county_code", "org_id", "held_on", "kind", "topic", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"

-- @ insertRegistration
-- #1 (14 parameters)
insert into "mobile_member" ("member_id", "county_code", "home_org_id", "inflow_org_id", "destination", "destination_division_code", "since", "expected_months", "fixed_place", "contact_phone_enc", "contact_phone_masked", "certificate_no", "note", "created_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
returning "id"

-- @ isInflowTarget
-- #1 (1 parameter)
select "id"
from "org"
where "id" = $1

-- @ mobileById
-- #1 (3 parameters)
select "mobile_member"."id", "mobile_member"."member_id", "mobile_member"."county_code", "mobile_member"."home_org_id", "mobile_member"."inflow_org_id", "mobile_member"."destination", "mobile_member"."since", "mobile_member"."expected_months", "mobile_member"."fixed_place", "mobile_member"."contact_phone_masked", "mobile_member"."certificate_no", "mobile_member"."state", "mobile_member"."inflow_confirmed_on", "mobile_member"."ended_on", "home_org"."name" as "home_org_name", "home_org"."path" as "home_path", "inflow_org"."name" as "inflow_org_name", "inflow_org"."path" as "inflow_path", "mobile_person"."name" as "member_name", "mobile_person"."id_number_masked" as "member_id_number_masked"
from "mobile_member"
inner join "org" as "home_org" on "home_org"."id" = "mobile_member"."home_org_id"
left join "org" as "inflow_org" on "inflow_org"."id" = "mobile_member"."inflow_org_id"
inner join "member" as "mobile_person" on "mobile_person"."id" = "mobile_member"."member_id"
where ("home_org"."path" like $1 or "inflow_org"."path" like $2) and "mobile_member"."id" = $3

-- @ mobilePage
-- #1 (6 parameters)
select "mobile_member"."id", "mobile_member"."member_id", "mobile_member"."county_code", "mobile_member"."home_org_id", "mobile_member"."inflow_org_id", "mobile_member"."destination", "mobile_member"."since", "mobile_member"."expected_months", "mobile_member"."fixed_place", "mobile_member"."contact_phone_masked", "mobile_member"."certificate_no", "mobile_member"."state", "mobile_member"."inflow_confirmed_on", "mobile_member"."ended_on", "home_org"."name" as "home_org_name", "home_org"."path" as "home_path", "inflow_org"."name" as "inflow_org_name", "inflow_org"."path" as "inflow_path", "mobile_person"."name" as "member_name", "mobile_person"."id_number_masked" as "member_id_number_masked"
from "mobile_member"
inner join "org" as "home_org" on "home_org"."id" = "mobile_member"."home_org_id"
left join "org" as "inflow_org" on "inflow_org"."id" = "mobile_member"."inflow_org_id"
inner join "member" as "mobile_person" on "mobile_person"."id" = "mobile_member"."member_id"
where ("home_org"."path" like $1 or "inflow_org"."path" like $2) and "home_org"."path" like $3 and "mobile_member"."state" = $4
order by "mobile_member"."id" desc
limit $5
offset $6
-- #2 (4 parameters)
select count(*) as "n"
from "mobile_member"
inner join "org" as "home_org" on "home_org"."id" = "mobile_member"."home_org_id"
left join "org" as "inflow_org" on "inflow_org"."id" = "mobile_member"."inflow_org_id"
inner join "member" as "mobile_person" on "mobile_person"."id" = "mobile_member"."member_id"
where ("home_org"."path" like $1 or "inflow_org"."path" like $2) and "home_org"."path" like $3 and "mobile_member"."state" = $4

-- @ openRegistration
-- #1 (2 parameters)
select "id"
from "mobile_member"
where "member_id" = $1 and "state" <> $2

-- @ updateRegistrationState
-- #1 (5 parameters)
update "mobile_member"
set "state" = $1, "updated_at" = $2, "inflow_confirmed_on" = $3
where "id" = $4 and "state" = $5
