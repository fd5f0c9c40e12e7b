// The timed work of issue 14 (hourly, and once at start): each village's 村务公开 items for the
// periods that have begun, the alerts of overdue items up the tree (village, town, county), and the
// validity of open decisions whose resolution went unpublished past its deadline.
import { refreshValidity } from '../deliberation/deliberation-refresh.ts';
import type { Db } from '../platform/db/handle.ts';
import { startTimedJob } from '../platform/jobs/timed-job.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { alertOverdue, ensurePeriodItems } from '../village-publication/calendar.repository.ts';
import { periodOf, periodTitle, quarterOf } from '../village-publication/domain/calendar.ts';
import { readPublicationSettings } from '../village-publication/publication.service.ts';

export async function runVillageJobs(db: Db, today = shanghaiToday()) {
  const s = await readPublicationSettings(db);
  const quarter = periodOf(quarterOf(today), s);
  const month = periodOf(today.slice(0, 7), s);
  let created = await ensurePeriodItems(db, 'general', quarter, periodTitle('general', quarter.period));
  created += await ensurePeriodItems(db, 'finance', month, periodTitle('finance', month.period), {
    atLeast: s.financeMonthlyHouseholdsAtLeast,
  });
  created += await ensurePeriodItems(db, 'finance', quarter, periodTitle('finance', quarter.period), {
    below: s.financeMonthlyHouseholdsAtLeast,
  });
  const alerted = await alertOverdue(db, today, 2000);
  const refreshed = await refreshValidity(db, today, 500);
  return { created, alerted, refreshed, more: alerted === 2000 || refreshed === 500 };
}

export function startVillageJobs(db: Db, everyMs = 3_600_000): () => void {
  void runVillageJobs(db).catch((error) => console.error('village jobs failed:', error));
  return startTimedJob('village', everyMs, () => runVillageJobs(db));
}
