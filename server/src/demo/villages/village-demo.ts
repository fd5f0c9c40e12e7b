// The demo of issue 14, in order: 换届 and the cadres it elected, the rosters, each county's power
// list and a year of its use, a year of village decisions, a year of 村务公开. Deterministic from the
// seed and dated up to `today`; every table written in bulk (platform/db/bulk-insert.ts).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { shanghaiToday } from '../../recruitment/domain/dates.ts';
import { seedDeliberations } from './deliberation-demo.ts';
import { seedElections } from './election-demo.ts';
import { seedPowerItems, seedPowerUses } from './power-list-demo.ts';
import { seedPublications } from './publication-demo.ts';
import { seedRosters } from './roster-demo.ts';

export async function seedVillageDemo(
  tx: Transaction<DB> | Kysely<DB>,
  options: { seed: number; today?: string; onProgress?: (step: string, done: number, total: number) => void },
) {
  const today = options.today ?? shanghaiToday();
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  progress('village', 0, 6);
  const elections = await seedElections(tx, { seed: options.seed, today });
  progress('village', 1, 6);
  const rosters = await seedRosters(tx, {
    seed: options.seed,
    today,
    electedOn: new Map(elections.plans.map((p) => [p.villageId, p.electedOn])),
  });
  progress('village', 2, 6);
  const powerItems = await seedPowerItems(tx);
  const power = await seedPowerUses(tx, { seed: options.seed, today });
  progress('village', 3, 6);
  const deliberations = await seedDeliberations(tx, { seed: options.seed, today });
  progress('village', 4, 6);
  const publications = await seedPublications(tx, { seed: options.seed, today });
  progress('village', 6, 6);
  const { plans: _plans, ...electionCounts } = elections;
  return {
    ...electionCounts,
    ...rosters,
    powerItems,
    ...power,
    ...deliberations,
    publicationItems: publications.items,
    questions: publications.questions,
    ms: Math.round(performance.now() - started),
  };
}
