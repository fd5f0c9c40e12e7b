-- 0010 audit lanes: one hash chain per county (lane = county_code, 'city' for records of no county).
-- One chain serialized every write of the city on the lock of its single head row, held until commit
-- (a durable commit is a disk flush): a ceiling of a few hundred writes per second. With a head per
-- lane, writes of different counties append in parallel; each lane stays gapless and hash-chained, and
-- a lane is what a county shard holds on a distributed PostgreSQL (ARCHITECTURE.md, Guangdong).
-- Ids stay unique and increasing from a sequence (gaps where a transaction rolled back).

create sequence audit_log_id_seq;
select setval('audit_log_id_seq', coalesce((select max(id) from audit_log), 0) + 1, false);

alter table audit_log add column lane text not null default 'city';
alter table audit_log add column lane_seq bigint;
-- the rows so far form the 'city' lane in id order (ids were gapless: lane_seq = id)
alter table audit_log disable trigger audit_log_append_only;
update audit_log set lane_seq = id;
alter table audit_log enable trigger audit_log_append_only;
alter table audit_log alter column lane_seq set not null;
alter table audit_log alter column lane drop default;
create unique index audit_log_lane_seq_idx on audit_log (lane, lane_seq);

alter table audit_head drop constraint audit_head_pkey;
alter table audit_head drop column singleton;
alter table audit_head add column lane text not null default 'city';
alter table audit_head alter column lane drop default;
alter table audit_head add primary key (lane);
alter table audit_head rename column last_id to last_seq;
