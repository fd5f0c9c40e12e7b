// The web's API types come from the contract: web/src/api/schema.d.ts is generated from the
// committed docs/openapi.json by openapi-typescript (`npm run api:types`), first thing in
// `npm run typecheck`, and not committed: docs/openapi.json is the one committed copy of the contract,
// and the web is compiled against what it says now, so a drift between the two fails the typecheck.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OPENAPI_FILE = path.join(ROOT, 'docs/openapi.json');
export const SCHEMA_FILE = path.join(ROOT, 'web/src/api/schema.d.ts');
export const REGENERATE = 'npm run api:types';

const HEADER = `// Generated from docs/openapi.json by openapi-typescript (\`${REGENERATE}\`): not committed, do not edit.\n\n`;

/** The text of schema.d.ts for docs/openapi.json. */
export async function apiTypes(): Promise<string> {
  const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const text = await apiTypes();
  // written only when it changed: tsc and editors keep what they know
  if (!fs.existsSync(SCHEMA_FILE) || fs.readFileSync(SCHEMA_FILE, 'utf8') !== text)
    fs.writeFileSync(SCHEMA_FILE, text);
}
