// Validity that changes with time: an open matter whose resolution passed and was not published
// within the set days becomes not validly made on the day after its deadline (DELIB_RESOLUTION_NOT_PUBLISHED).
import type { Db } from '../platform/db/handle.ts';
import * as repo from './deliberation.repository.ts';
import { evaluationState, factsOf, readDeliberationSettings } from './deliberation-state.ts';

/** Re-evaluates a batch of open matters past their publication deadline; answers how many. */
export async function refreshValidity(db: Db, today: string, batch: number): Promise<number> {
  const s = await readDeliberationSettings(db);
  const due = await repo.dueForRefresh(db, today, batch);
  for (const m of due) {
    const facts = await factsOf(db, m, await repo.loadSteps(db, m.id), s, today);
    await repo.updateState(db, m.id, evaluationState(facts, s, today), Number(m.version));
  }
  return due.length;
}
