// Rate limits of the routes an attacker reaches first (issue 10 item 3), through @fastify/rate-limit:
// sign-in, the public report (a resident's POST /api/cases), public tracking and Open311 writes.
// Limits come from the configuration (RATE_LIMIT_*: per window, default one minute), so the browser
// tests are not throttled; a refusal is 429 in the error shape {code, message_zh, message_en}.
// The counters live in each server process (with several instances behind a load balancer each
// counts its own; the plugin's Redis store would share them).
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/errors.ts';

export type RateLimitName = 'login' | 'public_report' | 'tracking' | 'open311_write';

export interface RateLimits {
  /** sign-in attempts per client address */
  login: number;
  /** reports of one resident account */
  publicReport: number;
  /** public tracking look-ups per client address */
  tracking: number;
  /** Open311 POSTs per API key (or client address) */
  open311Write: number;
  windowMs: number;
}

export const RATE_LIMIT_DEFAULTS: RateLimits = {
  login: 20,
  publicReport: 10,
  tracking: 30,
  open311Write: 120,
  windowMs: 60_000,
};

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const n = (value: string | undefined, fallback: number) => {
    const v = Number(value);
    return value !== undefined && value !== '' && Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return {
    login: n(env.RATE_LIMIT_LOGIN, RATE_LIMIT_DEFAULTS.login),
    publicReport: n(env.RATE_LIMIT_PUBLIC_REPORT, RATE_LIMIT_DEFAULTS.publicReport),
    tracking: n(env.RATE_LIMIT_TRACKING, RATE_LIMIT_DEFAULTS.tracking),
    open311Write: n(env.RATE_LIMIT_OPEN311_WRITE, RATE_LIMIT_DEFAULTS.open311Write),
    windowMs: n(env.RATE_LIMIT_WINDOW_MS, RATE_LIMIT_DEFAULTS.windowMs),
  };
}

export function tooManyRequests(afterText: string, retryAfterSeconds: number): AppError {
  return new AppError(
    429,
    'RATE_LIMITED',
    `请求过于频繁，请 ${afterText.replace('seconds', '秒').replace('second', '秒').replace('minutes', '分钟').replace('minute', '分钟')} 后再试。`,
    `Too many requests: try again in ${afterText}.`,
    { retryAfterSeconds },
  );
}

const byAddress = (request: FastifyRequest) => `ip:${request.ip}`;
/** The signed-in caller (set by app.ts's session hook; typed here without importing the app). */
const actorOf = (request: FastifyRequest) =>
  (request as FastifyRequest & { actor?: Actor | null }).actor ?? null;

/** The route option `config.rateLimit` of a limited route. */
export function rateLimitOf(config: Pick<Config, 'rateLimits'>, name: RateLimitName) {
  const l = config.rateLimits;
  switch (name) {
    case 'login':
      return { max: l.login, timeWindow: l.windowMs, keyGenerator: byAddress, groupId: name };
    case 'tracking':
      return { max: l.tracking, timeWindow: l.windowMs, keyGenerator: byAddress, groupId: name };
    case 'open311_write':
      return {
        max: l.open311Write,
        timeWindow: l.windowMs,
        groupId: name,
        keyGenerator: (request: FastifyRequest) => {
          const key =
            (request.body as { api_key?: unknown } | undefined)?.api_key ??
            (request.query as { api_key?: unknown } | undefined)?.api_key;
          return typeof key === 'string' && key ? `key:${key.slice(0, 80)}` : byAddress(request);
        },
        // the body (with the api_key of a form) is parsed by then
        hook: 'preHandler' as const,
      };
    case 'public_report':
      return {
        max: l.publicReport,
        timeWindow: l.windowMs,
        groupId: name,
        keyGenerator: (request: FastifyRequest) => {
          const actor = actorOf(request);
          return actor ? `account:${actor.accountId}` : byAddress(request);
        },
        // the residents' reports; grid workers and staff report at work (an offline queue flushes many)
        allowList: (request: FastifyRequest) => {
          const actor = actorOf(request);
          return actor !== null && actor.role !== 'resident';
        },
      };
  }
}
