// Prepared statements on PostgreSQL (issue 13). A statement sent as text is parsed and planned on
// every request; the lists, the statistics and the intake send the same few statements thousands of
// times a second, and planning a list's union of index walks took as long as running it. Sent as a
// named statement, it is parsed once per connection and planned once (a generic plan, when the
// server finds it no worse than the custom ones; else still without the parse).
// Names come from a hash of the text, so a text is one statement; each connection prepares at most
// MAX_PER_CONNECTION texts (statements built from lists of any length, `in ($1, …, $n)`, would
// otherwise grow without end) and sends the others as before.
import { createHash } from 'node:crypto';
import type pg from 'pg';

const MAX_PER_CONNECTION = 300;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const WRAPPED = Symbol('qj.prepared');

type Query = (...args: unknown[]) => unknown;

function wrap(client: pg.PoolClient): void {
  const holder = client as unknown as Record<symbol, boolean>;
  if (holder[WRAPPED]) return;
  holder[WRAPPED] = true;
  const original = client.query.bind(client) as Query;
  const prepared = new Set<string>();
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || args.length !== 2 || !PREPARABLE.test(text))
      return original(...args);
    const name = `qj_${createHash('sha1').update(text).digest('base64url')}`;
    if (!prepared.has(name)) {
      if (prepared.size >= MAX_PER_CONNECTION) return original(...args);
      prepared.add(name);
    }
    return original({ name, text, values });
  };
}

/** The pool, with every connection it hands out sending statements as named prepared statements. */
export function withPreparedStatements<P extends { connect(): Promise<pg.PoolClient> }>(pool: P): P {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      wrap(client);
      return client;
    });
  };
  return pool;
}
