// 组织关系转接: issue a letter (sending org), confirm (receiving org: the member moves, the membership
// history and the subtree totals of both chains change in the same transaction), return the receipt,
// withdraw, refuse. Reads: transfer-read.service.ts. Rules: domain/transfer-machine.ts. SQL:
// transfer.repository.ts.

import type { Actor } from '../platform/access/actor.ts';
import { verifyMember } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { issue, type TransferAction, transition } from './domain/transfer-machine.ts';
import { violations } from './domain/transfer-rules.ts';
import * as repo from './transfer.repository.ts';
import {
  allowed,
  allowedError,
  chainIds,
  inScope,
  isUniqueViolation,
  readTransferSettings,
  transferErrors,
} from './transfer-common.ts';

const divisionOf = (o: { division_code: string | null; county_code: string | null }) =>
  o.division_code ?? o.county_code ?? '4407';

export interface IssueBody {
  memberId: number;
  toOrgId: number;
  issuedOn?: string | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

export async function issueLetter(
  db: Db,
  write: Write,
  actor: Actor,
  body: IssueBody,
  today = shanghaiToday(),
) {
  const member = await verifyMember(db, actor, body.memberId, 'transfer:manage');
  const to = await repo.transferTarget(db, actor, body.toOrgId);
  if (!to) throw transferErrors.orgNotFound(body.toOrgId);
  const settings = await readTransferSettings(db);
  const issuedOn = body.issuedOn ?? today;
  try {
    return await issueIn(write, actor, member, to, settings, body, issuedOn, today);
  } catch (error) {
    // two letters for one member at once: the partial unique index refuses the second
    if (isUniqueViolation(error)) throw allowedError(violations.inProgress('—'));
    throw error;
  }
}

async function issueIn(
  write: Write,
  actor: Actor,
  member: Awaited<ReturnType<typeof verifyMember>>,
  to: { id: number; name: string; kind: string; division_code: string | null; county_code: string | null },
  settings: Awaited<ReturnType<typeof readTransferSettings>>,
  body: IssueBody,
  issuedOn: string,
  today: string,
) {
  return write(async (trx, audit) => {
    const { from, open, mobile, lastSeq } = await repo.issueFacts(trx, member, issuedOn.slice(0, 4));
    const seq = lastSeq + 1;
    const fx = allowed(
      issue(
        {
          member: {
            orgId: member.org_id,
            transferInProgress: open?.letter_no ?? null,
            mobileOpen: Boolean(mobile),
          },
          from: { id: from.id, code: from.code, divisionCode: divisionOf(from) },
          to: { id: to.id, name: to.name, kind: to.kind, divisionCode: divisionOf(to) },
          issuedOn,
          today,
          seq,
        },
        settings,
      ),
    );
    const row = await repo.insertLetter(trx, {
      member_id: member.id,
      county_code: member.county_code,
      from_org_id: from.id,
      to_org_id: to.id,
      scope: fx.scope,
      letter_no: fx.letterNo,
      letter_seq: seq,
      issued_on: issuedOn,
      valid_until: fx.validUntil,
      reason: body.reason?.trim() ?? '',
      note: body.note?.trim() ?? '',
      issued_by: actor.accountId,
    });
    await audit({
      action: 'transfer.issue',
      targetType: 'transfer',
      targetId: row.id,
      after: {
        memberId: member.id,
        fromOrgId: from.id,
        toOrgId: to.id,
        letterNo: fx.letterNo,
        validUntil: fx.validUntil,
      },
      countyCode: member.county_code,
    });
    return row.id;
  });
}

async function loadForUpdate(trx: Trx, actor: Actor, id: number) {
  const t = await repo.transferForUpdate(trx, actor, id);
  if (!t) throw errors.outOfScope('transfer', id);
  return t;
}

export async function act(
  write: Write,
  actor: Actor,
  id: number,
  action: TransferAction,
  reason: string | undefined,
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const t = await loadForUpdate(trx, actor, id);
    const fx = allowed(
      transition(
        {
          state: t.state,
          letterNo: t.letter_no,
          validUntil: t.valid_until,
          fromOrgId: t.from_org_id,
          toOrgId: t.to_org_id,
          memberOrgId: t.member_org_id,
        },
        action,
        { sending: inScope(actor, t.from_path), receiving: inScope(actor, t.to_path) },
        today,
        reason,
      ),
    );
    const set: repo.LetterChange = { state: fx.state, updated_at: new Date() };
    if (action === 'confirm') Object.assign(set, { received_on: today, received_by: actor.accountId });
    if (action === 'return_receipt') Object.assign(set, { receipt_returned_on: today, closed_on: today });
    if (action === 'withdraw' || action === 'refuse')
      Object.assign(set, { closed_on: today, closed_reason: reason?.trim() || null });
    if (!(await repo.updateLetter(trx, t.id, t.version, set))) throw errors.outOfScope('transfer', id);
    if (fx.moveMember) await moveMember(trx, t, today);
    await audit({
      action: `transfer.${action}`,
      targetType: 'transfer',
      targetId: t.id,
      before: { state: t.state, memberOrgId: t.member_org_id },
      after: {
        state: fx.state,
        memberOrgId: fx.moveMember ? t.to_org_id : t.member_org_id,
        reason: reason ?? null,
      },
      countyCode: t.county_code,
    });
    return t.id;
  });
}

/** The member moves: member.org_id, the membership history, and the subtree totals of both chains. */
async function moveMember(
  trx: Trx,
  t: {
    id: number;
    member_id: number;
    from_org_id: number;
    to_org_id: number;
    from_path: string;
    to_path: string;
    to_county: string | null;
  },
  today: string,
) {
  if (!(await repo.moveMemberOrg(trx, t))) throw errors.outOfScope('member', t.member_id);
  if ((await repo.endOpenMembership(trx, t.member_id, today)) === 0)
    await repo.insertRegisterMembership(trx, t.member_id, t.from_org_id, today);
  await repo.insertTransferMembership(trx, t, today);
  // subtree totals (organizations/org-totals.ts keeps the same numbers): the common ancestors keep theirs
  const fromChain = chainIds(t.from_path);
  const toChain = chainIds(t.to_path);
  const down = fromChain.filter((id) => !toChain.includes(id));
  const up = toChain.filter((id) => !fromChain.includes(id));
  await repo.shiftMemberCounts(trx, down, up);
}
