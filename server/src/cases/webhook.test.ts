import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook.ts';

describe('webhook signatures', () => {
  const secret = 'whsec_0123456789abcdef';
  const body = '{"caseNo":"JM20261124000001","state":"dispatched"}';
  const ts = '1795000000';

  test('hex HMAC-SHA256 of timestamp "." body, as docs/api-webhooks.md tells integrators', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(expected);
    // a fixed vector integrators can check their code against
    expect(signWebhook('secret', '1700000000', '{}')).toBe(
      createHmac('sha256', 'secret').update('1700000000.{}').digest('hex'),
    );
  });

  test('verification accepts the signature and refuses another body, secret, or a stale timestamp', () => {
    const now = Number(ts) * 1000;
    const signature = signWebhook(secret, ts, body);
    expect(verifyWebhookSignature(secret, { timestamp: ts, signature }, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, { timestamp: ts, signature }, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature('other-secret-000000', { timestamp: ts, signature }, body, now)).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, { timestamp: ts, signature }, body, now + 301_000)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: ts, signature: 'zz' }, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: undefined, signature }, body, now)).toBe(false);
  });
});
