// A job that runs every `everyMs` (unref'd: it never keeps the process alive), never overlapping itself.
// When a run says there may be more (a full batch), the next run starts at once. While the database is
// unreachable a run fails: that is one line in the fault log (db-faults.ts), not a stack every interval.
import { databaseFaults, isDatabaseUnavailable } from '../db/db-faults.ts';

export function startTimedJob(
  name: string,
  everyMs: number,
  run: () => Promise<{ more?: boolean } | unknown>,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let more = false;
    try {
      const result = await run();
      more = typeof result === 'object' && result !== null && (result as { more?: boolean }).more === true;
    } catch (error) {
      if (isDatabaseUnavailable(error)) databaseFaults.fault(error, `${name} job`);
      else console.error(`${name} job failed:`, error);
    }
    if (stopped) return;
    timer = setTimeout(() => void tick(), more ? 0 : everyMs);
    timer.unref();
  };
  timer = setTimeout(() => void tick(), everyMs);
  timer.unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
