-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ addOneMember
-- #1 (2 parameters)
update "org"
set "member_count" = "member_count" + $1
where "id" in ($2)

-- @ applicantById
-- #1 (1 parameter)
select *
from "applicant"
where "id" = $1

-- @ applicantByIdHash
-- #1 (1 parameter)
select "id"
from "applicant"
where "id_number_hash" = $1

-- @ convertMember
-- #1 (3 parameters)
update "member"
set "status" = $1, "converted_on" = $2
where "id" = $3

-- @ insertApplicant
-- #1 (13 parameters)
insert into "applicant" ("name", "pinyin_initials", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "county_code")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
returning "id"

-- @ insertMember
-- #1 (17 parameters)
insert into "member" ("org_id", "name", "pinyin_initials", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "id_number_masked", "phone_enc", "phone_masked", "education", "occupation", "status", "joined_on", "converted_on", "county_code")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
returning "id"

-- @ insertObjection
-- #1 (5 parameters)
insert into "recruitment_objection" ("recruitment_id", "kind", "raised_on", "content", "recorded_by")
values ($1, $2, $3, $4, $5)
returning "id"

-- @ insertPeople
-- #1 (4 parameters)
insert into "recruitment_person" ("recruitment_id", "role", "member_id", "assigned_on")
values ($1, $2, $3, $4)

-- @ insertPublicity
-- #1 (4 parameters)
insert into "recruitment_publicity" ("recruitment_id", "kind", "starts_on", "ends_on")
values ($1, $2, $3, $4)

-- @ insertRecruitment
-- #1 (10 parameters)
insert into "recruitment" ("applicant_id", "org_id", "county_code", "stage", "last_step", "applied_on", "last_step_on", "due_on", "due_kind", "created_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
returning "id"

-- @ insertStep
-- #1 (7 parameters)
insert into "recruitment_step" ("recruitment_id", "county_code", "step", "occurred_on", "note", "attachments", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7)

-- @ insertTraining
-- #1 (8 parameters)
insert into "recruitment_training" ("applicant_id", "county_code", "title", "provider", "starts_on", "ends_on", "hours", "recorded_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)

-- @ insertVote
-- #1 (11 parameters)
insert into "recruitment_vote" ("recruitment_id", "kind", "meeting_on", "members_due", "present", "yes", "no", "abstain", "written_yes", "written_no", "passed")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)

-- @ linkMember
-- #1 (2 parameters)
update "recruitment"
set "member_id" = $1
where "id" = $2

-- @ openRecruitmentOf
-- #1 (2 parameters)
select "id"
from "recruitment"
where "applicant_id" = $1 and "status" != $2

-- @ resolveObjection
-- #1 (4 parameters)
update "recruitment_objection"
set "resolved_on" = $1, "resolution" = $2, "resolved_by" = $3
where "id" = $4 and "resolved_on" is null

-- @ updateRecruitmentAtVersion
-- #1 (4 parameters)
update "recruitment"
set "version" = $1, "updated_at" = $2
where "id" = $3 and "version" = $4
returning "id"
