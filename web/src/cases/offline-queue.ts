// Case reports in the phone's outbox (offline/outbox.ts): a report made without a network waits in
// IndexedDB with its photos as Blobs and the clientRequestId fixed when it was made; sending uploads
// the photos still waiting (each once: the uploaded ids are saved as they come), then files the case
// with that clientRequestId, which the server answers with the same case when it is a replay.
import type { NewCaseInput } from '../api/types.ts';
import {
  discard as discardEntry,
  enqueue as enqueueEntry,
  flush,
  isNetworkError,
  loadOutbox,
  newClientRequestId,
  type OutboxEntry,
  onOutboxSent,
  outboxEntries,
  registerSender,
  retry as retryEntry,
  startSending,
  subscribeOutbox,
} from '../offline/outbox.ts';
import { createCase, readAsDataUrl, uploadDataUrl } from './case-api.ts';

const KIND = 'report';
/** Where the reports waited before the outbox moved to IndexedDB (read once, then removed). */
const OLD_KEY = 'qj.cases.outbox';

interface ReportPayload {
  input: Omit<NewCaseInput, 'photos' | 'clientRequestId'>;
  /** Photos not yet uploaded. */
  photos: Blob[];
  /** Attachment ids of photos already uploaded. */
  uploaded: number[];
}

export interface QueuedReport extends ReportPayload {
  clientRequestId: string;
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

async function toBlob(photo: string | Blob): Promise<Blob> {
  return typeof photo === 'string' ? (await fetch(photo)).blob() : photo;
}

/** Sends one report: its photos first (each once), then the case with its clientRequestId. */
export async function sendReport(
  item: {
    clientRequestId: string;
    input: ReportPayload['input'];
    photos: (string | Blob)[];
    uploaded?: number[];
  },
  save?: (payload: ReportPayload) => Promise<void>,
): Promise<SentReport> {
  let uploaded = [...(item.uploaded ?? [])];
  let photos = [...item.photos];
  while (photos.length > 0) {
    const [first, ...rest] = photos;
    const dataUrl = typeof first === 'string' ? first : await readAsDataUrl(first as Blob);
    const attachment = await uploadDataUrl(dataUrl);
    uploaded = [...uploaded, attachment.id];
    photos = rest;
    await save?.({ input: item.input, photos: await Promise.all(photos.map(toBlob)), uploaded });
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

registerSender(KIND, (entry, save) =>
  sendReport(
    { clientRequestId: entry.id, ...(entry.payload as ReportPayload) },
    save as (p: ReportPayload) => Promise<void>,
  ),
);

const toQueued = (e: OutboxEntry<string, ReportPayload>): QueuedReport => ({
  clientRequestId: e.id,
  queuedAt: e.queuedAt,
  status: e.status,
  ...(e.error ? { error: e.error } : {}),
  ...e.payload,
});
let source: OutboxEntry<string, ReportPayload>[] | null = null;
let snapshot: QueuedReport[] = [];

/** The waiting reports (a stable array between changes, for useSyncExternalStore). */
export function queuedReports(): QueuedReport[] {
  const current = outboxEntries<string, ReportPayload>(KIND);
  if (current !== source) {
    source = current;
    snapshot = current.map(toQueued);
  }
  return snapshot;
}

export const subscribe = subscribeOutbox;
export { flush, isNetworkError, newClientRequestId };

export function onSent(listener: (sent: SentReport) => void): () => void {
  return onOutboxSent((entry, answer) => {
    if (entry.kind === KIND) listener(answer as SentReport);
  });
}

/** Keeps a report with its photos as Blobs (data URLs of the form's thumbnails are turned back). */
export async function enqueue(item: {
  clientRequestId: string;
  input: ReportPayload['input'];
  photos: (string | Blob)[];
}): Promise<void> {
  const photos = await Promise.all(item.photos.map(toBlob));
  await enqueueEntry<ReportPayload>(KIND, item.clientRequestId, { input: item.input, photos, uploaded: [] });
}

export const discard = (id: string) => void discardEntry(id);
export const retry = (id: string) => retryEntry(id);

/** Reports queued by an earlier version in localStorage move into the outbox once. */
async function migrate(): Promise<void> {
  const raw = localStorage.getItem(OLD_KEY);
  if (!raw) return;
  try {
    const old = JSON.parse(raw) as {
      clientRequestId: string;
      input: ReportPayload['input'];
      photos: string[];
      uploaded: number[];
    }[];
    for (const r of old) {
      const photos = await Promise.all(r.photos.map(toBlob));
      await enqueueEntry<ReportPayload>(KIND, r.clientRequestId, {
        input: r.input,
        photos,
        uploaded: r.uploaded,
      });
    }
  } finally {
    localStorage.removeItem(OLD_KEY);
  }
}

/** Loads the outbox, moves old reports in, and installs the sender (once per tab). */
export function startOutbox(): void {
  void loadOutbox()
    .then(migrate)
    .then(() => startSending());
}
