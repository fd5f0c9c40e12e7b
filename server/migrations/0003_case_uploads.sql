-- 0003 case uploads: photos are uploaded before the case they belong to exists (POST /api/attachments,
-- then POST /api/cases with photos: [id]), so an attachment row starts without a case and is linked to
-- it when the case (or a transition) names it. Files are content-addressed (DATA_DIR/attachments/<sha256>):
-- several rows may point at one file, so storage_key is no longer unique.
alter table case_attachment alter column case_id drop not null;
alter table case_attachment alter column county_code drop not null;
alter table case_attachment drop constraint case_attachment_storage_key_key;
create index case_attachment_sha256_idx on case_attachment (sha256);

-- The case list of an org-scoped actor filters by the grid's party org path (grid workers are scoped
-- to their grid org, secretaries to a village, towns and counties above): one prefix scan per scope.
create index civic_case_created_idx on civic_case (created_at desc);
create index case_summons_case_idx on case_summons (case_id);
