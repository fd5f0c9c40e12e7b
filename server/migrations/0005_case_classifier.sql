-- The dispatcher's classifier (cases/classifier/): multinomial naive Bayes over the words (ICU
-- segmentation) and character bigrams of title + description, trained from closed cases. Two heads:
-- the sub-category and the kind of the department that finally handled the case. Each training adds a
-- version; the server keeps the newest in memory and reloads when a newer version appears. Only the
-- last few versions are kept (the service deletes older ones).
-- The duplicate search needs no new index: civic_case_category_created_idx (category_code, created_at)
-- narrows to one category and the last M days, the bounding box on lng/lat and the exact distance
-- filter the rest.
create table case_classifier (
  version int primary key,
  trained_at timestamptz not null default now(),
  trained_by text not null,
  sample_count int not null,
  holdout_count int not null,
  -- on the holdout (null when it was too small to measure): top-1 and top-3 of the sub-category,
  -- top-1 of the department kind
  accuracy double precision,
  top3_accuracy double precision,
  department_accuracy double precision,
  training_ms int not null,
  model jsonb not null
);
