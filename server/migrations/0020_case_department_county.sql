-- 0020: a case is dispatched, and a department summoned, only inside the case's county. A department
-- reads the cases dispatched or summoned to it (access/scope.ts): a department of another county named
-- by a request would have read a case outside its county. The access layer refuses such an id first
-- (reach 'case_department', 404 DEPARTMENT_NOT_FOUND); these keys make every other path (imports, bulk
-- writers, a later service) unable to store one.
alter table department add constraint department_id_county_key unique (id, county_code);

alter table civic_case
  add constraint civic_case_department_county_fk
  foreign key (department_id, county_code) references department (id, county_code);

alter table case_summons
  add constraint case_summons_department_county_fk
  foreign key (department_id, county_code) references department (id, county_code);
