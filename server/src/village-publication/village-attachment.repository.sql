-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ insertAttachment
-- #1 (7 parameters)
insert into "village_attachment" ("org_id", "county_code", "mime", "bytes", "sha256", "file_name", "uploaded_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"

-- @ publishedPhoto
-- #1 (1 parameter)
select "village_attachment"."mime", "village_attachment"."sha256"
from "village_attachment"
where "village_attachment"."id" = $1 and exists (select "publication_item"."id"
  from "publication_item"
  where "publication_item"."photo_attachment_id" = "village_attachment"."id" and "publication_item"."published_on" is not null)

-- @ scopedAttachment
-- #1 (2 parameters)
select "village_attachment"."mime", "village_attachment"."sha256", "village_attachment"."file_name"
from "village_attachment"
inner join "org" as "village_org" on "village_org"."id" = "village_attachment"."org_id"
where "village_org"."path" like $1 and "village_attachment"."id" = $2
