// Bulk inserts in one statement per batch: `insert into t (…) select … from unnest($1::type[], …)`.
// One parameter per column whatever the number of rows, the same SQL on PGlite and PostgreSQL, and
// 5–20× the speed of multi-row VALUES (no 65,535-parameter limit, one plan). Used by the demo seed
// and the bulk import of case history.
import { type Kysely, sql } from 'kysely';

/** A column: its name and the PostgreSQL type of its values (jsonb values are passed as text). */
export interface BulkColumn<R> {
  name: keyof R & string;
  type: 'text' | 'int8' | 'int4' | 'float8' | 'bool' | 'timestamptz' | 'date' | 'jsonb';
}

function cell(value: unknown, type: BulkColumn<unknown>['type']): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'jsonb') return typeof value === 'string' ? value : JSON.stringify(value);
  if (type === 'timestamptz' && value instanceof Date) return value.toISOString();
  return value;
}

/**
 * Inserts `rows` into `table` in batches of `batchSize`; with `returning`, answers those columns of
 * the inserted rows in the order of `rows` (unnest … with ordinality keeps the order).
 */
export async function bulkInsert<R extends object, K extends string = never>(
  // biome-ignore lint/suspicious/noExplicitAny: any database with the table; the SQL is written here
  db: Kysely<any>,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  options: { batchSize?: number; returning?: readonly K[] } = {},
): Promise<Record<K, unknown>[]> {
  const batchSize = options.batchSize ?? 5000;
  const out: Record<K, unknown>[] = [];
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const selected = sql.join(
    columns.map((c) => (c.type === 'jsonb' ? sql`${sql.id(c.name)}::jsonb` : sql.id(c.name))),
  );
  const aliases = sql.join([...columns.map((c) => sql.id(c.name)), sql.id('__ord')]);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((c) => {
      const values = batch.map((r) => cell((r as Record<string, unknown>)[c.name], c.type));
      const arrayType = c.type === 'jsonb' ? 'text' : c.type;
      return sql`${values}::${sql.raw(arrayType)}[]`;
    });
    const returning = options.returning?.length
      ? sql` returning ${sql.join(options.returning.map((r) => sql.id(r)))}`
      : sql``;
    const query = sql<Record<K, unknown>>`insert into ${sql.table(table)} (${names})
      select ${selected} from unnest(${sql.join(arrays)}) with ordinality as u(${aliases})
      order by __ord${returning}`;
    const result = await query.execute(db);
    if (options.returning?.length) out.push(...result.rows);
  }
  return out;
}
