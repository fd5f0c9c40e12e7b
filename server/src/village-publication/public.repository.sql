-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ insertQuestion
-- #1 (9 parameters)
insert into "publication_question" ("item_id", "org_id", "county_code", "asker_name", "phone_enc", "phone_masked", "question", "reply_due_on", "client_ip")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning "id"

-- @ officeHolders
-- #1 (1 parameter)
select "village_cadre"."name", "cadre_post"."post", "cadre_post"."term_start", "cadre_post"."term_end"
from "cadre_post"
inner join "village_cadre" on "village_cadre"."id" = "cadre_post"."cadre_id"
where "cadre_post"."org_id" = $1 and "cadre_post"."ended_on" is null
order by "cadre_post"."committee", "cadre_post"."id"

-- @ publishedDecisions
-- #1 (3 parameters)
select "deliberation"."id", "deliberation"."template", "deliberation"."title", "deliberation"."category", "deliberation"."resolved_on", "deliberation"."status", (select coalesce(json_agg(json_build_object('step', s.step, 'held_on', s.held_on)
      order by s.seq), '[]'::json)
  from deliberation_step s
  where s.deliberation_id = deliberation.id) as "steps"
from "deliberation"
where "deliberation"."org_id" = $1 and exists (select "publication_item"."id"
  from "publication_item"
  where "publication_item"."deliberation_id" = "deliberation"."id" and "publication_item"."kind" = $2 and "publication_item"."published_on" is not null)
order by "deliberation"."resolved_on" desc
limit $3

-- @ publishedItemForQuestion
-- #1 (1 parameter)
select "id", "org_id", "county_code", "title", "published_on"
from "publication_item"
where "id" = $1 and "published_on" is not null

-- @ publishedItems
-- #1 (2 parameters)
select "publication_item"."id", "publication_item"."kind", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."content", "publication_item"."place", "publication_item"."photo_taken_at", "publication_item"."deliberation_id", "village_attachment"."id" as "photo_id", "village_attachment"."mime" as "photo_mime"
from "publication_item"
left join "village_attachment" on "village_attachment"."id" = "publication_item"."photo_attachment_id"
where "publication_item"."org_id" = $1 and "publication_item"."published_on" is not null
order by "publication_item"."published_on" desc, "publication_item"."id" desc
limit $2

-- @ questionsOn
-- #1 (1 parameter)
select "id", "item_id", "question", "asked_at", "reply_due_on", "reply", "replied_at"
from "publication_question"
where "item_id" in ($1)
order by "asked_at"

-- @ searchVillages by code
-- #1 (4 parameters)
select "v"."code", "v"."short_name", "town"."short_name" as "town_name", "county"."short_name" as "county_name"
from "org" as "v"
inner join "org" as "town" on "town"."id" = "v"."parent_id"
inner join "org" as "county" on "county"."id" = "town"."parent_id"
where "v"."level" = $1 and "v"."category" = $2 and "v"."code" like $3
order by "v"."code"
limit $4

-- @ searchVillages by name
-- #1 (4 parameters)
select "v"."code", "v"."short_name", "town"."short_name" as "town_name", "county"."short_name" as "county_name"
from "org" as "v"
inner join "org" as "town" on "town"."id" = "v"."parent_id"
inner join "org" as "county" on "county"."id" = "town"."parent_id"
where "v"."level" = $1 and "v"."category" = $2 and "v"."short_name" like $3
order by "v"."code"
limit $4

-- @ searchVillages empty
-- #1 (3 parameters)
select "v"."code", "v"."short_name", "town"."short_name" as "town_name", "county"."short_name" as "county_name"
from "org" as "v"
inner join "org" as "town" on "town"."id" = "v"."parent_id"
inner join "org" as "county" on "county"."id" = "town"."parent_id"
where "v"."level" = $1 and "v"."category" = $2
order by "v"."code"
limit $3

-- @ villageByCode
-- #1 (3 parameters)
select "v"."id", "v"."code", "v"."short_name", "v"."name", "v"."county_code", "town"."short_name" as "town_name", "county"."short_name" as "county_name"
from "org" as "v"
inner join "org" as "town" on "town"."id" = "v"."parent_id"
inner join "org" as "county" on "county"."id" = "town"."parent_id"
where "v"."code" = $1 and "v"."level" = $2 and "v"."category" = $3
