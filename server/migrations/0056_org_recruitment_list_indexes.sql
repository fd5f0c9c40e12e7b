-- 0056 the org list and the recruitment pipeline at city scale (issue 13 item 1): each sort of the
-- org list (code, name, member count) and the pipeline's one order (latest step first) get a
-- (key, id) index, so a page is an ordered index walk from where the previous page stopped (keyset
-- cursor) that stops after the page, instead of sorting the whole scope per request. The tie-break
-- id is in the index, so the walk (forward or backward) gives the whole order. The path `like`
-- of the scope and the filters stay conditions of the walk.
create index org_code_id_idx on org (code, id);
create index org_name_id_idx on org (name, id);
create index org_member_count_id_idx on org (member_count, id);
-- the pipeline always names a status (active unless a tab asks completed or closed); by stage (its
-- tabs) the walk and the capped count read that stage's rows only
create index recruitment_status_step_on_idx on recruitment (status, last_step_on, id);
create index recruitment_status_stage_idx on recruitment (status, stage, last_step_on, id);
