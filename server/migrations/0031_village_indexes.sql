-- 0031 (issue 14): the items published for a decision, found by the decision. The public village page
-- asks, for each of the village's decisions, whether its resolution was published; without this index
-- each page read every item of the city (EXPLAIN: a sequential scan of ~40,000 items, 350 ms on PGlite
-- under load; with it, a few index probes).
create index publication_item_deliberation_idx on publication_item (deliberation_id, kind)
  where deliberation_id is not null;
