// What leaves the platform when a case changes, written in the transaction of the change:
//  - the status webhook of the external system the case came from (cases/webhook.ts);
//  - SMS (sms/sms-outbox.ts): a dispatch or a summons to the departments' staff, a red card to the
//    department, and the closing of a case to the reporter, asking for an evaluation with the link
//    of the public tracking page.
import type { CaseState } from '../cases/domain/case-machine.ts';
import type { CivicCase } from '../cases/domain/case-tables.ts';
import { enqueueWebhook } from '../cases/webhook.ts';
import type { Trx } from '../platform/db/handle.ts';
import { departmentRecipients, enqueueSms, trackingParams } from './sms/sms-outbox.ts';
import { shortParam } from './sms/sms-templates.ts';

export type CaseEventCase = Pick<
  CivicCase,
  | 'id'
  | 'case_no'
  | 'title'
  | 'county_code'
  | 'external_system'
  | 'external_id'
  | 'reporter_phone_enc'
  | 'reporter_phone_masked'
  | 'department_id'
  | 'tracking_code_enc'
>;

export interface CaseEvent {
  action: string;
  /** The state after the change. */
  state: CaseState;
  note: string;
  at: Date;
  /** The department the case is with after the change. */
  departmentId: number | null;
  /** Departments summoned by this change (吹哨). */
  summoned?: number[] | undefined;
  /** The supervision level this change set. */
  supervision?: string | undefined;
  /** The deadline of the step that starts now. */
  stepDeadline?: Date | null | undefined;
}

/** Formats a deadline for an SMS: 11月24日 17:30 (Asia/Shanghai). */
export function smsDeadline(at: Date | null | undefined): string {
  if (!at) return '规定时限';
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}

export async function recordCaseEvent(trx: Trx, c: CaseEventCase, e: CaseEvent): Promise<void> {
  await enqueueWebhook(trx, c, { action: e.action, state: e.state, note: e.note, at: e.at });
  const base = { caseId: c.id, countyCode: c.county_code, event: `case.${e.action}` };
  const title = shortParam(c.title);
  if (e.action === 'dispatch' && e.departmentId !== null) {
    await enqueueSms(trx, await departmentRecipients(trx, [e.departmentId]), {
      ...base,
      templateId: 'QJ_CASE_DISPATCHED',
      params: { caseNo: c.case_no, title, deadline: smsDeadline(e.stepDeadline) },
    });
  }
  if (e.action === 'whistle' && e.summoned?.length) {
    await enqueueSms(trx, await departmentRecipients(trx, e.summoned), {
      ...base,
      templateId: 'QJ_CASE_SUMMONED',
      params: { caseNo: c.case_no, title, deadline: smsDeadline(e.stepDeadline) },
    });
  }
  if (e.action === 'supervise' && e.supervision === 'red' && e.departmentId !== null) {
    await enqueueSms(trx, await departmentRecipients(trx, [e.departmentId]), {
      ...base,
      templateId: 'QJ_CASE_RED_CARD',
      params: { caseNo: c.case_no, title },
    });
  }
  if (e.state === 'closed' && e.action !== 'supervise' && c.reporter_phone_enc && c.reporter_phone_masked) {
    await enqueueSms(
      trx,
      [{ phoneEnc: c.reporter_phone_enc, phoneMasked: c.reporter_phone_masked, accountId: null }],
      {
        ...base,
        templateId: 'QJ_CASE_CLOSED',
        params: { caseNo: c.case_no, ...trackingParams(c.case_no, c.tracking_code_enc) },
      },
    );
  }
}
