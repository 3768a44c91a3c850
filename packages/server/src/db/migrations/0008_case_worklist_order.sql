-- Worklist orders that no index of 0007 gives. At 1,000,000 cases (bench/cases.bench.ts) each of these lists sorted
-- every case the user may see to return one page of 20: a parallel sequential scan and a top-N sort of 150–550 ms.
-- With an index in the list's own order, the first page reads about 20 rows whatever the table holds. The region
-- filter (region_code LIKE '1301%') then becomes a filter on the rows walked: cheap for a region that holds a large
-- share of the cases; for a small region the planner keeps using cases_region_applied and sorts the few rows there.

-- 全部 sorted by application time (supervisors and hall managers see their whole region).
CREATE INDEX cases_applied ON cases (applied_at DESC, id);

-- 全部 sorted by due date, the default order, not yet accepted (no due date) last.
CREATE INDEX cases_due ON cases (due_date, id);

-- 待办 of a role that is not tied to a department (clerk, hall manager): cases_todo orders by due date only within one
-- pending department.
CREATE INDEX cases_todo_any_department ON cases (pending_role, due_date, id) WHERE pending_role IS NOT NULL;

-- 挂起 (特别程序) for supervisors and hall managers.
CREATE INDEX cases_suspended ON cases (due_date, id) WHERE status = 'suspended';
