// Settings from the environment, read once. See README "Settings".
import path from 'node:path';

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
  };
}
