// Reads of transfers: the outgoing / incoming lists with expired and receipt-overdue flags, one
// letter with the member's membership history, and the branches a letter may be addressed to. Every
// read that shows a member is audited.
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { receiptOverdue, type TransferScope, type TransferView, view } from './domain/transfer-machine.ts';
import { MEMBER_HOLDING_KINDS } from './domain/transfer-rules.ts';
import { type Audit, chainIds, inScope, readTransferSettings } from './transfer-common.ts';

export interface ListQuery {
  direction?: 'in' | 'out' | undefined;
  state?: TransferView | undefined;
  scope?: TransferScope | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

function selectTransfers(db: Kysely<DB>, actor: Actor) {
  return scoped
    .transfers(db, actor)
    .select([
      'transfer.id',
      'transfer.letter_no',
      'transfer.scope',
      'transfer.state',
      'transfer.issued_on',
      'transfer.valid_until',
      'transfer.received_on',
      'transfer.receipt_returned_on',
      'transfer.closed_on',
      'transfer.closed_reason',
      'transfer.reason',
      'transfer.note',
      'transfer.member_id',
      'transfer.from_org_id',
      'transfer.to_org_id',
      'transfer.county_code',
      'transfer.version',
      'from_org.name as from_org_name',
      'from_org.path as from_path',
      'to_org.name as to_org_name',
      'to_org.path as to_path',
      'transfer_member.name as member_name',
      'transfer_member.gender as member_gender',
      'transfer_member.id_number_masked as member_id_number_masked',
      'transfer_member.status as member_status',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectTransfers>['execute']>>[number];

async function toItem(
  actor: Actor,
  r: Row,
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

export async function list(
  db: Kysely<DB>,
  actor: Actor,
  audit: Audit,
  query: ListQuery,
  today = shanghaiToday(),
) {
  const settings = await readTransferSettings(db);
  const pattern = `${actor.scopePath}%`;
  let q = selectTransfers(db, actor);
  if (query.direction === 'out') q = q.where('from_org.path', 'like', pattern);
  if (query.direction === 'in') q = q.where('to_org.path', 'like', pattern);
  if (query.scope) q = q.where('transfer.scope', '=', query.scope);
  if (query.state === 'expired')
    q = q.where('transfer.state', '=', 'issued').where('transfer.valid_until', '<', today);
  else if (query.state === 'issued')
    q = q.where('transfer.state', '=', 'issued').where('transfer.valid_until', '>=', today);
  else if (query.state) q = q.where('transfer.state', '=', query.state);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    q
      .orderBy('transfer.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
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
    total: Number(total.n),
    page,
    pageSize,
    today,
  };
}

export async function detail(
  db: Kysely<DB>,
  actor: Actor,
  audit: Audit,
  id: number,
  today = shanghaiToday(),
) {
  const settings = await readTransferSettings(db);
  const r = await selectTransfers(db, actor).where('transfer.id', '=', id).executeTakeFirst();
  if (!r) throw errors.outOfScope('transfer', id);
  const history = await db
    .selectFrom('membership_history')
    .innerJoin('org', 'org.id', 'membership_history.org_id')
    .select([
      'membership_history.org_id',
      'org.name as org_name',
      'membership_history.started_on',
      'membership_history.ended_on',
      'membership_history.reason',
      'membership_history.transfer_id',
    ])
    .where('membership_history.member_id', '=', r.member_id)
    .orderBy('membership_history.id')
    .execute();
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
export async function receivingOrgs(db: Kysely<DB>, actor: Actor, q: string) {
  const text = q.trim();
  const esc = escapeLike(text);
  let query = scoped
    .transferTargets(db, actor)
    .select(['id', 'code', 'name', 'kind', 'level', 'path'])
    .where('kind', 'in', [...MEMBER_HOLDING_KINDS]);
  if (/^\d+$/.test(text)) query = query.where('code', 'like', `${esc}%`);
  else if (/^[a-zA-Z]+$/.test(text)) query = query.where('pinyin_initials', 'like', `%${esc.toLowerCase()}%`);
  else if (text !== '') query = query.where('name', 'like', `%${esc}%`);
  const rows = await query.orderBy('code').limit(20).execute();
  const parentIds = [
    ...new Set(rows.map((r) => chainIds(r.path).at(-2)).filter((x): x is number => x !== undefined)),
  ];
  const parents = parentIds.length
    ? await db.selectFrom('org').select(['id', 'name']).where('id', 'in', parentIds).execute()
    : [];
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
