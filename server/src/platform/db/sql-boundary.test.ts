// The rule "SQL only in repositories" (lint/sql-in-repositories.jsonc + .grit, run by `npm run lint`), checked
// once more without biome: no file outside the SQL layers imports kysely or builds SQL unless the legacy list
// names it, and the list only shrinks — every listed file exists and still holds SQL.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CONFIG = 'lint/sql-in-repositories.jsonc';

// the layers where SQL belongs (mirrors the config's first negated globs)
const LAYERS = [
  /\.repository\.ts$/,
  /^server\/src\/platform\/db\//,
  /^server\/src\/platform\/access\//,
  /-tables\.ts$/,
  /^server\/src\/demo\//,
  /\.test\.ts$/,
  /\/testing\//,
];

const SQL = [
  { what: 'imports kysely', re: /from 'kysely'/ },
  { what: 'builds a query', re: /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/ },
  { what: 'writes raw SQL', re: /\bsql(<[^`]*>)?`|\bsql\.\w+\(/ },
];

function legacyList(): string[] {
  const text = fs.readFileSync(path.join(ROOT, CONFIG), 'utf8');
  return [...text.matchAll(/"!(server\/src\/[^"*]+\.ts)"/g)].map((m) => m[1] as string);
}

function serverFiles(dir = 'server/src'): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return serverFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

function sqlLines(file: string): string[] {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((line, i) =>
      SQL.filter((s) => s.re.test(line)).map(
        (s) => `${file}:${i + 1} ${s.what}: ${line.trim().slice(0, 80)}`,
      ),
    );
}

describe('SQL only in repositories', () => {
  test('no file outside the SQL layers and the legacy list imports kysely or builds SQL', () => {
    const legacy = new Set(legacyList());
    const found = serverFiles()
      .filter((f) => !LAYERS.some((re) => re.test(f)) && !legacy.has(f))
      .flatMap(sqlLines);
    expect(found, 'move these queries into a *.repository.ts of their capability (ARCHITECTURE.md)').toEqual(
      [],
    );
  });

  test('the legacy list only shrinks: each listed file exists and still holds SQL', () => {
    const stale = legacyList().filter((f) => !fs.existsSync(path.join(ROOT, f)) || sqlLines(f).length === 0);
    expect(stale, `delete these lines from ${CONFIG}: the files are gone or hold no SQL any more`).toEqual(
      [],
    );
  });
});
