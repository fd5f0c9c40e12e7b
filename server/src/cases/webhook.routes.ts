// An external system registers, reads and removes its status webhook (access 'api_key').
import { Type } from '@sinclair/typebox';
import { encryptPii } from '../platform/crypto/crypto.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import { route } from '../platform/http/route.ts';
import { Text } from '../platform/http/schemas.ts';
import { MAX_ATTEMPTS } from '../platform/jobs/retry.ts';
import * as responses from './external-responses.ts';
import * as repo from './webhook.repository.ts';

function checkUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    u = new URL('invalid:');
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || u.username || u.password) {
    throw unprocessable(
      'WEBHOOK_URL_INVALID',
      '回调地址须为 http(s):// 开头、不含用户名密码的完整地址。',
      'The webhook URL must be a full http(s):// URL without user or password.',
      { url: raw },
    );
  }
  return u.toString();
}

export const webhookRoutes = [
  route({
    method: 'PUT',
    url: '/api/external/webhook',
    access: 'api_key',
    summary:
      '对接系统登记或更换状态回调地址与签名密钥 / An external system registers or changes its status webhook',
    tags: ['external'],
    body: Type.Object(
      {
        url: Text(500, { minLength: 8 }),
        secret: Text(200, { minLength: 16 }),
      },
      { additionalProperties: false },
    ),
    response: { 200: responses.putExternalWebhook },
    async handler({ system, body, write }) {
      const url = checkUrl(body.url);
      await write(async (trx, audit) => {
        await repo.setWebhook(trx, system.id, {
          webhook_url: url,
          webhook_secret_enc: encryptPii(body.secret),
        });
        // the secret itself never goes into the audit log
        await audit({
          action: 'external.webhook_set',
          targetType: 'external_system',
          targetId: system.id,
          after: { url },
        });
      });
      return { url, registered: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/external/webhook',
    access: 'api_key',
    summary: '对接系统查看回调登记与投递情况 / An external system reads its webhook and delivery status',
    tags: ['external'],
    response: { 200: responses.getExternalWebhook },
    async handler({ db, system }) {
      const url = await repo.webhookUrlOf(db, system.id);
      const pending = await repo.pendingOf(db, system.id, MAX_ATTEMPTS);
      const failures = await repo.recentFailuresOf(db, system.id);
      return {
        url,
        registered: url !== null,
        pending: Number(pending.n),
        nextAttemptAt: pending.next,
        recentFailures: failures.map((f) => ({
          deliveryId: f.id,
          event: f.event,
          attempts: f.attempts,
          gaveUp: f.attempts >= MAX_ATTEMPTS,
          lastError: f.last_error,
          createdAt: f.created_at,
        })),
      };
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/external/webhook',
    access: 'api_key',
    summary: '对接系统取消状态回调 / An external system removes its webhook',
    tags: ['external'],
    response: { 200: responses.deleteExternalWebhook },
    async handler({ system, write }) {
      await write(async (trx, audit) => {
        await repo.setWebhook(trx, system.id, { webhook_url: null, webhook_secret_enc: null });
        await audit({
          action: 'external.webhook_removed',
          targetType: 'external_system',
          targetId: system.id,
        });
      });
      return { registered: false };
    },
  }),
];
