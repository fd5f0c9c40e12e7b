// PGlite is one connection. Kysely's own PGlite driver shares that connection between concurrent
// transactions, so two requests could interleave inside one transaction. This adapter gives Kysely's
// PostgresDialect a pool of exactly one client: a request holds the connection (and its transaction)
// until it releases it, and every other request waits its turn.
import type { PGlite } from '@electric-sql/pglite';

export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

interface QueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

export class PgliteClient {
  readonly processID = 1;
  readonly #pglite: PGlite;
  readonly #release: () => void;
  constructor(pglite: PGlite, release: () => void) {
    this.#pglite = pglite;
    this.#release = release;
  }

  async query(text: string, params: readonly unknown[] = []): Promise<QueryResult> {
    const result = await this.#pglite.query(text, params as unknown[], { rowMode: 'object' });
    const command = (/^\s*([a-zA-Z]+)/.exec(text)?.[1] ?? '').toUpperCase();
    return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
  }

  async exec(script: string): Promise<void> {
    await this.#pglite.exec(script);
  }

  release(): void {
    this.#release();
  }
}

export class PglitePool {
  readonly #pglite: PGlite;
  readonly #mutex = new Mutex();
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async connect(): Promise<PgliteClient> {
    const release = await this.#mutex.acquire();
    return new PgliteClient(this.#pglite, release);
  }

  async end(): Promise<void> {
    const release = await this.#mutex.acquire();
    try {
      if (!this.#pglite.closed) await this.#pglite.close();
    } finally {
      release();
    }
  }
}
