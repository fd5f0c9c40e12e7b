// The phone's one outbox (issue 10 item 7): what a grid worker does without a network — a case report
// with its photos, a patrol start, check-in or end — waits here in IndexedDB, photos as Blobs (not data
// URLs: localStorage holds ~5 MB per origin, IndexedDB the device's free space). Entries keep the order
// they were made and the clientRequestId fixed when made; one sender per tab sends them one at a time
// when the browser is online (now, on `online`, or after a backoff). The server stores a replayed
// clientRequestId once, so an entry sent twice (a lost answer, a closed tab) does no harm.
// The kinds register how they are sent (cases/offline-queue.ts, patrols/patrol-outbox.ts).
import { type IDBPDatabase, openDB } from 'idb';
import { ApiError } from '../api/client.ts';

export type OutboxStatus = 'pending' | 'sending' | 'failed';

export interface OutboxEntry<K extends string = string, P = unknown> {
  /** the clientRequestId (or another id fixed when the entry was made) */
  id: string;
  kind: K;
  /** the order entries were made in */
  seq: number;
  queuedAt: string;
  status: OutboxStatus;
  error?: { zh: string; en: string };
  payload: P;
}

/** Sends one entry; may save progress (uploaded photos) with `save` before it answers. */
export type Sender = (entry: OutboxEntry, save: (payload: unknown) => Promise<void>) => Promise<unknown>;

const DB_NAME = 'qj-outbox';
const STORE = 'entries';

let dbPromise: Promise<IDBPDatabase | null> | null = null;
function database(): Promise<IDBPDatabase | null> {
  dbPromise ??= (
    typeof indexedDB === 'undefined'
      ? Promise.resolve(null)
      : openDB(DB_NAME, 1, {
          upgrade(db) {
            db.createObjectStore(STORE, { keyPath: 'id' });
          },
        })
  ).catch(() => null);
  return dbPromise;
}

let entries: OutboxEntry[] = [];
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();
const sentListeners = new Set<(entry: OutboxEntry, answer: unknown) => void>();
const senders = new Map<string, Sender>();

function changed(next: OutboxEntry[]): void {
  entries = [...next].sort((a, b) => a.seq - b.seq);
  for (const l of listeners) l();
}

/** Reads the stored entries once (and moves the old localStorage queues in, see migrate). */
export function loadOutbox(): Promise<void> {
  loaded ??= (async () => {
    const db = await database();
    const stored = db ? ((await db.getAll(STORE)) as OutboxEntry[]) : [];
    // a tab closed while sending: the entry goes back to pending (the server dedupes the replay)
    const fixed = stored.map((e) => (e.status === 'sending' ? { ...e, status: 'pending' as const } : e));
    changed([...fixed, ...entries.filter((e) => !fixed.some((f) => f.id === e.id))]);
    if (db) for (const e of fixed) if (e.status === 'pending') await db.put(STORE, e);
  })();
  return loaded;
}

async function persist(entry: OutboxEntry): Promise<void> {
  const db = await database();
  if (db) await db.put(STORE, entry);
}

async function remove(id: string): Promise<void> {
  const db = await database();
  if (db) await db.delete(STORE, id);
}

/** The waiting entries of a kind, in order (a stable array between changes, for useSyncExternalStore). */
const byKind = new Map<string, { source: OutboxEntry[]; list: OutboxEntry[] }>();
export function outboxEntries<K extends string, P>(kind: K): OutboxEntry<K, P>[] {
  const cached = byKind.get(kind);
  if (cached && cached.source === entries) return cached.list as OutboxEntry<K, P>[];
  const list = entries.filter((e) => e.kind === kind);
  byKind.set(kind, { source: entries, list });
  return list as OutboxEntry<K, P>[];
}

export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onOutboxSent(listener: (entry: OutboxEntry, answer: unknown) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function registerSender(kind: string, sender: Sender): void {
  senders.set(kind, sender);
}

export function newClientRequestId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK';
}

/** Keeps an entry (stored before this resolves) and tries to send it and what waits before it. */
export async function enqueue<P>(kind: string, id: string, payload: P): Promise<void> {
  await loadOutbox();
  const entry: OutboxEntry = {
    id,
    kind,
    seq: Date.now() * 1000 + (entries.length % 1000),
    queuedAt: new Date().toISOString(),
    status: 'pending',
    payload,
  };
  changed([...entries.filter((e) => e.id !== id), entry]);
  await persist(entry);
  void flush();
}

async function update(id: string, change: Partial<OutboxEntry>): Promise<void> {
  const current = entries.find((e) => e.id === id);
  if (!current) return;
  const next = { ...current, ...change };
  changed(entries.map((e) => (e.id === id ? next : e)));
  await persist(next);
}

export async function discard(id: string): Promise<void> {
  changed(entries.filter((e) => e.id !== id));
  await remove(id);
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 2_000;

/** The network may come back before the browser's `online` event, or flicker: try again with backoff. */
function retryLater(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

/** Sends every waiting entry in order, one at a time; a call while sending joins the running one. */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    await loadOutbox();
    for (;;) {
      const entry = entries.find((e) => e.status === 'pending' && senders.has(e.kind));
      if (!entry) return;
      if (!navigator.onLine) {
        retryLater();
        return;
      }
      await update(entry.id, { status: 'sending' });
      try {
        const send = senders.get(entry.kind) as Sender;
        const answer = await send({ ...entry, status: 'sending' }, (payload) =>
          update(entry.id, { payload }),
        );
        await discard(entry.id);
        retryDelay = 2_000;
        for (const l of sentListeners) l(entry, answer);
      } catch (error) {
        if (isNetworkError(error)) {
          await update(entry.id, { status: 'pending' });
          retryLater();
          return;
        }
        await update(entry.id, {
          status: 'failed',
          error:
            error instanceof ApiError
              ? { zh: error.messageZh, en: error.messageEn }
              : { zh: String(error), en: String(error) },
        });
      }
    }
  };
  // cleared in a later microtask: a run that ends at once must not leave itself in place
  flushing = run().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Sends a failed entry again (after the user fixed what the server refused, or just to try again). */
export async function retry(id: string): Promise<void> {
  await update(id, { status: 'pending' });
  await flush();
}

let started = false;

/** Installs the sender once per tab: on `online`, and now for entries left from an earlier visit. */
export function startSending(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush());
  void flush();
}
