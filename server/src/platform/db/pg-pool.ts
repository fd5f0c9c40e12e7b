// The PostgreSQL connection pool (node-postgres), made to survive the database's faults:
//  - every pool and every connection has an error listener: a connection that the server terminates
//    (a restart, pg_terminate_backend, a dropped test database, a failover) is logged as a database
//    fault and replaced by the pool, never an unhandled 'error' event that ends the process;
//  - a connection attempt gives up after `connectTimeoutMs`, so requests answer 503 instead of hanging;
//  - several hosts, as libpq writes them: postgres://user@host1:5432,host2:5433/db?target_session_attrs=read-write.
//    node-postgres 8 does not understand a multi-host string (brianc/node-postgres#1470, the pull
//    request #3643 is not merged), so `FailoverPool` does what libpq does: every new connection tries
//    the hosts in turn (the one that last worked first) and, with read-write / primary, keeps only a
//    server that is not in recovery. After a standby is promoted, the first new connection finds it.
import pg from 'pg';
import { databaseFaults } from './db-faults.ts';

export type TargetSessionAttrs = 'any' | 'read-write' | 'primary';

export interface PgTarget {
  /** One single-host connection string per host, in the order given. */
  urls: string[];
  targetSessionAttrs: TargetSessionAttrs;
}

/** Splits a libpq-style multi-host URL into single-host URLs; takes target_session_attrs off. */
export function parsePgTarget(url: string): PgTarget {
  const m = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/i.exec(url.trim());
  if (!m) return { urls: [url], targetSessionAttrs: 'any' };
  const [, scheme = '', userinfo = '', hostList = '', dbPath = '', query = ''] = m;
  const params = new URLSearchParams(query.slice(1));
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (attrs !== 'any' && attrs !== 'read-write' && attrs !== 'primary') {
    throw new Error(
      `DATABASE_URL: target_session_attrs=${attrs} is not supported (use any, read-write or primary)`,
    );
  }
  params.delete('target_session_attrs');
  const rest = `${dbPath}${params.size > 0 ? `?${params.toString()}` : ''}`;
  const hosts = hostList.split(',').filter(Boolean);
  const urls = (hosts.length > 0 ? hosts : ['']).map((h) => `${scheme}${userinfo}${h}${rest}`);
  return { urls, targetSessionAttrs: attrs };
}

export interface PoolOptions {
  max: number;
  connectTimeoutMs?: number;
}

/** A node-postgres pool whose faults are logged and survived (see the top of this file). */
export function faultTolerantPool(url: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
  });
  // an idle connection that breaks: pg-pool removes it and emits here (no listener = process exit)
  pool.on('error', (error) => databaseFaults.fault(error, 'idle connection'));
  pool.on('connect', (client) => {
    // a connection in use that breaks between two queries emits on the client, not the pool
    client.on('error', (error) => databaseFaults.fault(error, 'connection'));
    databaseFaults.back();
  });
  return pool;
}

/** The pool of DATABASE_URL: one host → a plain pool; several hosts → a FailoverPool. */
export function openPgPool(url: string, options: PoolOptions): pg.Pool | FailoverPool {
  const target = parsePgTarget(url);
  if (target.urls.length === 1 && target.targetSessionAttrs === 'any') {
    return faultTolerantPool(target.urls[0] as string, options);
  }
  return new FailoverPool(target, options);
}

/** The subset of pg.Pool that Kysely's PostgresDialect and Database.exec use. */
export class FailoverPool {
  readonly #pools: pg.Pool[];
  readonly #attrs: TargetSessionAttrs;
  readonly #verified = new WeakSet<pg.PoolClient>();
  #current = 0;
  #ended = false;

  constructor(target: PgTarget, options: PoolOptions) {
    this.#pools = target.urls.map((u) => faultTolerantPool(u, options));
    this.#attrs = target.targetSessionAttrs;
  }

  /** Read by Kysely's query cancellation (a control connection to the same server). */
  get options(): object {
    return (this.#pools[this.#current] as pg.Pool).options;
  }

  get Client() {
    return pg.Client;
  }

  /** Index of the host that served the last connection (tests). */
  get currentHost(): number {
    return this.#current;
  }

  async connect(): Promise<pg.PoolClient> {
    if (this.#ended) throw new Error('Cannot use a pool after calling end on the pool');
    const order = [this.#current, ...this.#pools.keys()].filter((v, i, a) => a.indexOf(v) === i);
    const failures: string[] = [];
    let lastError: unknown;
    for (const i of order) {
      const pool = this.#pools[i] as pg.Pool;
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        lastError = error;
        failures.push(`host ${i + 1}: ${(error as Error).message}`);
        continue;
      }
      if (this.#attrs !== 'any' && !this.#verified.has(client)) {
        let writable = false;
        try {
          const r = await client.query<{ standby: boolean; ro: string }>(
            "select pg_is_in_recovery() as standby, current_setting('transaction_read_only') as ro",
          );
          const row = r.rows[0];
          writable = row !== undefined && !row.standby && (this.#attrs === 'primary' || row.ro === 'off');
        } catch (error) {
          client.release(true);
          lastError = error;
          failures.push(`host ${i + 1}: ${(error as Error).message}`);
          continue;
        }
        if (!writable) {
          client.release(true);
          failures.push(`host ${i + 1}: standby (read-only)`);
          continue;
        }
        this.#verified.add(client);
      }
      this.#current = i;
      return client;
    }
    const error = new Error(
      `no primary among the ${this.#pools.length} database hosts (target_session_attrs=${this.#attrs}): ${failures.join('; ')}`,
      { cause: lastError },
    );
    throw error;
  }

  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await Promise.all(this.#pools.map((p) => p.end()));
  }

  get ended(): boolean {
    return this.#ended;
  }
}
