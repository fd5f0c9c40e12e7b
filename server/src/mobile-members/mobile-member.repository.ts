// 流动党员 SQL: the registrations an actor may see (always from scoped.mobileMembers: the home or the
// inflow org inside the scope), a registration's activities, and the writes of a registration, its state
// and its activities inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import type { MobileState } from './domain/mobile-member.ts';

function selectMobile(db: Kysely<DB>, actor: Actor) {
  return scoped
    .mobileMembers(db, actor)
    .select([
      'mobile_member.id',
      'mobile_member.member_id',
      'mobile_member.county_code',
      'mobile_member.home_org_id',
      'mobile_member.inflow_org_id',
      'mobile_member.destination',
      'mobile_member.since',
      'mobile_member.expected_months',
      'mobile_member.fixed_place',
      'mobile_member.contact_phone_masked',
      'mobile_member.certificate_no',
      'mobile_member.state',
      'mobile_member.inflow_confirmed_on',
      'mobile_member.ended_on',
      'home_org.name as home_org_name',
      'home_org.path as home_path',
      'inflow_org.name as inflow_org_name',
      'inflow_org.path as inflow_path',
      'mobile_person.name as member_name',
      'mobile_person.id_number_masked as member_id_number_masked',
    ]);
}
export type MobileRow = Awaited<ReturnType<ReturnType<typeof selectMobile>['execute']>>[number];

export interface MobileFilter {
  /** the actor's subtree pattern: outflow = the home org inside it, inflow = the inflow org inside it */
  side?: { side: 'outflow' | 'inflow'; pattern: string } | undefined;
  state?: MobileState | undefined;
}

/** A page of the registrations inside the actor's scope, newest first, and their number. */
export async function mobilePage(
  db: Kysely<DB>,
  actor: Actor,
  f: MobileFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: MobileRow[]; total: number }> {
  let q = selectMobile(db, actor);
  if (f.side?.side === 'outflow') q = q.where('home_org.path', 'like', f.side.pattern);
  if (f.side?.side === 'inflow') q = q.where('inflow_org.path', 'like', f.side.pattern);
  if (f.state) q = q.where('mobile_member.state', '=', f.state);
  const [rows, total] = await Promise.all([
    q
      .orderBy('mobile_member.id', 'desc')
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

/** One registration inside the actor's scope (on a handle or in a write's transaction). */
export function mobileById(db: Kysely<DB>, actor: Actor, id: number): Promise<MobileRow | undefined> {
  return selectMobile(db, actor).where('mobile_member.id', '=', id).executeTakeFirst();
}

/** A registration's organizational life, latest first, with the org that recorded it. */
export function activitiesOf(db: Kysely<DB>, mobileMemberId: number) {
  return db
    .selectFrom('mobile_member_activity')
    .innerJoin('org', 'org.id', 'mobile_member_activity.org_id')
    .select([
      'mobile_member_activity.id',
      'mobile_member_activity.held_on',
      'mobile_member_activity.kind',
      'mobile_member_activity.topic',
      'org.name as org_name',
    ])
    .where('mobile_member_activity.mobile_member_id', '=', mobileMemberId)
    .orderBy('mobile_member_activity.held_on', 'desc')
    .execute();
}

/** Whether the actor may name the org as the inflow org (any org a letter may be addressed to). */
export async function isInflowTarget(db: Kysely<DB>, actor: Actor, orgId: number): Promise<boolean> {
  const found = await scoped
    .transferTargets(db, actor)
    .select('id')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return Boolean(found);
}

/** The member's registration not yet ended, if any. */
export function openRegistration(trx: Transaction<DB>, memberId: number) {
  return trx
    .selectFrom('mobile_member')
    .select('id')
    .where('member_id', '=', memberId)
    .where('state', '<>', 'ended')
    .executeTakeFirst();
}

export interface RegistrationValues {
  member_id: number;
  county_code: string | null;
  home_org_id: number;
  inflow_org_id: number | null;
  destination: string;
  destination_division_code: string | null;
  since: string;
  expected_months: number;
  fixed_place: boolean;
  contact_phone_enc: string;
  contact_phone_masked: string;
  certificate_no: string | null;
  note: string;
  created_by: number;
}

export function insertRegistration(trx: Transaction<DB>, values: RegistrationValues) {
  return trx.insertInto('mobile_member').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Moves a registration from the state read to the next one, with the day of the step. */
export async function updateRegistrationState(
  trx: Transaction<DB>,
  r: { id: number; state: MobileState },
  set: { state: MobileState; updated_at: Date; inflow_confirmed_on?: string; ended_on?: string },
) {
  await trx
    .updateTable('mobile_member')
    .set(set)
    .where('id', '=', r.id)
    .where('state', '=', r.state)
    .execute();
}

export interface ActivityValues {
  mobile_member_id: number;
  county_code: string | null;
  org_id: number;
  held_on: string;
  kind: string;
  topic: string;
  recorded_by: number;
}

export function insertActivity(trx: Transaction<DB>, values: ActivityValues) {
  return trx.insertInto('mobile_member_activity').values(values).returning('id').executeTakeFirstOrThrow();
}
