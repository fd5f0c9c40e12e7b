// Retries of outgoing messages (webhooks, SMS): exponential backoff, a cap, a last attempt.
// After attempt n (1-based) failed, the next one waits BASE × 2^(n-1), at most CAP:
// 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min, 1 h, 1 h; the 10th failure gives up.

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;
export const MAX_ATTEMPTS = 10;

/** Delay before the next attempt, after `attempts` attempts failed (attempts ≥ 1). */
export function backoffMs(attempts: number, base = RETRY_BASE_MS, cap = RETRY_CAP_MS): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^30 would overflow nothing in JS, but keep the exponent small so the cap decides
  return Math.min(cap, base * 2 ** Math.min(n - 1, 30));
}

/** When to try again, or null when this was the last attempt. */
export function nextAttemptAt(attempts: number, now: Date, max = MAX_ATTEMPTS): Date | null {
  if (attempts >= max) return null;
  return new Date(now.getTime() + backoffMs(attempts));
}

/** Short text of an error for last_error columns. */
export function errorText(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}${
          error.cause instanceof Error ? ` (${error.cause.message})` : ''
        }`
      : String(error);
  return text.slice(0, 500);
}
