// A matter's facts for the engine, the engine's evaluation as stored state, and the 村务公开 items a
// matter puts on the calendar. Shared by the write and read services and the refresh job.
import type { Db, Trx } from '../platform/db/handle.ts';
import { addDays } from '../recruitment/domain/dates.ts';
import { isOneShoulder } from '../village-cadres/roster.repository.ts';
import { readVillageSetting } from '../village-cadres/village-common.ts';
import { upsertDeliberationItem } from '../village-publication/deliberation-items.repository.ts';
import type { MatterRow, MatterState, StepRow } from './deliberation.repository.ts';
import { toStepRecord } from './deliberation.repository.ts';
import { evaluate, type MatterFacts, type MatterStatus } from './domain/deliberation-machine.ts';
import {
  DELIBERATION_DEFAULTS,
  DELIBERATION_SETTINGS_KEY,
  type DeliberationSettings,
} from './domain/deliberation-settings.ts';
import { passes } from './domain/quorum.ts';
import type { TemplateKey } from './domain/templates.ts';

export const readDeliberationSettings = (db: Db): Promise<DeliberationSettings> =>
  readVillageSetting(db, DELIBERATION_SETTINGS_KEY, DELIBERATION_DEFAULTS);

/** The engine's view of a stored matter; 一肩挑 as of `on` (the day of the step being recorded). */
export async function factsOf(
  db: Db | Trx,
  m: Pick<MatterRow, 'template' | 'category' | 'amount_fen' | 'status' | 'org_id'>,
  rows: StepRow[],
  s: DeliberationSettings,
  on: string,
): Promise<MatterFacts> {
  return {
    template: s.templates[m.template as TemplateKey],
    category: m.category,
    amountFen: m.amount_fen === null ? null : Number(m.amount_fen),
    status: m.status as MatterStatus,
    oneShoulder: await isOneShoulder(db, Number(m.org_id), on),
    steps: rows.map(toStepRecord),
  };
}

/** The evaluation as the columns of `deliberation`. */
export function evaluationState(facts: MatterFacts, s: DeliberationSettings, today: string): MatterState {
  const e = evaluate(facts, s, today);
  return {
    status: e.status,
    validity: e.validity,
    breaches: e.breaches.map((b) => ({
      code: b.code,
      step: b.step,
      message_zh: b.zh,
      message_en: b.en,
      facts: b.details,
    })),
    next_step: e.next?.step.key ?? null,
    next_due_on: e.next?.dueOn ?? null,
    resolved_on: e.resolvedOn,
    completed_on: e.completedOn,
  };
}

interface PublicationFields {
  step: string;
  heldOn: string;
  place?: string;
  content?: string;
  attachments?: number[];
  photoTakenAt?: string;
  publicity?: { startsOn: string; endsOn: string };
}

/**
 * Keeps the matter's 村务公开 items in step with its steps: the resolution is due once it passes, the
 * results once the resolution is published; each is published by its publication step.
 */
export async function syncPublications(
  trx: Trx,
  m: { id: number; org_id: number; county_code: string; title: string },
  facts: MatterFacts,
  bodies: PublicationFields[],
  s: DeliberationSettings,
  by: number,
): Promise<void> {
  const resolve = facts.steps.find((r) => r.step === 'resolve');
  if (!resolve?.counts || !resolve.votes) return;
  const rule = resolve.body === 'notice_board' ? null : s.bodies[resolve.body];
  if (!rule || !passes(rule, resolve.counts, resolve.votes)) return;
  const published = (key: string) => {
    const b = bodies.find((x) => x.step === key);
    if (!b) return null;
    return {
      on: b.publicity?.startsOn ?? b.heldOn,
      content: b.content ?? '',
      place: b.place ?? '',
      photoAttachmentId: b.attachments?.[0] ?? null,
      photoTakenAt: b.photoTakenAt ?? null,
      by,
    };
  };
  const base = { orgId: m.org_id, countyCode: m.county_code, deliberationId: m.id };
  await upsertDeliberationItem(trx, {
    ...base,
    kind: 'resolution',
    title: `决议公开：${m.title}`,
    dueOn: addDays(resolve.heldOn, s.publishResolutionWithinDays),
    published: published('publish_resolution'),
  });
  const resolution = facts.steps.find((r) => r.step === 'publish_resolution');
  if (!resolution?.publicity) return;
  const within = s.stepWithinDays.publish_result ?? 180;
  await upsertDeliberationItem(trx, {
    ...base,
    kind: 'result',
    title: `实施结果公开：${m.title}`,
    dueOn: addDays(resolution.publicity.endsOn, within),
    published: published('publish_result'),
  });
}
