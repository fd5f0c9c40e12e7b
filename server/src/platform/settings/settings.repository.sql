-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ insertSettingIfAbsent
-- #1 (3 parameters)
insert into "setting" ("key", "value", "description_zh")
values ($1, $2, $3)
on conflict ("key") do nothing

-- @ settingValue
-- #1 (1 parameter)
select "value"
from "setting"
where "key" = $1

-- @ upsertSetting
-- #1 (5 parameters)
insert into "setting" ("key", "value", "description_zh")
values ($1, $2, $3)
on conflict ("key") do update
set "value" = $4, "updated_at" = $5
