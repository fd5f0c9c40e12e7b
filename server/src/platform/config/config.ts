// Settings from the environment, read once. See README "Settings".
import path from 'node:path';
import { type RateLimits, rateLimitsFromEnv } from '../http/rate-limit.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string;
  demoMode: boolean;
  /** Cases of the demo seeded on first start (DEMO_CASES; default the demo scale's ~300,000). */
  demoCases: number | undefined;
  /** 32 hex chars (SM4 key); else generated once into DATA_DIR/keys.json */
  dataKey: string | undefined;
  /** Address residents reach the site at (links in SMS); PUBLIC_URL, default http://HOST:PORT. */
  publicUrl: string;
  /** SMS provider (SMS_GATEWAY_URL, _APP_ID, _KEY, SMS_SIGN_NAME); no URL: SMS are written to the log. */
  sms: { url: string | undefined; appId: string; key: string; signName: string };
  /** Intervals of the timed jobs in ms (ESCALATION_INTERVAL_MS, WEBHOOK_INTERVAL_MS, SMS_INTERVAL_MS, FOLD_INTERVAL_MS). */
  jobs: { escalationMs: number; webhookMs: number; smsMs: number; webhookTimeoutMs: number; foldMs: number };
  /** RATE_LIMIT_LOGIN, _PUBLIC_REPORT, _TRACKING, _OPEN311_WRITE (per window), RATE_LIMIT_WINDOW_MS */
  rateLimits: RateLimits;
}

export const DEFAULT_DEMO_PASSWORD = 'Qiangji@2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    demoMode: env.DEMO_MODE !== '0',
    demoCases: env.DEMO_CASES ? Number(env.DEMO_CASES) : undefined,
    dataKey: env.QJ_DATA_KEY || undefined,
    publicUrl:
      env.PUBLIC_URL ||
      `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${env.PORT ?? 3000}`,
    sms: {
      url: env.SMS_GATEWAY_URL || undefined,
      appId: env.SMS_GATEWAY_APP_ID ?? '',
      key: env.SMS_GATEWAY_KEY ?? '',
      signName: env.SMS_SIGN_NAME || '江门网格',
    },
    jobs: {
      escalationMs: Number(env.ESCALATION_INTERVAL_MS ?? 60_000),
      webhookMs: Number(env.WEBHOOK_INTERVAL_MS ?? 5_000),
      smsMs: Number(env.SMS_INTERVAL_MS ?? 5_000),
      webhookTimeoutMs: Number(env.WEBHOOK_TIMEOUT_MS ?? 10_000),
      foldMs: Number(env.FOLD_INTERVAL_MS ?? 5_000),
    },
    rateLimits: rateLimitsFromEnv(env),
  };
}
