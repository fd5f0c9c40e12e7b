-- 0013: the member list of a county (or below) sorted by name, joining date or birth date, one page at
-- a time: with these the planner walks the county's members in order and stops after the page,
-- instead of sorting tens of thousands of rows per request. (name, id) serves the city-wide list;
-- (org_id, status) the per-branch counts of the organization checks.
create index member_county_name_idx on member (county_code, name, id);
create index member_county_joined_idx on member (county_code, joined_on, id);
create index member_county_birth_idx on member (county_code, birth_date, id);
create index member_name_id_idx on member (name, id);
create index member_org_status_idx on member (org_id, status);
