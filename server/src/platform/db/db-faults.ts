// Database faults: a PostgreSQL restart, a terminated connection, a failover, a server that cannot be
// reached. They are not the request's fault and not a bug: the client gets 503 DATABASE_UNAVAILABLE
// (health too) and the log gets one line per outage, not a stack per request. The pool replaces broken
// connections by itself, so the server recovers as soon as the database answers again.
import { AppError } from '../errors/errors.ts';

/** SQLSTATEs of a database that went away or is not accepting connections (class 08, 57P0x, …). */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down / in recovery
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: connected to a standby during a failover
]);

/** Node socket errors of a server that cannot be reached. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/i, // node-postgres: the socket ended (with or without .end())
  /timeout exceeded when trying to connect/i, // pg-pool connectionTimeoutMillis
  /Connection terminated due to connection timeout/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /no primary among/i, // the failover pool found only standbys
];

/** True for an error that says the database cannot be used right now (not that the query is wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
    // AggregateError (every address refused) and wrapped causes
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function databaseUnavailable(): AppError {
  return new AppError(
    503,
    'DATABASE_UNAVAILABLE',
    '数据库暂时无法访问，请稍后重试。已提交但未收到成功答复的操作没有生效。',
    'The database is unavailable for the moment: try again shortly. An operation that got no success answer did not take effect.',
  );
}

/** One line, without the stack: what kind of fault (SQLSTATE / errno) and its message. */
export function describeFault(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? `${e.code} ` : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return `${code}${message}`.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * The log of database faults: the first fault of an outage is written at once, later ones are
 * counted and summed up at most every `everyMs`; `noteDatabaseBack` closes the outage with its length.
 */
export class FaultLog {
  #since: number | null = null;
  #lastLine = 0;
  #suppressed = 0;
  readonly #everyMs: number;
  readonly #write: (line: string) => void;
  constructor(write: (line: string) => void = (line) => console.error(line), everyMs = 10_000) {
    this.#write = write;
    this.#everyMs = everyMs;
  }

  get down(): boolean {
    return this.#since !== null;
  }

  fault(error: unknown, where: string): void {
    const now = Date.now();
    if (this.#since === null) {
      this.#since = now;
      this.#lastLine = now;
      this.#suppressed = 0;
      this.#write(`数据库不可用 / database unavailable (${where}): ${describeFault(error)}`);
      return;
    }
    this.#suppressed++;
    if (now - this.#lastLine >= this.#everyMs) {
      this.#write(
        `数据库仍不可用 / database still unavailable for ${Math.round((now - this.#since) / 1000)} s ` +
          `(${this.#suppressed} more faults; last: ${describeFault(error)})`,
      );
      this.#lastLine = now;
      this.#suppressed = 0;
    }
  }

  back(): void {
    if (this.#since === null) return;
    this.#write(`数据库已恢复 / database back after ${((Date.now() - this.#since) / 1000).toFixed(1)} s`);
    this.#since = null;
  }
}

/** The process's fault log (the pools, the HTTP error handler and the timed jobs write to it). */
export const databaseFaults = new FaultLog();
