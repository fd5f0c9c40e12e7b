-- 0014: the case lists at city scale (millions of cases). The access layer gives an org account its
-- cases as `grid_id = any(<the subtree's grids>)`; with these the common filters of the command
-- center (state, light) read only the matching cases of those grids, and a department's list in
-- every state reads only its own cases (the partial queue index serves the open states alone).
create index civic_case_grid_state_idx on civic_case (grid_id, state);
create index civic_case_grid_light_idx on civic_case (grid_id, light);
create index civic_case_department_idx on civic_case (department_id, created_at desc);
