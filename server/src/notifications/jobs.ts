// The timed jobs that send what the case loop queued: webhook deliveries and the SMS outbox
// (the escalation job is started beside them). Intervals come from the config (env), so tests run fast.
import { runWebhookDeliveries } from '../cases/webhook.job.ts';
import type { Config } from '../platform/config/config.ts';
import type { Db } from '../platform/db/handle.ts';
import { startTimedJob } from '../platform/jobs/timed-job.ts';
import { type SmsGateway, smsGatewayFromConfig } from './sms/sms-gateway.ts';
import { runSmsOutbox } from './sms/sms-outbox.ts';

export function startDeliveryJobs(
  db: Db,
  config: Pick<Config, 'jobs' | 'sms' | 'publicUrl'>,
  gateway: SmsGateway = smsGatewayFromConfig(config.sms),
): () => void {
  const stops = [
    startTimedJob('webhook delivery', config.jobs.webhookMs, () =>
      runWebhookDeliveries(db, { timeoutMs: config.jobs.webhookTimeoutMs }),
    ),
    startTimedJob('sms outbox', config.jobs.smsMs, () =>
      runSmsOutbox(db, gateway, { publicUrl: config.publicUrl }),
    ),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
