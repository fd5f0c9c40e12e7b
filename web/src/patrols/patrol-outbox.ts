// Patrol steps (start, check-in, end) in the phone's outbox (offline/outbox.ts), the same one as the
// case reports: kept in IndexedDB in the order they were made with the clientRequestId fixed then,
// sent one at a time when online; the server stores a resent step once.
import {
  discard as discardEntry,
  enqueue,
  flush,
  loadOutbox,
  newClientRequestId,
  type OutboxEntry,
  onOutboxSent,
  outboxEntries,
  registerSender,
  startSending,
  subscribeOutbox,
} from '../offline/outbox.ts';
import {
  type CheckinBody,
  checkIn,
  type EndBody,
  endPatrol,
  type StartBody,
  startPatrol,
} from './patrol-api.ts';

const KIND = 'patrol';
/** Where the steps waited before the outbox moved to IndexedDB (read once, then removed). */
const OLD_KEY = 'qj.patrols.outbox';

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

function send(step: PatrolStep): Promise<unknown> {
  if (step.kind === 'start') return startPatrol(step.body);
  if (step.kind === 'checkin') return checkIn(step.body);
  return endPatrol(step.body);
}

registerSender(KIND, (entry) => send(entry.payload as PatrolStep));

let source: OutboxEntry<string, PatrolStep>[] | null = null;
let snapshot: QueuedStep[] = [];

/** The waiting steps (a stable array between changes, for useSyncExternalStore). */
export function queuedSteps(): QueuedStep[] {
  const current = outboxEntries<string, PatrolStep>(KIND);
  if (current !== source) {
    source = current;
    snapshot = current.map(
      (e) =>
        ({ ...e.payload, id: e.id, status: e.status, ...(e.error ? { error: e.error } : {}) }) as QueuedStep,
    );
  }
  return snapshot;
}

export const subscribe = subscribeOutbox;
export { flush, newClientRequestId };

export function onSent(listener: (sent: SentStep) => void): () => void {
  return onOutboxSent((entry, answer) => {
    if (entry.kind === KIND) listener({ step: entry.payload as PatrolStep, answer });
  });
}

/** Keeps a step and tries to send it (and anything before it) at once. */
export function record(step: PatrolStep): Promise<void> {
  const id = step.kind === 'end' ? newClientRequestId() : step.body.clientRequestId;
  return enqueue<PatrolStep>(KIND, id, step);
}

export const discard = (id: string) => void discardEntry(id);

async function migrate(): Promise<void> {
  const raw = localStorage.getItem(OLD_KEY);
  if (!raw) return;
  try {
    for (const s of JSON.parse(raw) as (PatrolStep & { id: string })[]) {
      const { id, ...step } = s as PatrolStep & { id: string; status?: string; error?: unknown };
      delete (step as { status?: string }).status;
      delete (step as { error?: unknown }).error;
      await enqueue<PatrolStep>(KIND, id, step as PatrolStep);
    }
  } finally {
    localStorage.removeItem(OLD_KEY);
  }
}

/** Loads the outbox, moves old steps in, and installs the sender (once per tab). */
export function startPatrolOutbox(): void {
  void loadOutbox()
    .then(migrate)
    .then(() => startSending());
}
