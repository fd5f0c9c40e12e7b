// Every audit action the server writes by a fixed name has a name on the audit page.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AUDIT_ACTION_NAMES, TARGET_TYPE_NAMES } from './audit-names.ts';

const SERVER = path.resolve(import.meta.dirname, '../../../server/src');

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(p);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [p] : [];
  });
}

function written(pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const file of serverSources(SERVER)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(pattern)) found.add(m[1] as string);
  }
  return [...found].sort();
}

test('every fixed audit action and record type has a Chinese and English name', () => {
  const actions = [
    ...written(/action: '([a-z_]+\.[a-z_.0-9]+)'/g),
    // an action chosen by a condition: both of its branches
    ...written(/action: [^,\n]*\? '([a-z_]+\.[a-z_.0-9]+)' :/g),
    ...written(/action: [^,\n]*\? '[a-z_.0-9]+' : '([a-z_]+\.[a-z_.0-9]+)'/g),
    // helpers that audit on a service's behalf take the action as an argument
    ...written(/audit\w*\(\s*audit,\s*actor,\s*'([a-z_]+\.[a-z_.0-9]+)'/g),
  ];
  expect(actions.length).toBeGreaterThan(50);
  expect(actions.filter((a) => !AUDIT_ACTION_NAMES[a])).toEqual([]);
  const types = written(/targetType: '([a-z_]+)'/g).filter((t) => t !== 'test');
  expect(types.filter((t) => !TARGET_TYPE_NAMES[t])).toEqual([]);
});
