-- 0057 recruitment's stage counts at city scale (issue 13 item 1): the summary of the pipeline showed
-- the active applications at each stage by counting every active recruitment of the scope per
-- request. Now each org keeps its active applications by stage, kept by the writes themselves (a
-- row trigger in the write's transaction: an application recorded, moved to another stage, completed
-- or closed), so a scope's counts add the org rows of its subtree, never the recruitments.
create table recruitment_stage_stat (
  org_id bigint not null references org (id),
  stage text not null,
  active int not null default 0,
  primary key (org_id, stage)
);

create function recruitment_stage_stat_capture() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'active' then
    update recruitment_stage_stat set active = active - 1 where org_id = old.org_id and stage = old.stage;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'active' then
    insert into recruitment_stage_stat (org_id, stage, active) values (new.org_id, new.stage, 1)
    on conflict (org_id, stage) do update set active = recruitment_stage_stat.active + 1;
  end if;
  return null;
end $$;

create trigger recruitment_stage_stat_capture
  after insert or delete or update of status, stage, org_id on recruitment
  for each row execute function recruitment_stage_stat_capture();

insert into recruitment_stage_stat (org_id, stage, active)
select org_id, stage, count(*) from recruitment where status = 'active' group by org_id, stage;
