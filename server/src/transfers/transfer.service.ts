// 组织关系转接: issue a letter (sending org), confirm (receiving org: the member moves, the membership
// history and the subtree totals of both chains change in the same transaction), return the receipt,
// withdraw, refuse. Reads: transfer-read.service.ts. Rules: domain/transfer-machine.ts.

import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyMember } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { issue, type TransferAction, transition } from './domain/transfer-machine.ts';
import { violations } from './domain/transfer-rules.ts';
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
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  body: IssueBody,
  today = shanghaiToday(),
) {
  const member = await verifyMember(db, actor, body.memberId, 'transfer:manage');
  const to = await scoped
    .transferTargets(db, actor)
    .select(['id', 'name', 'kind', 'division_code', 'county_code'])
    .where('id', '=', body.toOrgId)
    .executeTakeFirst();
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
    const from = await trx
      .selectFrom('org')
      .select(['id', 'code', 'division_code', 'county_code'])
      .where('id', '=', member.org_id)
      .executeTakeFirstOrThrow();
    const open = await trx
      .selectFrom('transfer')
      .select('letter_no')
      .where('member_id', '=', member.id)
      .where('state', '=', 'issued')
      .executeTakeFirst();
    const mobile = await trx
      .selectFrom('mobile_member')
      .select('id')
      .where('member_id', '=', member.id)
      .where('state', '<>', 'ended')
      .executeTakeFirst();
    const last = await trx
      .selectFrom('transfer')
      .select((eb) => eb.fn.max('letter_seq').as('seq'))
      .where('from_org_id', '=', from.id)
      .where('issued_on', '>=', `${issuedOn.slice(0, 4)}-01-01`)
      .where('issued_on', '<=', `${issuedOn.slice(0, 4)}-12-31`)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
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
    const row = await trx
      .insertInto('transfer')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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

async function loadForUpdate(trx: Transaction<DB>, actor: Actor, id: number) {
  const t = await scoped
    .transfers(trx, actor)
    .selectAll('transfer')
    .select([
      'from_org.path as from_path',
      'to_org.path as to_path',
      'to_org.county_code as to_county',
      'transfer_member.org_id as member_org_id',
    ])
    .where('transfer.id', '=', id)
    .executeTakeFirst();
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
    const set: Record<string, unknown> = { state: fx.state, updated_at: new Date() };
    if (action === 'confirm') Object.assign(set, { received_on: today, received_by: actor.accountId });
    if (action === 'return_receipt') Object.assign(set, { receipt_returned_on: today, closed_on: today });
    if (action === 'withdraw' || action === 'refuse')
      Object.assign(set, { closed_on: today, closed_reason: reason?.trim() || null });
    const updated = await trx
      .updateTable('transfer')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', t.id)
      .where('version', '=', t.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw errors.outOfScope('transfer', id);
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
  trx: Transaction<DB>,
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
  const moved = await trx
    .updateTable('member')
    .set({ org_id: t.to_org_id, county_code: t.to_county })
    .where('id', '=', t.member_id)
    .where('org_id', '=', t.from_org_id)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw errors.outOfScope('member', t.member_id);
  const closed = await trx
    .updateTable('membership_history')
    .set({ ended_on: today })
    .where('member_id', '=', t.member_id)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) === 0) {
    const m = await trx
      .selectFrom('member')
      .select(['joined_on', 'county_code'])
      .where('id', '=', t.member_id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('membership_history')
      .values({
        member_id: t.member_id,
        county_code: m.county_code,
        org_id: t.from_org_id,
        started_on: m.joined_on,
        ended_on: today,
        reason: 'register',
      })
      .execute();
  }
  await trx
    .insertInto('membership_history')
    .values({
      member_id: t.member_id,
      county_code: t.to_county,
      org_id: t.to_org_id,
      started_on: today,
      ended_on: null,
      reason: 'transfer_in',
      transfer_id: t.id,
    })
    .execute();
  // subtree totals (organizations/org-totals.ts keeps the same numbers): the common ancestors keep theirs
  const fromChain = chainIds(t.from_path);
  const toChain = chainIds(t.to_path);
  const down = fromChain.filter((id) => !toChain.includes(id));
  const up = toChain.filter((id) => !fromChain.includes(id));
  if (down.length)
    await trx
      .updateTable('org')
      .set((eb) => ({ member_count: eb('member_count', '-', 1) }))
      .where('id', 'in', down)
      .execute();
  if (up.length)
    await trx
      .updateTable('org')
      .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
      .where('id', 'in', up)
      .execute();
}
