-- 0013: cases by time across the whole city. The city's case list (newest first) and Open311's
-- default GET requests (the last 90 days, every area) had only county/town/village indexes to use,
-- so at ~300,000 cases they sorted the whole table.
create index civic_case_created_idx on civic_case (created_at desc, id desc);
