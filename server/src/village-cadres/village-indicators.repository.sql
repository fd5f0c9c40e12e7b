-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ publicationPerVillage
-- #1 (5 parameters)
select "publication_item"."org_id", count(*) as "due", count(*) filter (where publication_item.published_on <= publication_item.due_on) as "on_time", count(*) filter (where publication_item.published_on > publication_item.due_on) as "late", count(*) filter (where publication_item.published_on is null) as "overdue"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."due_on" >= $3 and "publication_item"."due_on" <= $4 and "publication_item"."due_on" <= $5
group by "publication_item"."org_id"

-- @ secretaryPosts
-- #1 (3 parameters)
select "cadre_post"."org_id", "village_cadre"."id" as "cadre_id", "village_cadre"."name", "village_cadre"."member_id", "cadre_post"."term_start", "cadre_post"."term_end", "cadre_post"."ended_on"
from "village_cadre"
inner join "org" as "village_org" on "village_org"."id" = "village_cadre"."org_id"
inner join "cadre_post" on "cadre_post"."cadre_id" = "village_cadre"."id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "cadre_post"."post" = $3
order by "cadre_post"."org_id", "cadre_post"."term_start"

-- @ validityPerVillage
-- #1 (4 parameters)
select "deliberation"."org_id", count(*) as "matters", count(*) filter (where deliberation.validity = 'valid') as "valid", count(*) filter (where deliberation.validity = 'invalid') as "invalid", count(*) filter (where deliberation.validity = 'pending') as "pending"
from "deliberation"
inner join "org" as "village_org" on "village_org"."id" = "deliberation"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "deliberation"."proposed_on" >= $3 and "deliberation"."proposed_on" <= $4
group by "deliberation"."org_id"
