// Every patrol step (start, check-in, end) goes through this outbox: kept in localStorage in the
// order it was made, with the clientRequestId fixed when it was made, and sent one at a time when
// the browser is online (now, on `online`, or after a backoff). The server stores a resent step once,
// so a step sent twice (a lost answer, a closed tab) does no harm. The ids and the network test are
// those of the case reports' queue (cases/offline-queue.ts); the steps differ, so the list is ours.
import { ApiError } from '../api/client.ts';
import { isNetworkError, newClientRequestId } from '../cases/offline-queue.ts';
import {
  type CheckinBody,
  checkIn,
  type EndBody,
  endPatrol,
  type StartBody,
  startPatrol,
} from './patrol-api.ts';

const KEY = 'qj.patrols.outbox';

export type PatrolStep =
  | { kind: 'start'; body: StartBody }
  | { kind: 'checkin'; body: CheckinBody }
  | { kind: 'end'; body: EndBody };

export type QueuedStep = PatrolStep & {
  id: string;
  status: 'pending' | 'sending' | 'failed';
  error?: { zh: string; en: string };
};

export interface SentStep {
  step: PatrolStep;
  answer: unknown;
}

const listeners = new Set<() => void>();
const sentListeners = new Set<(sent: SentStep) => void>();

function read(): QueuedStep[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as QueuedStep[];
  } catch {
    return [];
  }
}

let snapshot: QueuedStep[] = read();
function write(items: QueuedStep[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  snapshot = items;
  for (const l of listeners) l();
}

function update(id: string, change: Partial<QueuedStep>): void {
  write(read().map((s) => (s.id === id ? ({ ...s, ...change } as QueuedStep) : s)));
}

/** The waiting steps (a stable array between changes, for useSyncExternalStore). */
export function queuedSteps(): QueuedStep[] {
  return snapshot;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onSent(listener: (sent: SentStep) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export { newClientRequestId };

/** Keeps a step and tries to send it (and anything before it) at once. */
export function record(step: PatrolStep): Promise<void> {
  const id = step.kind === 'end' ? newClientRequestId() : step.body.clientRequestId;
  write([...read(), { ...step, id, status: 'pending' } as QueuedStep]);
  return flush();
}

export function discard(id: string): void {
  write(read().filter((s) => s.id !== id));
}

function send(step: PatrolStep): Promise<unknown> {
  if (step.kind === 'start') return startPatrol(step.body);
  if (step.kind === 'checkin') return checkIn(step.body);
  return endPatrol(step.body);
}

let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 2_000;

function retryLater(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    void flush();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

/** Sends the waiting steps in order; a call while sending joins the running one. */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    for (;;) {
      const item = read().find((s) => s.status === 'pending');
      if (!item) return;
      if (!navigator.onLine) {
        retryLater();
        return;
      }
      update(item.id, { status: 'sending' });
      try {
        const answer = await send(item);
        discard(item.id);
        retryDelay = 2_000;
        for (const l of sentListeners) l({ step: item, answer });
      } catch (error) {
        if (isNetworkError(error)) {
          update(item.id, { status: 'pending' });
          retryLater();
          return;
        }
        update(item.id, {
          status: 'failed',
          error:
            error instanceof ApiError
              ? { zh: error.messageZh, en: error.messageEn }
              : { zh: String(error), en: String(error) },
        });
      }
    }
  };
  flushing = run().finally(() => {
    flushing = null;
  });
  return flushing;
}

let started = false;

/** Installs the sender once per tab: on `online`, and now for steps left from an earlier visit. */
export function startPatrolOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush());
  const items = read();
  if (items.some((s) => s.status === 'sending')) {
    write(items.map((s) => (s.status === 'sending' ? { ...s, status: 'pending' as const } : s)));
  }
  void flush();
}
