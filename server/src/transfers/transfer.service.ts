// 组织关系转接: issue a letter (sending org), confirm (receiving org: the member moves, the membership
// history and the subtree totals of both chains change in the same transaction), return the receipt,
// withdraw, refuse; lists and detail with expired / overdue flags. Rules: domain/transfer-machine.ts.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyMember } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  issue,
  receiptOverdue,
  type TransferAction,
  type TransferScope,
  type TransferView,
  transition,
  view,
} from './domain/transfer-machine.ts';
import { MEMBER_HOLDING_KINDS } from './domain/transfer-rules.ts';
import {
  type Audit,
  allowed,
  chainIds,
  inScope,
  readTransferSettings,
  transferErrors,
  type Write,
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
  const esc = text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
