// docs/openapi.json is the route table's document, committed so other systems (and the web) generate
// clients from it: it must be exactly what the routes give, and clean under Redocly's recommended rules.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROUTES } from '../app.ts';
import { operationIdOf } from '../platform/http/openapi.ts';
import { OPENAPI_FILE, openApiDocument, REGENERATE, ROOT } from './openapi-document.ts';

test('docs/openapi.json is the document the route table generates', async () => {
  const generated = await openApiDocument();
  const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
  // a diff of 1.3 MB is no help: name the operations that differ, then the command
  if (committed !== generated) {
    const ops = (text: string) => {
      const doc = text
        ? (JSON.parse(text) as { paths: Record<string, Record<string, unknown>> })
        : { paths: {} };
      return new Map(
        Object.entries(doc.paths).flatMap(([p, methods]) =>
          Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${p}`, JSON.stringify(op)]),
        ),
      );
    };
    const [was, now] = [ops(committed), ops(generated)];
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k));
    expect.fail(
      `docs/openapi.json is stale (${changed.length ? `operations: ${changed.slice(0, 10).join(', ')}` : 'info or components'}): run \`${REGENERATE}\` and commit it`,
    );
  }
  expect(committed === generated).toBe(true);
}, 60_000);

test('every operation has its own operationId, derived from its method and url', () => {
  const ids = ROUTES.map((r) => operationIdOf(r.method, r.url));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(operationIdOf('GET', '/api/orgs/:id/members')).toBe('getOrgsByIdMembers');
  expect(operationIdOf('POST', '/open311/v2/requests.:format')).toBe('postOpen311V2RequestsByFormat');
  expect(operationIdOf('GET', '/open311/v2/*')).toBe('getOpen311V2AnyPath');
  expect(operationIdOf('POST', '/api/cases/:id/transitions')).toBe('postCasesByIdTransitions');
});

test("the document is clean under Redocly's recommended rules", async () => {
  const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
  // redocly.yaml (recommended) and .redocly.lint-ignore.yaml (the accepted problems, with reasons)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, 'lint', path.relative(ROOT, OPENAPI_FILE), '--format', 'json', '--max-problems', '50'],
    {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const result = JSON.parse(stdout) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  const problems = result.problems.map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
  expect(problems).toEqual([]);
  expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
}, 60_000);
