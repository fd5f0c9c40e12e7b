// A loopback SMS provider: a real HTTP server on 127.0.0.1 that speaks the protocol of HttpSmsGateway
// (sms-gateway.ts): it checks the app id, the timestamp and the HMAC signature, validates phone,
// template and parameters, sends each outId once (a repeated outId answers the same message id) and
// records the messages. Tests use it; `failNext` makes it answer errors to exercise the retries.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMS_HEADERS, SMS_SEND_PATH, signSmsRequest } from '../sms-gateway.ts';
import { isTemplateId, renderSms, SMS_TEMPLATES } from '../sms-templates.ts';

export interface LoopbackSms {
  messageId: string;
  outId: string;
  phone: string;
  templateId: string;
  params: Record<string, string>;
  signName: string;
  text: string;
  at: Date;
}

export interface SmsLoopback {
  url: string;
  appId: string;
  key: string;
  /** Messages sent (one per outId). */
  messages: LoopbackSms[];
  /** Every request, including refused and repeated ones. */
  requests: number;
  /** The next `count` requests answer this error code (SYSTEM_BUSY → HTTP 503). */
  failNext(count: number, code?: string): void;
  close(): Promise<void>;
}

export async function startSmsLoopback(
  options: { appId?: string; key?: string; port?: number } = {},
): Promise<SmsLoopback> {
  const appId = options.appId ?? 'qj-loopback';
  const key = options.key ?? 'loopback-sms-key-0123456789';
  const byOutId = new Map<string, LoopbackSms>();
  let failures: { count: number; code: string } = { count: 0, code: 'SYSTEM_BUSY' };
  let seq = 0;
  const state: SmsLoopback = {
    url: '',
    appId,
    key,
    messages: [],
    requests: 0,
    failNext(count, code = 'SYSTEM_BUSY') {
      failures = { count, code };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const answer = (res: http.ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ requestId: `req-${++seq}`, ...body }));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      if (req.method !== 'POST' || req.url !== SMS_SEND_PATH)
        return answer(res, 404, { code: 'NOT_FOUND', message: 'no such endpoint' });
      const raw = Buffer.concat(chunks).toString('utf8');
      const h = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : '';
      };
      const ts = h(SMS_HEADERS.timestamp);
      const expected = Buffer.from(signSmsRequest(key, appId, ts, h(SMS_HEADERS.nonce), raw), 'hex');
      const given = Buffer.from(h(SMS_HEADERS.signature), 'hex');
      if (
        h(SMS_HEADERS.appId) !== appId ||
        !/^\d+$/.test(ts) ||
        Math.abs(Date.now() / 1000 - Number(ts)) > 300 ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      )
        return answer(res, 401, { code: 'SIGNATURE_INVALID', message: '签名校验失败' });
      if (failures.count > 0) {
        failures.count--;
        return answer(res, failures.code === 'SYSTEM_BUSY' ? 503 : 200, {
          code: failures.code,
          message: '模拟故障 / simulated failure',
        });
      }
      let body: {
        phone?: unknown;
        signName?: unknown;
        templateId?: unknown;
        params?: unknown;
        outId?: unknown;
      };
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        return answer(res, 400, { code: 'PARAMS_INVALID', message: 'body is not JSON' });
      }
      if (typeof body.phone !== 'string' || !/^1\d{10}$/.test(body.phone))
        return answer(res, 200, { code: 'PHONE_INVALID', message: '手机号码格式错误' });
      if (typeof body.templateId !== 'string' || !isTemplateId(body.templateId))
        return answer(res, 200, { code: 'TEMPLATE_INVALID', message: '模板不存在或未审核' });
      const params = (body.params ?? {}) as Record<string, string>;
      const missing = SMS_TEMPLATES[body.templateId].params.filter((p) => typeof params[p] !== 'string');
      if (missing.length || typeof body.outId !== 'string' || typeof body.signName !== 'string')
        return answer(res, 200, {
          code: 'PARAMS_INVALID',
          message: `missing ${missing.join(', ') || 'outId/signName'}`,
        });
      const known = byOutId.get(body.outId);
      if (known) return answer(res, 200, { code: 'OK', message: '成功', messageId: known.messageId });
      const sms: LoopbackSms = {
        messageId: `lb-${byOutId.size + 1}-${Date.now().toString(36)}`,
        outId: body.outId,
        phone: body.phone,
        templateId: body.templateId,
        params,
        signName: body.signName,
        text: renderSms(body.templateId, params, body.signName),
        at: new Date(),
      };
      byOutId.set(sms.outId, sms);
      state.messages.push(sms);
      return answer(res, 200, { code: 'OK', message: '成功', messageId: sms.messageId });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
