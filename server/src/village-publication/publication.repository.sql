-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ attachmentOfVillage
-- #1 (2 parameters)
select "id", "mime"
from "village_attachment"
where "id" = $1 and "org_id" = $2

-- @ exportItems
-- #1 (4 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", "town_org"."name" as "town_name"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
inner join "org" as "town_org" on "town_org"."id" = "village_org"."parent_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3
order by "village_org"."path", "publication_item"."due_on" desc
limit $4

-- @ findItem
-- #1 (2 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "publication_item"."id" = $2

-- @ findQuestion
-- #1 (2 parameters)
select "publication_question"."id", "publication_question"."item_id", "publication_question"."org_id", "publication_question"."county_code", "publication_question"."question", "publication_question"."reply", "publication_question"."replied_at", "publication_question"."reply_due_on", "publication_item"."title" as "item_title"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
inner join "publication_item" on "publication_item"."id" = "publication_question"."item_id"
where "village_org"."path" like $1 and "publication_question"."id" = $2

-- @ insertItem
-- #1 (7 parameters)
insert into "publication_item" ("org_id", "county_code", "kind", "period", "title", "due_on", "amount_fen")
values ($1, $2, $3, $4, $5, $6, $7)
returning "id"

-- @ itemFiguresByChild
-- #1 (9 parameters)
select split_part(village_org.path, '/', 4) as "child_id", count(*) filter (where publication_item.due_on <= $1) as "due", count(*) filter (where publication_item.due_on <= $2 and publication_item.published_on <= publication_item.due_on) as "on_time", count(*) filter (where publication_item.published_on > publication_item.due_on) as "late", count(*) filter (where publication_item.published_on is null and publication_item.due_on < $3) as "overdue", count(*) filter (where publication_item.published_on is null and publication_item.due_on >= $4) as "pending"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $5 and "village_org"."path" like $6 and "publication_item"."county_code" = $7 and "publication_item"."due_on" >= $8 and "publication_item"."due_on" <= $9
group by split_part(village_org.path, '/', 4)

-- @ listItems
-- #1 (5 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3
order by publication_item.due_on desc, "publication_item"."id" desc
limit $4
offset $5
-- #2 (3 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3

-- @ listItems late
-- #1 (9 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" > "publication_item"."due_on"
order by publication_item.due_on desc, "publication_item"."id" desc
limit $8
offset $9
-- #2 (7 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" > "publication_item"."due_on"

-- @ listItems on_time
-- #1 (9 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" <= "publication_item"."due_on"
order by publication_item.due_on desc, "publication_item"."id" desc
limit $8
offset $9
-- #2 (7 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" <= "publication_item"."due_on"

-- @ listItems overdue
-- #1 (10 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is null and "publication_item"."due_on" < $8
order by publication_item.due_on asc, "publication_item"."id" desc
limit $9
offset $10
-- #2 (8 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is null and "publication_item"."due_on" < $8

-- @ listItems pending
-- #1 (10 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is null and "publication_item"."due_on" >= $8
order by publication_item.due_on asc, "publication_item"."id" desc
limit $9
offset $10
-- #2 (8 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is null and "publication_item"."due_on" >= $8

-- @ listItems published
-- #1 (9 parameters)
select "publication_item"."id", "publication_item"."org_id", "publication_item"."county_code", "publication_item"."kind", "publication_item"."period", "publication_item"."title", "publication_item"."due_on", "publication_item"."published_on", "publication_item"."published_at", "publication_item"."content", "publication_item"."place", "publication_item"."photo_attachment_id", "publication_item"."photo_taken_at", "publication_item"."amount_fen", "publication_item"."deliberation_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name", "village_org"."path" as "org_path", (select count(*) as "n"
  from "publication_question" as "q"
  where "q"."item_id" = "publication_item"."id") as "questions"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is not null
order by publication_item.due_on desc, "publication_item"."id" desc
limit $8
offset $9
-- #2 (7 parameters)
select count(*) as "n"
from "publication_item"
inner join "org" as "village_org" on "village_org"."id" = "publication_item"."org_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_item"."county_code" = $3 and "publication_item"."kind" = $4 and "publication_item"."due_on" >= $5 and "publication_item"."due_on" <= $6 and "publication_item"."title" like $7 and "publication_item"."published_on" is not null

-- @ listQuestions
-- #1 (4 parameters)
select "publication_question"."id", "publication_question"."item_id", "publication_question"."asker_name", "publication_question"."phone_masked", "publication_question"."question", "publication_question"."asked_at", "publication_question"."reply_due_on", "publication_question"."reply", "publication_question"."replied_at", "publication_item"."title" as "item_title", "village_org"."id" as "org_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
inner join "publication_item" on "publication_item"."id" = "publication_question"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2
order by publication_question.replied_at is not null, "publication_question"."reply_due_on", "publication_question"."id" desc
limit $3
offset $4
-- #2 (2 parameters)
select count(*) as "n"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
inner join "publication_item" on "publication_item"."id" = "publication_question"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2

-- @ listQuestions open overdue
-- #1 (5 parameters)
select "publication_question"."id", "publication_question"."item_id", "publication_question"."asker_name", "publication_question"."phone_masked", "publication_question"."question", "publication_question"."asked_at", "publication_question"."reply_due_on", "publication_question"."reply", "publication_question"."replied_at", "publication_item"."title" as "item_title", "village_org"."id" as "org_id", "village_org"."code" as "org_code", "village_org"."name" as "org_name"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
inner join "publication_item" on "publication_item"."id" = "publication_question"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_question"."replied_at" is null and "publication_question"."replied_at" is null and "publication_question"."reply_due_on" < $3
order by publication_question.replied_at is not null, "publication_question"."reply_due_on", "publication_question"."id" desc
limit $4
offset $5
-- #2 (3 parameters)
select count(*) as "n"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
inner join "publication_item" on "publication_item"."id" = "publication_question"."item_id"
where "village_org"."path" like $1 and "village_org"."path" like $2 and "publication_question"."replied_at" is null and "publication_question"."replied_at" is null and "publication_question"."reply_due_on" < $3

-- @ publishItem
-- #1 (7 parameters)
update "publication_item"
set "published_on" = $1, "published_at" = now(), "content" = $2, "place" = $3, "photo_attachment_id" = $4, "photo_taken_at" = $5, "published_by" = $6
where "id" = $7 and "published_on" is null

-- @ questionFiguresByChild
-- #1 (7 parameters)
select split_part(village_org.path, '/', 4) as "child_id", count(*) as "asked", count(*) filter (where (("publication_question"."replied_at" at time zone 'UTC') + interval '8 hours')::date <= publication_question.reply_due_on) as "on_time", count(*) filter (where (("publication_question"."replied_at" at time zone 'UTC') + interval '8 hours')::date > publication_question.reply_due_on) as "late", count(*) filter (where publication_question.replied_at is null and publication_question.reply_due_on < $1) as "overdue", count(*) filter (where publication_question.replied_at is null and publication_question.reply_due_on >= $2) as "open"
from "publication_question"
inner join "org" as "village_org" on "village_org"."id" = "publication_question"."org_id"
where "village_org"."path" like $3 and "village_org"."path" like $4 and "publication_question"."county_code" = $5 and "publication_question"."asked_at" >= $6 and "publication_question"."asked_at" < $7
group by split_part(village_org.path, '/', 4)

-- @ questionsOfItem
-- #1 (1 parameter)
select "id", "asker_name", "phone_masked", "question", "asked_at", "reply_due_on", "reply", "replied_at"
from "publication_question"
where "item_id" = $1
order by "asked_at"

-- @ replyQuestion
-- #1 (3 parameters)
update "publication_question"
set "reply" = $1, "replied_at" = now(), "replied_by" = $2
where "id" = $3 and "replied_at" is null
