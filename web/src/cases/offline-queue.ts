// Reports made without a network wait here (localStorage) with their photos as data URLs and a
// clientRequestId fixed when they were queued. They are sent when the browser says it is online
// again, one at a time by a single sender per tab; the server answers a replay of the same
// clientRequestId with the case it already made, so a report is never filed twice.
import { ApiError } from '../api/client.ts';
import type { NewCaseInput } from '../api/types.ts';
import { createCase, uploadDataUrl } from './case-api.ts';

const KEY = 'qj.cases.outbox';

export interface QueuedReport {
  clientRequestId: string;
  input: Omit<NewCaseInput, 'photos' | 'clientRequestId'>;
  /** Photos not yet uploaded, as data URLs. */
  photos: string[];
  /** Attachment ids of photos already uploaded. */
  uploaded: (number | string)[];
  queuedAt: string;
  status: 'pending' | 'sending' | 'failed';
  error?: { zh: string; en: string };
}

export interface SentReport {
  clientRequestId: string;
  caseNo: string;
  caseId: number;
  title: string;
  /** With the case number, what the reporter follows the case with on the public page. */
  trackingCode?: string | null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
const sentListeners = new Set<(sent: SentReport) => void>();

function read(): QueuedReport[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as QueuedReport[];
  } catch {
    return [];
  }
}

function write(items: QueuedReport[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  for (const l of listeners) l();
}

function update(id: string, change: Partial<QueuedReport>): void {
  write(read().map((item) => (item.clientRequestId === id ? { ...item, ...change } : item)));
}

export function queuedReports(): QueuedReport[] {
  return read();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onSent(listener: (sent: SentReport) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

export function newClientRequestId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function enqueue(item: Omit<QueuedReport, 'status' | 'queuedAt' | 'uploaded'>): void {
  write([...read(), { ...item, uploaded: [], queuedAt: new Date().toISOString(), status: 'pending' }]);
}

export function discard(id: string): void {
  write(read().filter((item) => item.clientRequestId !== id));
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK';
}

/** Sends one report: its photos first (each once), then the case with its clientRequestId. */
export async function sendReport(item: QueuedReport): Promise<SentReport> {
  let uploaded = [...item.uploaded];
  let photos = [...item.photos];
  while (photos.length > 0) {
    const [first, ...rest] = photos;
    const attachment = await uploadDataUrl(first as string);
    uploaded = [...uploaded, attachment.id];
    photos = rest;
    update(item.clientRequestId, { uploaded, photos });
  }
  const answer = await createCase({ ...item.input, photos: uploaded, clientRequestId: item.clientRequestId });
  return {
    clientRequestId: item.clientRequestId,
    caseNo: answer.case.caseNo,
    caseId: answer.case.id,
    title: answer.case.title,
    trackingCode: answer.trackingCode ?? null,
  };
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

/** Sends every waiting report, one at a time; a second call while sending joins the first. */
export function flush(): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    for (;;) {
      if (!navigator.onLine) {
        if (read().some((i) => i.status === 'pending')) retryLater();
        return;
      }
      const item = read().find((i) => i.status === 'pending');
      if (!item) return;
      update(item.clientRequestId, { status: 'sending' });
      try {
        const sent = await sendReport(item);
        discard(item.clientRequestId);
        retryDelay = 2_000;
        for (const l of sentListeners) l(sent);
      } catch (error) {
        if (isNetworkError(error)) {
          update(item.clientRequestId, { status: 'pending' });
          retryLater();
          return;
        }
        update(item.clientRequestId, {
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

/** Retry a failed report (after the user fixed what the server refused, or just to try again). */
export function retry(id: string): Promise<void> {
  update(id, { status: 'pending' });
  return flush();
}

let started = false;

/** Installs the sender: on `online`, and once now for reports left from an earlier visit. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => void flush());
  // a report left 'sending' by a closed tab goes back to pending: the server dedupes its replay
  const items = read();
  if (items.some((i) => i.status === 'sending')) {
    write(items.map((i) => (i.status === 'sending' ? { ...i, status: 'pending' as const } : i)));
  }
  void flush();
}
