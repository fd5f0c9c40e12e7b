// Events between the steps of a recruitment: training records (their hours feed step 11), objections
// raised during a publicity and their resolution (they hold steps 13 and 23), the one extension of
// probation, and ending an application before approval. Each checked by the machine, written with
// its timeline row and audit entry in one transaction.
import type { Actor } from '../platform/access/actor.ts';
import type { Db, Trx, Updateable } from '../platform/db/handle.ts';
import type { DB } from '../platform/db/schema.ts';
import type { AuditFields, Write } from '../platform/http/route.ts';
import { shanghaiToday } from './domain/dates.ts';
import {
  decideClose,
  decideExtension,
  decideObjection,
  decideResolution,
  decideTraining,
  nextDue,
  type PublicityKind,
} from './domain/recruitment-machine.ts';
import { findRecruitment, loadSnapshot, type RecruitmentRow } from './recruitment.repository.ts';
import { allowed, recruitmentErrors } from './recruitment-common.ts';
import * as writes from './recruitment-write.repository.ts';

export type EventBody =
  | {
      action: 'training';
      title: string;
      provider?: string;
      startsOn: string;
      endsOn: string;
      hours: number;
      note?: string;
    }
  | { action: 'objection'; kind: PublicityKind; raisedOn: string; content: string }
  | { action: 'resolve_objection'; objectionId: number; resolvedOn: string; resolution: string }
  | { action: 'extend_probation'; on: string; months: number; note?: string }
  | { action: 'close'; on: string; reason: string };

type Audit = (fields: AuditFields) => Promise<number>;

async function timeline(
  trx: Trx,
  actor: Actor,
  r: RecruitmentRow,
  event: 'training' | 'objection' | 'objection_resolved' | 'extension' | 'closed',
  on: string,
  note: string,
  details: Record<string, unknown>,
) {
  await writes.insertStep(trx, {
    recruitment_id: r.id,
    county_code: r.county_code,
    event,
    step: null,
    occurred_on: on,
    note,
    details: JSON.stringify(details),
    recorded_by: actor.accountId,
  });
}

async function bump(trx: Trx, r: RecruitmentRow, set: Updateable<DB['recruitment']> = {}) {
  const set_ = { ...set, version: r.version + 1, updated_at: new Date() };
  if (!(await writes.updateRecruitmentAtVersion(trx, r.id, r.version, set_)))
    throw recruitmentErrors.version(r.version, r.version + 1);
}

export async function recordEvent(
  db: Db,
  write: Write,
  actor: Actor,
  recruitmentId: number,
  body: EventBody,
  today = shanghaiToday(),
): Promise<void> {
  const r = await findRecruitment(db, actor, recruitmentId);
  const s = await loadSnapshot(db, r);
  const audited = (audit: Audit, details: Record<string, unknown>) =>
    audit({
      action: `recruitment.${body.action}`,
      targetType: 'recruitment',
      targetId: r.id,
      after: details,
      countyCode: r.county_code,
    });

  switch (body.action) {
    case 'training': {
      const t = { startsOn: body.startsOn, endsOn: body.endsOn, hours: body.hours };
      allowed(decideTraining(s, t, today));
      const details = { title: body.title.trim(), provider: body.provider?.trim() ?? '', ...t };
      await write(async (trx, audit) => {
        await bump(trx, r);
        await writes.insertTraining(trx, {
          applicant_id: r.applicant_id,
          county_code: r.county_code,
          title: details.title,
          provider: details.provider,
          starts_on: t.startsOn,
          ends_on: t.endsOn,
          hours: t.hours,
          recorded_by: actor.accountId,
        });
        await timeline(trx, actor, r, 'training', t.endsOn, body.note?.trim() ?? '', details);
        await audited(audit, details);
      });
      return;
    }
    case 'objection': {
      allowed(decideObjection(s, body.kind, body.raisedOn, today));
      const details = { kind: body.kind, raisedOn: body.raisedOn };
      await write(async (trx, audit) => {
        await bump(trx, r);
        const o = await writes.insertObjection(trx, {
          recruitment_id: r.id,
          kind: body.kind,
          raised_on: body.raisedOn,
          content: body.content.trim(),
          recorded_by: actor.accountId,
        });
        await timeline(trx, actor, r, 'objection', body.raisedOn, body.content.trim(), {
          ...details,
          objectionId: o.id,
        });
        await audited(audit, { ...details, objectionId: o.id });
      });
      return;
    }
    case 'resolve_objection': {
      const o = s.objections.find((x) => x.id === body.objectionId && x.resolvedOn === null);
      if (!o || s.status !== 'active') throw recruitmentErrors.objectionNotFound(body.objectionId);
      allowed(decideResolution(o, body.resolvedOn, today));
      const details = { objectionId: o.id, kind: o.kind, resolvedOn: body.resolvedOn };
      await write(async (trx, audit) => {
        await bump(trx, r);
        await writes.resolveObjection(trx, o.id, {
          resolved_on: body.resolvedOn,
          resolution: body.resolution.trim(),
          resolved_by: actor.accountId,
        });
        await timeline(trx, actor, r, 'objection_resolved', body.resolvedOn, body.resolution.trim(), details);
        await audited(audit, details);
      });
      return;
    }
    case 'extend_probation': {
      const fx = allowed(decideExtension(s, body.on, body.months, today));
      const due = nextDue({ ...s, extensionMonths: body.months });
      const details = { months: body.months, on: body.on, probationEndsOn: fx.probationEndsOn };
      await write(async (trx, audit) => {
        await bump(trx, r, {
          extension_months: body.months,
          probation_ends_on: fx.probationEndsOn,
          due_on: due?.dueOn ?? null,
          due_kind: due?.kind ?? null,
        });
        await timeline(trx, actor, r, 'extension', body.on, body.note?.trim() ?? '', details);
        await audited(audit, details);
      });
      return;
    }
    case 'close': {
      allowed(decideClose(s, body.on, today));
      const details = { on: body.on, reason: body.reason.trim() };
      await write(async (trx, audit) => {
        await bump(trx, r, {
          status: 'closed',
          closed_on: body.on,
          closed_reason: body.reason.trim(),
          due_on: null,
          due_kind: null,
        });
        await timeline(trx, actor, r, 'closed', body.on, body.reason.trim(), details);
        await audited(audit, details);
      });
      return;
    }
  }
}
