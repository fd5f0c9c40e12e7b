// Reads of transfers: the outgoing / incoming lists with expired and receipt-overdue flags, one
// letter with the member's membership history, and the branches a letter may be addressed to. Every
// read that shows a member is audited.
import type { Static } from '@sinclair/typebox';
import type { Actor } from '../platform/access/actor.ts';
import { inScopeOrThrow } from '../platform/access/in-scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { receiptOverdue, view } from './domain/transfer-machine.ts';
import * as repo from './transfer.repository.ts';
import { type Audit, chainIds, inScope, readTransferSettings } from './transfer-common.ts';
import type { TransferListQuery } from './transfer-requests.ts';

export type ListQuery = Static<typeof TransferListQuery>;

async function toItem(
  actor: Actor,
  r: repo.TransferRow,
  today: string,
  settings: Awaited<ReturnType<typeof readTransferSettings>>,
) {
  const state = view({ state: r.state, validUntil: r.valid_until }, today);
  const sending = inScope(actor, r.from_path);
  const receiving = inScope(actor, r.to_path);
  return {
    id: r.id,
    letterNo: r.letter_no,
    scope: r.scope,
    state,
    direction: receiving && !sending ? 'in' : sending && !receiving ? 'out' : 'both',
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    receivedOn: r.received_on,
    receiptReturnedOn: r.receipt_returned_on,
    closedOn: r.closed_on,
    closedReason: r.closed_reason,
    reason: r.reason,
    note: r.note,
    expired: state === 'expired',
    receiptOverdue: receiptOverdue(r.state, r.received_on, today, settings),
    member: {
      id: r.member_id,
      name: r.member_name,
      gender: r.member_gender,
      idNumberMasked: r.member_id_number_masked,
      status: r.member_status,
    },
    fromOrg: { id: r.from_org_id, name: r.from_org_name },
    toOrg: { id: r.to_org_id, name: r.to_org_name },
    actions: [
      ...(receiving && state === 'issued' ? ['confirm', 'refuse'] : []),
      ...(receiving && state === 'received' ? ['return_receipt'] : []),
      ...(sending && (state === 'issued' || state === 'expired') ? ['withdraw'] : []),
    ],
  };
}

export async function list(db: Db, actor: Actor, audit: Audit, query: ListQuery, today = shanghaiToday()) {
  const settings = await readTransferSettings(db);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const direction = query.direction ? { side: query.direction, pattern: `${actor.scopePath}%` } : undefined;
  const { rows, total } = await repo.transferPage(
    db,
    actor,
    { direction, scope: query.scope, state: query.state, today },
    page,
    pageSize,
  );
  // a letter is in scope by either end: the sending org's or the receiving org's
  await inScopeOrThrow(db, actor, 'transfer', rows, (r) => [r.from_path, r.to_path]);
  if (rows.length)
    await audit({
      action: 'transfer.list',
      targetType: 'org',
      targetId: actor.scopeOrgId,
      after: { ids: rows.map((r) => r.id), memberIds: rows.map((r) => r.member_id) },
      countyCode: actor.scopeCountyCode,
    });
  return {
    items: await Promise.all(rows.map((r) => toItem(actor, r, today, settings))),
    total,
    page,
    pageSize,
    today,
  };
}

export async function detail(db: Db, actor: Actor, audit: Audit, id: number, today = shanghaiToday()) {
  const settings = await readTransferSettings(db);
  const r = await repo.transferById(db, actor, id);
  if (!r) throw errors.outOfScope('transfer', id);
  await inScopeOrThrow(db, actor, 'transfer', [r], (x) => [x.from_path, x.to_path]);
  const history = await repo.membershipHistory(db, r.member_id);
  await audit({
    action: 'transfer.read',
    targetType: 'transfer',
    targetId: r.id,
    after: { memberId: r.member_id },
    countyCode: r.county_code,
  });
  return {
    ...(await toItem(actor, r, today, settings)),
    history: history.map((h) => ({
      orgId: h.org_id,
      orgName: h.org_name,
      startedOn: h.started_on,
      endedOn: h.ended_on,
      reason: h.reason,
      transferId: h.transfer_id,
    })),
  };
}

/** Orgs a letter may be addressed to: branches of the whole system, by name, code or pinyin initials. */
export async function receivingOrgs(db: Db, actor: Actor, q: string) {
  const text = q.trim();
  const search = /^\d+$/.test(text)
    ? ({ by: 'code', text } as const)
    : /^[a-zA-Z]+$/.test(text)
      ? ({ by: 'initials', text } as const)
      : text !== ''
        ? ({ by: 'name', text } as const)
        : null;
  const rows = await repo.receivingOrgRows(db, actor, search);
  const parentIds = [
    ...new Set(rows.map((r) => chainIds(r.path).at(-2)).filter((x): x is number => x !== undefined)),
  ];
  const parents = await repo.orgNames(db, parentIds);
  const nameOf = new Map(parents.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    level: r.level,
    parentName: nameOf.get(chainIds(r.path).at(-2) ?? 0) ?? null,
  }));
}
