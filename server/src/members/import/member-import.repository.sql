-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ addMembersToSubtree
-- #1 (2 parameters)
update org
set member_count = member_count + $1
where (select path
  from org o
  where o.id = $2) like org.path || '%'

-- @ insertMembers
-- #1 (17 parameters)
insert into "member" ("org_id", "name", "pinyin_initials", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "status", "joined_on", "converted_on", "county_code")
select "org_id", "name", "pinyin_initials", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "status", "joined_on", "converted_on", "county_code"
from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::date[], $16::date[], $17::text[]) with ordinality as u("org_id", "name", "pinyin_initials", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "status", "joined_on", "converted_on", "county_code", "__ord")
order by __ord
returning "id"

-- @ openMembershipPeriods
-- #1 (1 parameter)
insert into membership_history (member_id, county_code, org_id, started_on, reason)
select id, county_code, org_id, joined_on, 'register'
from member
where id = any($1::bigint[])

-- @ orgsUnder
-- #1 (1 parameter)
select "id", "code", "name", "path", "county_code"
from "org"
where "path" like $1
