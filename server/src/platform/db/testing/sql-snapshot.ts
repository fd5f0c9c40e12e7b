// SQL snapshots: the statements a repository method sends, compiled (text + parameter count, never the
// values), checked against a committed file beside the repository — a change to a scope filter or an
// index walk shows as a diff to review.
//
//   const snapshot = sqlSnapshot(new URL('./case-transition.repository.sql', import.meta.url));
//   afterAll(() => snapshot.verify());
//   test('…', async () => {
//     const row = await snapshot.record('caseForUpdate', db, (db) => repo.caseForUpdate(db, id));
//     expect(row).toMatchObject(…);   // the behaviour, as before
//   });
//
// - record(name, db, fn) runs fn with `db` plus a recording plugin and compares what it compiled with the
//   entry `name` of the file. A missing file, a missing entry or a different text fails the test, naming
//   the entry and how to accept the change. Both engines compile with the same PostgreSQL compiler, so the
//   db-pglite and db-postgres projects check the same file.
// - verify() (afterAll) fails on entries of the file that no test recorded (a method removed or renamed).
// - To write new or changed entries: QJ_UPDATE_SQL=1 npx vitest run --project db-pglite <the test file>,
//   then review `git diff` of the .sql file and commit it. Without QJ_UPDATE_SQL nothing is written, so
//   `npm test` (and CI) fails on a missing snapshot rather than silently creating one. Vitest's own
//   snapshot update (-u) is not used: outside CI it writes new snapshots without failing.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, type KyselyPlugin, PostgresQueryCompiler } from 'kysely';
import { expect } from 'vitest';

export interface RecordedStatement {
  sql: string;
  parameters: number;
}

export interface SqlSnapshot {
  /** Runs fn against a recording handle and checks the statements it compiled; returns fn's result. */
  record<D, R>(name: string, db: Kysely<D>, fn: (db: Kysely<D>) => Promise<R>): Promise<R>;
  /** Fails on entries of the file that no test of this file recorded. Call in afterAll. */
  verify(): void;
}

const UPDATE = process.env.QJ_UPDATE_SQL === '1';
const HEADER = '-- @ ';

/** Records every statement compiled through the returned handle (queries, raw sql, inside transactions). */
export function recordSql<D>(db: Kysely<D>): { db: Kysely<D>; statements: RecordedStatement[] } {
  const statements: RecordedStatement[] = [];
  const compiler = new PostgresQueryCompiler();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }) {
      const compiled = compiler.compileQuery(node, queryId);
      statements.push({ sql: formatSql(compiled.sql), parameters: compiled.parameters.length });
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
  return { db: db.withPlugin(plugin), statements };
}

export function sqlSnapshot(file: URL | string): SqlSnapshot {
  const filePath = typeof file === 'string' ? file : fileURLToPath(file);
  const shown = filePath.slice(filePath.indexOf('server/'));
  const stored = readEntries(filePath);
  const recorded = new Map<string, string>();

  return {
    async record(name, db, fn) {
      if (recorded.has(name)) throw new Error(`SQL snapshot entry "${name}" recorded twice in ${shown}`);
      const recording = recordSql(db);
      const result = await fn(recording.db);
      const text = renderEntry(recording.statements);
      recorded.set(name, text);
      if (UPDATE) {
        if (stored.get(name) !== text) {
          stored.set(name, text);
          writeEntries(filePath, stored);
        }
        // an assertion in this mode too (every test must assert): the entry now holds what ran
        expect(stored.get(name)).toBe(text);
        return result;
      }
      const expected = stored.get(name);
      if (expected === undefined) {
        throw new Error(
          `no SQL snapshot "${name}" in ${shown}: run QJ_UPDATE_SQL=1 npx vitest run --project db-pglite ` +
            '<this test file>, review the .sql file and commit it',
        );
      }
      expect(
        text,
        `the SQL of "${name}" differs from ${shown}; if the change is intended, run QJ_UPDATE_SQL=1 ` +
          'npx vitest run --project db-pglite <this test file> and commit the reviewed diff',
      ).toBe(expected);
      return result;
    },
    verify() {
      const obsolete = [...stored.keys()].filter((name) => !recorded.has(name));
      if (obsolete.length === 0) return;
      if (UPDATE) {
        for (const name of obsolete) stored.delete(name);
        writeEntries(filePath, stored);
        return;
      }
      throw new Error(
        `${shown} holds SQL that no test recorded: ${obsolete.join(', ')} — remove the entries ` +
          '(QJ_UPDATE_SQL=1 on the whole test file does) or record them again',
      );
    },
  };
}

function renderEntry(statements: RecordedStatement[]): string {
  if (statements.length === 0) return '-- (no statement)';
  return statements
    .map((s, i) => `-- #${i + 1} (${s.parameters} parameter${s.parameters === 1 ? '' : 's'})\n${s.sql}`)
    .join('\n');
}

function readEntries(filePath: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!fs.existsSync(filePath)) return entries;
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (name !== undefined) entries.set(name, lines.join('\n').trim());
  };
  for (const line of fs.readFileSync(filePath, 'utf8').split('\n')) {
    if (line.startsWith(HEADER)) {
      flush();
      name = line.slice(HEADER.length).trim();
      lines = [];
    } else if (name !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return entries;
}

function writeEntries(filePath: string, entries: Map<string, string>): void {
  const names = [...entries.keys()].sort();
  const body = names.map((name) => `${HEADER}${name}\n${entries.get(name)}\n`).join('\n');
  fs.writeFileSync(
    filePath,
    '-- SQL snapshot: written by QJ_UPDATE_SQL=1 and checked by the test beside it (platform/db/testing/sql-snapshot.ts)\n\n' +
      body,
  );
}

const BREAK_BEFORE = [
  'select',
  'from',
  'inner join',
  'left join',
  'cross join',
  'join',
  'where',
  'group by',
  'having',
  'order by',
  'limit',
  'offset',
  'returning',
  'values',
  'set',
  'on conflict',
  'union all',
  'union',
  'for update',
];

/**
 * One line per clause, indented by parenthesis depth, whitespace outside quotes collapsed: the same text
 * for the same statement whatever the source's layout (raw sql templates included).
 */
export function formatSql(text: string): string {
  let out = '';
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i] as string)) i++;
      if (out.length > 0 && !out.endsWith('\n') && !out.endsWith('(')) out += ' ';
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    const keyword = atWordStart(text, i, out) ? BREAK_BEFORE.find((k) => startsWord(text, i, k)) : undefined;
    if (keyword !== undefined && out.trim().length > 0 && !out.endsWith('(')) {
      out = `${out.trimEnd()}\n${'  '.repeat(depth)}${text.slice(i, i + keyword.length)}`;
      i += keyword.length;
      continue;
    }
    out += c;
    i++;
  }
  return out.trim();
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return text.length - 1;
}

function atWordStart(text: string, i: number, out: string): boolean {
  const before = i === 0 ? '' : (text[i - 1] as string);
  return (before === '' || /[\s(]/.test(before)) && !out.endsWith('.');
}

function startsWord(text: string, i: number, word: string): boolean {
  if (text.slice(i, i + word.length).toLowerCase() !== word) return false;
  const after = text[i + word.length];
  return after === undefined || /[\s(]/.test(after);
}
