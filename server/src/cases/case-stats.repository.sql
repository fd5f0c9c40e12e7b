-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ liveCountsCreated
-- #1 (6 parameters)
select f.class_code, sum(f.received)::float8 as received, sum(f.ch_grid_worker)::float8 as ch_grid_worker, sum(f.ch_resident)::float8 as ch_resident, sum(f.ch_hotline_12345)::float8 as ch_hotline_12345, sum(f.ch_police_110)::float8 as ch_police_110, sum(f.ch_petition)::float8 as ch_petition, sum(f.ch_external)::float8 as ch_external, sum(f.open_cases)::float8 as open_cases, sum(f.rejected)::float8 as rejected, sum(f.responded_in_time)::float8 as responded_in_time, sum(f.closed)::float8 as closed, sum(f.closed_on_time)::float8 as closed_on_time, sum(f.resolved)::float8 as resolved, sum(f.handled)::float8 as handled, sum(f.handled_on_time)::float8 as handled_on_time, sum(f.reworked)::float8 as reworked, sum(f.evaluated)::float8 as evaluated, sum(f.satisfied)::float8 as satisfied, sum(f.basically_satisfied)::float8 as basically_satisfied, sum(f.close_ms)::float8 as close_ms, count(*) filter (where c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.step_yellow_at <= $1)::float8 as "yellowOrRed", count(*) filter (where c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.step_deadline < $2)::float8 as red, count(*) filter (where c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.due_at <= $3)::float8 as due
from civic_case c
cross join lateral case_stat_facts(c) f
where c.county_code = $4 and c.created_at >= $5 and c.created_at < $6
group by f.class_code

-- @ liveOpenCountsCreated
-- #1 (6 parameters)
select count(*) filter (where c.step_yellow_at <= $1)::float8 as "yellowOrRed", count(*) filter (where c.step_deadline < $2)::float8 as red, count(*) filter (where c.due_at <= $3)::float8 as due
from civic_case c
where c.state in ('reported', 'filed', 'dispatched', 'in_handling', 'returned', 'extension_requested', 'escalated', 'handled', 'reopened') and c.county_code = $4 and c.created_at >= $5 and c.created_at < $6
