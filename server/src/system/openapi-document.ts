// The committed OpenAPI document (docs/openapi.json), built from the route table without a database:
// `npm run openapi` writes it; openapi-document.test.ts fails when it drifts from the routes and runs
// Redocly's recommended rules over it. The server also serves it live at /api/openapi.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config/config.ts';
import type { Deps } from '../platform/http/route.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const OPENAPI_FILE = path.join(ROOT, 'docs/openapi.json');
export const REGENERATE = 'npm run openapi';

const NO_DATABASE = new Proxy({} as Deps['db'], {
  get() {
    throw new Error('the OpenAPI document is built without a database');
  },
});

/** The document as committed: pretty JSON with a final newline. */
export async function openApiDocument(): Promise<string> {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const app = await buildApp({
    database: NO_DATABASE as unknown as Deps['database'],
    db: NO_DATABASE,
    config: loadConfig({}),
    version,
  });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

export async function writeOpenApiDocument(): Promise<string> {
  fs.writeFileSync(OPENAPI_FILE, await openApiDocument());
  return OPENAPI_FILE;
}
