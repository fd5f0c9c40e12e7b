// The HTTP SMS adapter against the loopback provider over real HTTP (no database).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HttpSmsGateway, LogSmsGateway, signSmsRequest } from './sms-gateway.ts';
import { type SmsLoopback, startSmsLoopback } from './testing/sms-loopback.ts';

let provider: SmsLoopback;
let gateway: HttpSmsGateway;

beforeAll(async () => {
  provider = await startSmsLoopback();
  gateway = new HttpSmsGateway({
    url: provider.url,
    appId: provider.appId,
    key: provider.key,
    signName: '江门网格',
  });
});
afterAll(() => provider.close());

const message = {
  phone: '13800138000',
  templateId: 'QJ_CASE_CLOSED' as const,
  params: { caseNo: 'JM20261124000001', link: 'https://wg.jiangmen.gov.cn/public/track/JM20261124000001' },
  outId: 'qj-sms-1',
};

describe('the HTTP SMS gateway', () => {
  test('a signed request is sent once per outId and answers the provider message id', async () => {
    const first = await gateway.send(message);
    expect(first.ok).toBe(true);
    const again = await gateway.send(message);
    expect(again).toEqual(first);
    expect(provider.messages).toHaveLength(1);
    expect(provider.messages[0]?.text).toBe(
      '【江门网格】您反映的问题（案件JM20261124000001）已处理办结，请对办理结果进行评价：https://wg.jiangmen.gov.cn/public/track/JM20261124000001',
    );
  });

  test('a wrong key is refused (retryable: configuration), a bad phone or template is permanent', async () => {
    const wrong = new HttpSmsGateway({
      url: provider.url,
      appId: provider.appId,
      key: 'wrong-key',
      signName: 'x',
    });
    expect(await wrong.send({ ...message, outId: 'qj-sms-2' })).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
      retryable: true,
    });
    expect(await gateway.send({ ...message, phone: '12345', outId: 'qj-sms-3' })).toMatchObject({
      ok: false,
      code: 'PHONE_INVALID',
      retryable: false,
    });
    expect(await gateway.send({ ...message, params: { caseNo: 'x' }, outId: 'qj-sms-4' })).toMatchObject({
      ok: false,
      code: 'PARAMS_INVALID',
      retryable: false,
    });
  });

  test('provider trouble and an unreachable provider are retryable', async () => {
    provider.failNext(1);
    expect(await gateway.send({ ...message, outId: 'qj-sms-5' })).toMatchObject({
      ok: false,
      code: 'SYSTEM_BUSY',
      retryable: true,
    });
    const down = new HttpSmsGateway({ url: 'http://127.0.0.1:9', appId: 'a', key: 'k', signName: 'x' });
    expect(await down.send(message)).toMatchObject({ ok: false, code: 'NETWORK', retryable: true });
  });

  test('the signature covers app id, timestamp, nonce and body', () => {
    const a = signSmsRequest('k', 'app', '1', 'n', '{}');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(signSmsRequest('k', 'app', '2', 'n', '{}')).not.toBe(a);
    expect(signSmsRequest('k', 'app', '1', 'm', '{}')).not.toBe(a);
    expect(signSmsRequest('k', 'app', '1', 'n', '{ }')).not.toBe(a);
  });

  test('without a provider the message goes to the log with the phone masked', async () => {
    const lines: string[] = [];
    const log = new LogSmsGateway('江门网格', (l) => lines.push(l));
    expect(await log.send(message)).toEqual({ ok: true, messageId: 'log:qj-sms-1' });
    expect(lines[0]).toContain('138****8000');
    expect(lines[0]).not.toContain('13800138000');
  });
});
