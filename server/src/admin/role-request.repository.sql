-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ decide
-- #1 (6 parameters)
update "account_role_request"
set "state" = $1, "decided_by" = $2, "decided_at" = $3, "decision_note" = $4
where "id" = $5 and "state" = $6

-- @ insertRequest
-- #1 (8 parameters)
insert into "account_role_request" ("account_id", "kind", "from_role", "from_scope_org_id", "role", "scope_org_id", "reason", "requested_by")
values ($1, $2, $3, $4, $5, $6, $7, $8)
returning "id", "kind", "state", "role", "scope_org_id", "requested_at"

-- @ listRequests
-- #1 (6 parameters)
select "request"."id", "request"."kind", "request"."state", "request"."role", "request"."scope_org_id", "to_org"."name" as "scope_org_name", "request"."from_role", "request"."from_scope_org_id", "from_org"."name" as "from_scope_org_name", "request"."reason", "request"."requested_at", "requester"."username" as "requested_by", "request"."decided_at", "decider"."username" as "decided_by", "request"."decision_note", "account"."id" as "account_id", "account"."username", "account"."display_name"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
inner join "account_role_request" as "request" on "request"."account_id" = "account"."id"
inner join "org" as "to_org" on "to_org"."id" = "request"."scope_org_id"
left join "org" as "from_org" on "from_org"."id" = "request"."from_scope_org_id"
inner join "account" as "requester" on "requester"."id" = "request"."requested_by"
left join "account" as "decider" on "decider"."id" = "request"."decided_by"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4)
order by "request"."requested_at" desc, "request"."id" desc
limit $5
offset $6
-- #2 (4 parameters)
select count(*)::int as "n"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
inner join "account_role_request" as "request" on "request"."account_id" = "account"."id"
inner join "org" as "to_org" on "to_org"."id" = "request"."scope_org_id"
left join "org" as "from_org" on "from_org"."id" = "request"."from_scope_org_id"
inner join "account" as "requester" on "requester"."id" = "request"."requested_by"
left join "account" as "decider" on "decider"."id" = "request"."decided_by"
where "account_org"."path" like $1 and "account"."role" not in ($2, $3, $4)

-- @ listRequests pending
-- #1 (4 parameters)
select "request"."id", "request"."kind", "request"."state", "request"."role", "request"."scope_org_id", "to_org"."name" as "scope_org_name", "request"."from_role", "request"."from_scope_org_id", "from_org"."name" as "from_scope_org_name", "request"."reason", "request"."requested_at", "requester"."username" as "requested_by", "request"."decided_at", "decider"."username" as "decided_by", "request"."decision_note", "account"."id" as "account_id", "account"."username", "account"."display_name"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
inner join "account_role_request" as "request" on "request"."account_id" = "account"."id"
inner join "org" as "to_org" on "to_org"."id" = "request"."scope_org_id"
left join "org" as "from_org" on "from_org"."id" = "request"."from_scope_org_id"
inner join "account" as "requester" on "requester"."id" = "request"."requested_by"
left join "account" as "decider" on "decider"."id" = "request"."decided_by"
where "account_org"."path" like $1 and "request"."state" = $2
order by "request"."requested_at" desc, "request"."id" desc
limit $3
offset $4
-- #2 (2 parameters)
select count(*)::int as "n"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
inner join "account_role_request" as "request" on "request"."account_id" = "account"."id"
inner join "org" as "to_org" on "to_org"."id" = "request"."scope_org_id"
left join "org" as "from_org" on "from_org"."id" = "request"."from_scope_org_id"
inner join "account" as "requester" on "requester"."id" = "request"."requested_by"
left join "account" as "decider" on "decider"."id" = "request"."decided_by"
where "account_org"."path" like $1 and "request"."state" = $2

-- @ openRequestOf
-- #1 (2 parameters)
select "id", "kind", "role", "scope_org_id"
from "account_role_request"
where "account_id" = $1 and "state" = $2

-- @ orgPath
-- #1 (1 parameter)
select "id", "path"
from "org"
where "id" = $1

-- @ pendingRequestForUpdate
-- #1 (2 parameters)
select "request"."id", "request"."kind", "request"."role", "request"."scope_org_id", "request"."from_role", "request"."from_scope_org_id", "request"."requested_by", "request"."state", "account"."id" as "account_id", "account"."username"
from "account"
inner join "org" as "account_org" on "account_org"."id" = "account"."scope_org_id"
inner join "account_role_request" as "request" on "request"."account_id" = "account"."id"
where "account_org"."path" like $1 and "request"."id" = $2
for update of "request"

-- @ scopeOrgInside
-- #1 (2 parameters)
select "org"."id", "org"."path", "org"."name"
from "org"
where "org"."path" like $1 and "org"."id" = $2

-- @ setAccountGrant approval
-- #1 (2 parameters)
update "account"
set "approval" = $1
where "id" = $2

-- @ setAccountGrant role and scope
-- #1 (3 parameters)
update "account"
set "role" = $1, "scope_org_id" = $2
where "id" = $3
