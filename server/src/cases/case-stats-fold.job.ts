// The fold job of the statistics roll-ups (0015): every few seconds it moves the deltas the writes
// appended into case_stat and case_open_stat. Reads add the deltas not folded yet, so the job's pace
// changes the cost of a read, never its answer. Two processes fold disjoint deltas (SKIP LOCKED).
// PGlite has no autovacuum: there the job vacuums the delta tables now and then.

import type { Db } from '../platform/db/handle.ts';
import { startTimedJob } from '../platform/jobs/timed-job.ts';
import { foldCaseStats, vacuumStatDeltas } from './case-stats.repository.ts';

const BATCH = 20_000;

/** Folds until no delta is left (or `maxRounds` batches); answers the deltas moved. */
export async function foldAll(db: Db, maxRounds = 1_000): Promise<number> {
  let moved = 0;
  for (let round = 0; round < maxRounds; round++) {
    const n = await foldCaseStats(db, BATCH);
    moved += n;
    if (n < BATCH) break;
  }
  return moved;
}

export function startCaseStatsFoldJob(db: Db, engine: 'pglite' | 'postgres', everyMs = 5_000): () => void {
  let folded = 0;
  return startTimedJob('statistics fold', everyMs, async () => {
    const n = await foldCaseStats(db, BATCH);
    folded += n;
    if (engine === 'pglite' && folded >= 50_000) {
      folded = 0;
      await vacuumStatDeltas(db);
    }
    return { more: n >= BATCH };
  });
}
