-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ upsertDeliberationItem
-- #1 (16 parameters)
insert into "publication_item" ("org_id", "county_code", "kind", "period", "title", "due_on", "deliberation_id", "published_on", "published_at", "content", "place", "photo_attachment_id", "photo_taken_at", "published_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
on conflict ("org_id", "kind", "period") do update
set "title" = $15, "due_on" = $16

-- @ upsertDeliberationItem published
-- #1 (21 parameters)
insert into "publication_item" ("org_id", "county_code", "kind", "period", "title", "due_on", "deliberation_id", "published_on", "published_at", "content", "place", "photo_attachment_id", "photo_taken_at", "published_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11, $12, $13)
on conflict ("org_id", "kind", "period") do update
set "title" = $14, "due_on" = $15, "published_on" = $16, "published_at" = now(), "content" = $17, "place" = $18, "photo_attachment_id" = $19, "photo_taken_at" = $20, "published_by" = $21
