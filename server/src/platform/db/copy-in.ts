// COPY … FROM STDIN on both engines (issue 13: the import of case history and the city seed). Rows
// are encoded in PostgreSQL's text format here and sent as one statement: on PostgreSQL through
// pg-copy-streams, on PGlite as the statement's /dev/blob. COPY parses no SQL per row and inserts in
// multi-row batches: 3–5× the rows per second of an unnest insert (bulk-insert.ts).
// The statement goes through Kysely like any other (so it runs in the caller's transaction): the data
// rides as the one parameter of `copy t (…) from stdin`, and the pool's clients (withCopyIn, applied
// in engine.ts) recognise it and speak COPY instead of a query.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkColumn } from './bulk-insert.ts';

/** The data of one COPY: text-format chunks (tab-separated columns, one row per line). */
export class CopyData {
  readonly chunks: readonly string[];
  constructor(chunks: readonly string[]) {
    this.chunks = chunks;
  }
}

interface CopyResult {
  command: 'COPY';
  rowCount: number;
  rows: never[];
}

const ESCAPE = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: unknown, type: BulkColumn<unknown>['type']): string {
  if (value === undefined || value === null) return '\\N';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (type === 'bool') text = value ? 't' : 'f';
  else if (type === 'jsonb' && typeof value !== 'string') text = JSON.stringify(value);
  else text = String(value);
  return text.replace(ESCAPE, (c) => ESCAPED[c] as string);
}

/** Encodes `rows` in COPY's text format, in chunks of about `chunkChars` characters. */
export function copyText<R extends object>(
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  chunkChars = 1 << 20,
): string[] {
  const chunks: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as BulkColumn<R>;
      line += (i ? '\t' : '') + field(r[c.name], c.type);
    }
    lines.push(line);
    size += line.length + 1;
    if (size >= chunkChars) {
      chunks.push(`${lines.join('\n')}\n`);
      lines = [];
      size = 0;
    }
  }
  if (lines.length) chunks.push(`${lines.join('\n')}\n`);
  return chunks;
}

/** COPYs `rows` into `table` (its `columns`) in the caller's connection or transaction. */
export async function copyRows<R extends object>(
  // biome-ignore lint/suspicious/noExplicitAny: any database with the table; the statement is written here
  db: Kysely<any>,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const data = new CopyData(copyText(columns, rows));
  await db.executeQuery(CompiledQuery.raw(`copy "${table}" (${names}) from stdin`, [data]));
  return rows.length;
}

type Copier<C> = (client: C, text: string, data: CopyData) => Promise<CopyResult>;

/** PostgreSQL: COPY through pg-copy-streams on the client. */
export const pgCopier: Copier<pg.PoolClient> = async (client, text, data) => {
  const stream = client.query(copyFrom(text));
  await pipeline(Readable.from(data.chunks), stream);
  return { command: 'COPY', rowCount: Number(stream.rowCount ?? 0), rows: [] };
};

/** PGlite: the data as the statement's /dev/blob. */
export function pgliteCopier(pglite: PGlite): Copier<unknown> {
  return async (_client, text, data) => {
    const result = await pglite.query(text.replace(/from stdin$/i, "from '/dev/blob'"), [], {
      blob: new Blob(data.chunks as string[]),
    });
    return { command: 'COPY', rowCount: result.affectedRows ?? 0, rows: [] };
  };
}

const WRAPPED = Symbol('qj.copyIn');

/** The pool, with every client it hands out taking a CopyData parameter as a COPY (see the top). */
export function withCopyIn<P extends { connect(): Promise<C> }, C extends object>(
  pool: P,
  copier: Copier<C>,
): P {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => Promise<C>;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return connect().then((client) => {
      const holder = client as unknown as Record<symbol, boolean>;
      if (holder[WRAPPED]) return client;
      holder[WRAPPED] = true;
      const target = client as unknown as { query: (...a: unknown[]) => unknown };
      const original = target.query.bind(client);
      target.query = (...a: unknown[]) => {
        const values = a[1];
        if (typeof a[0] === 'string' && Array.isArray(values) && values[0] instanceof CopyData)
          return copier(client, a[0], values[0]);
        return original(...a);
      };
      return client;
    });
  };
  return pool;
}
