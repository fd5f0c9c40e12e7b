-- The department queue at city scale (issue 13). A department sees the cases dispatched to it and the
-- cases it was summoned to (吹哨报到, case_summons). At 5,000,000 cases the summoned part read every
-- case the department was ever summoned to (1,365 for one bureau, nearly all closed) from the table's
-- heap to learn their state, on every page and every count: 15 ms of PostgreSQL per request, 14 of
-- its 16 ms CPU. Three indexes make both parts index-only:
-- the cases a department was summoned to, without reading the summons' heap
create index case_summons_department_case_idx on case_summons (department_id, case_id);
-- a case's state, department and deadline by id, read from the index alone (a partial index of the open cases
-- by id would be smaller, but the planner then prefers it to the ordered walks of the open lists)
create index civic_case_id_state_idx on civic_case (id) include (state, department_id, step_deadline);
-- the dispatched part filters by a few open states: carry the state so the count reads no heap
drop index civic_case_department_open_idx;
create index civic_case_department_open_idx on civic_case (department_id, step_deadline, id) include (state)
  where state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened');
