-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)

-- @ encryptedSamples
-- #1 (0 parameters)
(select id_number_enc as value, 'id' as kind
  from member
  where id_number_enc is not null
  limit 3)
union all (select reporter_phone_enc, 'phone'
  from civic_case
  where reporter_phone_enc is not null
  limit 3)
