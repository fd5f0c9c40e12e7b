// The SMS adapter: SmsGateway is what the outbox job calls. HttpSmsGateway speaks the JSON protocol
// of docs/api-webhooks.md § SMS gateway (the shape of Chinese providers: template id + params + phone,
// an HMAC-signed request, the provider's message id in the answer, error codes), LogSmsGateway writes
// the text to the server log (development without a provider).
import { createHmac, randomBytes } from 'node:crypto';
import { errorText } from '../../platform/jobs/retry.ts';
import { maskPhone } from '../../platform/masking/masking.ts';
import { renderSms, type SmsTemplateId } from './sms-templates.ts';

export interface SmsMessage {
  phone: string;
  templateId: SmsTemplateId;
  params: Record<string, string>;
  /** Our id of the message: the provider sends one SMS per outId however often it is posted. */
  outId: string;
}

export type SmsResult =
  | { ok: true; messageId: string }
  | { ok: false; code: string; message: string; retryable: boolean };

export interface SmsGateway {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsResult>;
}

export const SMS_SEND_PATH = '/v1/sms/send';
export const SMS_HEADERS = {
  appId: 'x-sms-app-id',
  timestamp: 'x-sms-timestamp',
  nonce: 'x-sms-nonce',
  signature: 'x-sms-signature',
} as const;

/** Error codes of the protocol that retrying cannot fix (the number or the template is wrong). */
export const PERMANENT_SMS_ERRORS = new Set([
  'PHONE_INVALID',
  'PHONE_BLACKLISTED',
  'TEMPLATE_INVALID',
  'PARAMS_INVALID',
]);

/** hex HMAC-SHA256(key, appId \n timestamp \n nonce \n body). */
export function signSmsRequest(
  key: string,
  appId: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return createHmac('sha256', key).update(`${appId}\n${timestamp}\n${nonce}\n${body}`, 'utf8').digest('hex');
}

export interface HttpSmsConfig {
  url: string;
  appId: string;
  key: string;
  signName: string;
  timeoutMs?: number;
}

export class HttpSmsGateway implements SmsGateway {
  readonly name = 'http';
  readonly #config: HttpSmsConfig;

  constructor(config: HttpSmsConfig) {
    this.#config = config;
  }

  async send(message: SmsMessage): Promise<SmsResult> {
    const { url, appId, key, signName, timeoutMs = 10_000 } = this.#config;
    const body = JSON.stringify({
      phone: message.phone,
      signName,
      templateId: message.templateId,
      params: message.params,
      outId: message.outId,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    let res: Response;
    try {
      res = await fetch(new URL(SMS_SEND_PATH, url), {
        method: 'POST',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SMS_HEADERS.appId]: appId,
          [SMS_HEADERS.timestamp]: timestamp,
          [SMS_HEADERS.nonce]: nonce,
          [SMS_HEADERS.signature]: signSmsRequest(key, appId, timestamp, nonce, body),
        },
        body,
      });
    } catch (error) {
      return { ok: false, code: 'NETWORK', message: errorText(error), retryable: true };
    }
    let answer: { code?: string; message?: string; messageId?: string } = {};
    try {
      answer = (await res.json()) as typeof answer;
    } catch {
      // not JSON: judged by the status below
    }
    if (res.ok && answer.code === 'OK' && answer.messageId) return { ok: true, messageId: answer.messageId };
    const code = answer.code ?? `HTTP_${res.status}`;
    return {
      ok: false,
      code,
      message: (answer.message ?? `HTTP ${res.status}`).slice(0, 300),
      retryable: !PERMANENT_SMS_ERRORS.has(code),
    };
  }
}

/** Development without a provider: the SMS goes to the server log (phone masked) and counts as sent. */
export class LogSmsGateway implements SmsGateway {
  readonly name = 'log';
  readonly #signName: string;
  readonly #log: (line: string) => void;

  constructor(signName: string, log: (line: string) => void = (line) => console.log(line)) {
    this.#signName = signName;
    this.#log = log;
  }

  async send(message: SmsMessage): Promise<SmsResult> {
    this.#log(
      `短信 / SMS (no SMS_GATEWAY_URL: logged, not sent) → ${maskPhone(message.phone)}: ${renderSms(message.templateId, message.params, this.#signName)}`,
    );
    return { ok: true, messageId: `log:${message.outId}` };
  }
}

export function smsGatewayFromConfig(sms: {
  url: string | undefined;
  appId: string;
  key: string;
  signName: string;
}): SmsGateway {
  if (!sms.url) return new LogSmsGateway(sms.signName);
  return new HttpSmsGateway({ url: sms.url, appId: sms.appId, key: sms.key, signName: sms.signName });
}
