// 组织关系转接 SQL: the letters an actor may see (always from scoped.transfers), a member's membership
// history, the orgs a letter may be addressed to (scoped.transferTargets), and the writes of a letter and
// of the member's move (member, membership history, subtree totals) inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import type { TransferScope, TransferState, TransferView } from './domain/transfer-machine.ts';
import { MEMBER_HOLDING_KINDS } from './domain/transfer-rules.ts';

export interface TransferFilter {
  /** the actor's subtree pattern ('/1/5/%'): out = sent from inside it, in = addressed inside it */
  direction?: { side: 'in' | 'out'; pattern: string } | undefined;
  scope?: TransferScope | undefined;
  state?: TransferView | undefined;
  today: string;
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
export type TransferRow = Awaited<ReturnType<ReturnType<typeof selectTransfers>['execute']>>[number];

/** A page of the letters inside the actor's scope, newest first, and their number. */
export async function transferPage(
  db: Kysely<DB>,
  actor: Actor,
  f: TransferFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: TransferRow[]; total: number }> {
  let q = selectTransfers(db, actor);
  if (f.direction?.side === 'out') q = q.where('from_org.path', 'like', f.direction.pattern);
  if (f.direction?.side === 'in') q = q.where('to_org.path', 'like', f.direction.pattern);
  if (f.scope) q = q.where('transfer.scope', '=', f.scope);
  if (f.state === 'expired')
    q = q.where('transfer.state', '=', 'issued').where('transfer.valid_until', '<', f.today);
  else if (f.state === 'issued')
    q = q.where('transfer.state', '=', 'issued').where('transfer.valid_until', '>=', f.today);
  else if (f.state) q = q.where('transfer.state', '=', f.state);
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
  return { rows, total: Number(total.n) };
}

/** One letter inside the actor's scope. */
export function transferById(db: Kysely<DB>, actor: Actor, id: number): Promise<TransferRow | undefined> {
  return selectTransfers(db, actor).where('transfer.id', '=', id).executeTakeFirst();
}

/** A member's memberships, oldest first, with each org's name. */
export function membershipHistory(db: Kysely<DB>, memberId: number) {
  return db
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
    .where('membership_history.member_id', '=', memberId)
    .orderBy('membership_history.id')
    .execute();
}

/** Branches a letter may be addressed to, by code prefix, pinyin initials or name (first 20 by code). */
export function receivingOrgRows(
  db: Kysely<DB>,
  actor: Actor,
  search: { by: 'code' | 'initials' | 'name'; text: string } | null,
) {
  let query = scoped
    .transferTargets(db, actor)
    .select(['id', 'code', 'name', 'kind', 'level', 'path'])
    .where('kind', 'in', [...MEMBER_HOLDING_KINDS]);
  const esc = search ? escapeLike(search.text) : '';
  if (search?.by === 'code') query = query.where('code', 'like', `${esc}%`);
  else if (search?.by === 'initials')
    query = query.where('pinyin_initials', 'like', `%${esc.toLowerCase()}%`);
  else if (search?.by === 'name') query = query.where('name', 'like', `%${esc}%`);
  return query.orderBy('code').limit(20).execute();
}

/** The names of orgs by id. */
export function orgNames(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The org a letter is addressed to, when the actor may address one to it. */
export function transferTarget(db: Kysely<DB>, actor: Actor, orgId: number) {
  return scoped
    .transferTargets(db, actor)
    .select(['id', 'name', 'kind', 'division_code', 'county_code'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

/** What issuing a letter reads in its transaction: the sending org, a letter or a mobile registration in
 *  progress, and the sending org's last letter number of the year. */
export async function issueFacts(trx: Transaction<DB>, member: { id: number; org_id: number }, year: string) {
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
    .where('issued_on', '>=', `${year}-01-01`)
    .where('issued_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return { from, open, mobile, lastSeq: Number(last?.seq ?? 0) };
}

export interface LetterValues {
  member_id: number;
  county_code: string | null;
  from_org_id: number;
  to_org_id: number;
  scope: TransferScope;
  letter_no: string;
  letter_seq: number;
  issued_on: string;
  valid_until: string;
  reason: string;
  note: string;
  issued_by: number;
}

export function insertLetter(trx: Transaction<DB>, values: LetterValues) {
  return trx.insertInto('transfer').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A letter inside the actor's scope with both orgs' paths and the member's org, in a write. */
export function transferForUpdate(trx: Transaction<DB>, actor: Actor, id: number) {
  return scoped
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
}

export interface LetterChange {
  state: TransferState;
  updated_at: Date;
  received_on?: string;
  received_by?: number;
  receipt_returned_on?: string;
  closed_on?: string;
  closed_reason?: string | null;
}

/** Changes a letter at the version read (optimistic); whether it changed. */
export async function updateLetter(
  trx: Transaction<DB>,
  id: number,
  version: number,
  set: LetterChange,
): Promise<boolean> {
  const updated = await trx
    .updateTable('transfer')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Moves the member to the receiving org (when still in the sending one); whether it moved. */
export async function moveMemberOrg(
  trx: Transaction<DB>,
  t: { member_id: number; from_org_id: number; to_org_id: number; to_county: string | null },
): Promise<boolean> {
  const moved = await trx
    .updateTable('member')
    .set({ org_id: t.to_org_id, county_code: t.to_county })
    .where('id', '=', t.member_id)
    .where('org_id', '=', t.from_org_id)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** Ends the member's open membership; how many rows it ended. */
export async function endOpenMembership(trx: Transaction<DB>, memberId: number, on: string): Promise<number> {
  const closed = await trx
    .updateTable('membership_history')
    .set({ ended_on: on })
    .where('member_id', '=', memberId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}

/** The registration a member had before any history (from the day they joined), ended on a day. */
export async function insertRegisterMembership(
  trx: Transaction<DB>,
  memberId: number,
  orgId: number,
  endedOn: string,
) {
  const m = await trx
    .selectFrom('member')
    .select(['joined_on', 'county_code'])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('membership_history')
    .values({
      member_id: memberId,
      county_code: m.county_code,
      org_id: orgId,
      started_on: m.joined_on,
      ended_on: endedOn,
      reason: 'register',
    })
    .execute();
}

/** The membership a transfer opens at the receiving org. */
export async function insertTransferMembership(
  trx: Transaction<DB>,
  t: { id: number; member_id: number; to_org_id: number; to_county: string | null },
  startedOn: string,
) {
  await trx
    .insertInto('membership_history')
    .values({
      member_id: t.member_id,
      county_code: t.to_county,
      org_id: t.to_org_id,
      started_on: startedOn,
      ended_on: null,
      reason: 'transfer_in',
      transfer_id: t.id,
    })
    .execute();
}

/** Subtree member totals: one fewer in the orgs `down`, one more in the orgs `up`. */
export async function shiftMemberCounts(trx: Transaction<DB>, down: number[], up: number[]) {
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
