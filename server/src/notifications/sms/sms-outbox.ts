// The SMS outbox: rows written in the transaction of the event (so an SMS exists iff its event
// committed) and sent by the job below. Claiming is FOR UPDATE SKIP LOCKED plus a lease committed
// before the provider is called: with several processes each row is sent by one; the row id is the
// provider's outId, so even a process killed mid-request cannot make the provider send it twice.
import { decryptPii } from '../../platform/crypto/crypto.ts';
import { databaseNow } from '../../platform/db/clock.ts';
import type { Db, Trx } from '../../platform/db/handle.ts';
import { errorText, MAX_ATTEMPTS, nextAttemptAt } from '../../platform/jobs/retry.ts';
import type { SmsGateway } from './sms-gateway.ts';
import * as repo from './sms-outbox.repository.ts';
import type { SmsTemplateId } from './sms-templates.ts';

export interface SmsRecipient {
  phoneEnc: string;
  phoneMasked: string;
  accountId: number | null;
}

export async function enqueueSms(
  trx: Trx,
  recipients: SmsRecipient[],
  what: {
    templateId: SmsTemplateId;
    params: Record<string, string>;
    event: string;
    caseId: number | null;
    countyCode: string | null;
  },
): Promise<number> {
  if (recipients.length === 0) return 0;
  await repo.insertMessages(
    trx,
    recipients.map((r) => ({
      template: what.templateId,
      params: JSON.stringify(what.params),
      phone_enc: r.phoneEnc,
      phone_masked: r.phoneMasked,
      account_id: r.accountId,
      case_id: what.caseId,
      county_code: what.countyCode,
      event: what.event,
    })),
  );
  return recipients.length;
}

/**
 * The parameters of an SMS that links to the public tracking page: the case number, the tracking code
 * (kept sealed, SM4, until the message is sent) and the page's path; runSmsOutbox makes `code` and `link`.
 */
export function trackingParams(caseNo: string, sealedCode: string | null): Record<string, string> {
  return {
    trackingPath: `/public/track/${encodeURIComponent(caseNo)}`,
    ...(sealedCode ? { codeEnc: sealedCode } : {}),
  };
}

/** The SMS phones (enabled) of the staff of some departments. */
export async function departmentRecipients(trx: Trx, departmentIds: number[]): Promise<SmsRecipient[]> {
  if (departmentIds.length === 0) return [];
  const rows = await repo.departmentPhones(trx, departmentIds);
  return rows.map((r) => ({ phoneEnc: r.phone_enc, phoneMasked: r.phone_masked, accountId: r.account_id }));
}

export interface SmsJobOptions {
  /** Links in messages start with it (PUBLIC_URL). */
  publicUrl: string;
  batch?: number;
  /** How long a claim holds before another process may take the row over (default 2 min). */
  leaseMs?: number;
  now?: Date;
}

export interface SmsRunResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  more: boolean;
}

export async function runSmsOutbox(
  db: Db,
  gateway: SmsGateway,
  options: SmsJobOptions,
): Promise<SmsRunResult> {
  const now = options.now ?? (await databaseNow(db));
  const batch = options.batch ?? 50;
  const lease = new Date(now.getTime() + (options.leaseMs ?? 120_000));
  const claimed = await repo.claimDue(db, now, batch, lease);
  const result: SmsRunResult = {
    claimed: claimed.length,
    sent: 0,
    retrying: 0,
    failed: 0,
    more: claimed.length === batch,
  };
  for (const m of claimed) {
    const params: Record<string, string> = { ...(m.params as Record<string, string>) };
    if (params.codeEnc !== undefined) {
      params.code = decryptPii(params.codeEnc);
      delete params.codeEnc;
    }
    if (params.trackingPath !== undefined) {
      const link = new URL(params.trackingPath, options.publicUrl);
      if (params.code) link.searchParams.set('code', params.code);
      params.link = link.toString();
      delete params.trackingPath;
    }
    let outcome: Awaited<ReturnType<SmsGateway['send']>>;
    try {
      outcome = await gateway.send({
        phone: decryptPii(m.phone_enc),
        templateId: m.template as SmsTemplateId,
        params,
        outId: `qj-sms-${m.id}`,
      });
    } catch (error) {
      outcome = { ok: false, code: 'ERROR', message: errorText(error), retryable: true };
    }
    const done = new Date();
    const next = outcome.ok || !outcome.retryable ? null : nextAttemptAt(m.attempts, done, MAX_ATTEMPTS);
    const set = outcome.ok
      ? { state: 'sent' as const, sent_at: done, provider_message_id: outcome.messageId, last_error: null }
      : next
        ? { last_error: `${outcome.code}: ${outcome.message}`.slice(0, 500), next_attempt_at: next }
        : { state: 'failed' as const, last_error: `${outcome.code}: ${outcome.message}`.slice(0, 500) };
    if (outcome.ok) result.sent++;
    else if (next) result.retrying++;
    else result.failed++;
    await repo.storeOutcome(db, m, set);
  }
  return result;
}
