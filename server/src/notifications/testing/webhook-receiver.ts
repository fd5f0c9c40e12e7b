// A loopback webhook receiver, as an integrator would write one: a real HTTP server on 127.0.0.1 that
// verifies X-Qiangji-Signature over the raw body, refuses stale timestamps, and records what arrived
// (counting repeats of one X-Qiangji-Delivery id). `failNext` answers errors to exercise the retries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, WEBHOOK_HEADERS, type WebhookPayload } from '../../cases/webhook.ts';

export interface ReceivedWebhook {
  deliveryId: string;
  event: string;
  payload: WebhookPayload;
  at: Date;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  /** Accepted deliveries in arrival order (a repeated delivery id is recorded again). */
  received: ReceivedWebhook[];
  /** Requests refused for a bad signature. */
  badSignatures: number;
  /** The next `count` requests answer `status` (default 503). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  secret = 'receiver-secret-0123456789abcdef',
): Promise<WebhookReceiver> {
  let failures = { count: 0, status: 503 };
  const state: WebhookReceiver = {
    url: '',
    secret,
    received: [],
    badSignatures: 0,
    failNext(count, status = 503) {
      failures = { count, status };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const h = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      if (
        !verifyWebhookSignature(
          secret,
          { timestamp: h(WEBHOOK_HEADERS.timestamp), signature: h(WEBHOOK_HEADERS.signature) },
          raw,
        )
      ) {
        state.badSignatures++;
        res.writeHead(401).end('bad signature');
        return;
      }
      if (failures.count > 0) {
        failures.count--;
        res.writeHead(failures.status).end('try later');
        return;
      }
      state.received.push({
        deliveryId: h(WEBHOOK_HEADERS.delivery) ?? '',
        event: h(WEBHOOK_HEADERS.event) ?? '',
        payload: JSON.parse(raw) as WebhookPayload,
        at: new Date(),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/qiangji`;
  return state;
}
