import { describe, expect, test } from 'vitest';
import { backoffMs, MAX_ATTEMPTS, nextAttemptAt, RETRY_CAP_MS } from './retry.ts';

describe('retry backoff', () => {
  test('30 s doubling per failed attempt, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
    expect(backoffMs(200)).toBe(RETRY_CAP_MS);
    expect(backoffMs(0)).toBe(30_000);
  });

  test('the 10th failed attempt is the last', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(nextAttemptAt(1, now)?.toISOString()).toBe('2026-01-01T00:00:30.000Z');
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});
