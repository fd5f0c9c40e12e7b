// 流动党员: the home org registers an outflow (where to, since when, contact); the inflow org (when
// in the system) confirms; both orgs see and manage the member (双向管理) and record the member's
// organizational life; the home org ends the registration. Rules: domain/mobile-community.ts.

import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyMember } from '../platform/access/scope.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  type MobileAction,
  type MobileState,
  mobileTransition,
  recordActivity,
  registerOutflow,
} from './domain/mobile-community.ts';
import { type Audit, allowed, inScope, readTransferSettings, transferErrors } from './transfer-common.ts';

export interface OutflowBody {
  memberId: number;
  inflowOrgId?: number | undefined;
  destination: string;
  destinationDivisionCode?: string | undefined;
  since: string;
  expectedMonths: number;
  fixedPlace: boolean;
  contactPhone: string;
  certificateNo?: string | undefined;
  note?: string | undefined;
}

export async function registerMobile(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  body: OutflowBody,
  today = shanghaiToday(),
) {
  const member = await verifyMember(db, actor, body.memberId, 'transfer:manage');
  const phone = validateMobile(body.contactPhone);
  if (!phone.ok) throw transferErrors.phone();
  if (body.inflowOrgId !== undefined) {
    const found = await scoped
      .transferTargets(db, actor)
      .select('id')
      .where('id', '=', body.inflowOrgId)
      .executeTakeFirst();
    if (!found) throw transferErrors.orgNotFound(body.inflowOrgId);
  }
  const settings = await readTransferSettings(db);
  return write(async (trx, audit) => {
    const open = await trx
      .selectFrom('mobile_member')
      .select('id')
      .where('member_id', '=', member.id)
      .where('state', '<>', 'ended')
      .executeTakeFirst();
    allowed(
      registerOutflow(
        {
          memberOrgId: member.org_id,
          openRegistration: Boolean(open),
          inflowOrgId: body.inflowOrgId ?? null,
          since: body.since,
          expectedMonths: body.expectedMonths,
          fixedPlace: body.fixedPlace,
          today,
        },
        settings,
      ),
    );
    const row = await trx
      .insertInto('mobile_member')
      .values({
        member_id: member.id,
        county_code: member.county_code,
        home_org_id: member.org_id,
        inflow_org_id: body.inflowOrgId ?? null,
        destination: body.destination.trim(),
        destination_division_code: body.destinationDivisionCode ?? null,
        since: body.since,
        expected_months: body.expectedMonths,
        fixed_place: body.fixedPlace,
        contact_phone_enc: encryptPii(phone.phone),
        contact_phone_masked: maskPhone(phone.phone),
        certificate_no: body.certificateNo?.trim() || null,
        note: body.note?.trim() ?? '',
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'mobile_member.register',
      targetType: 'mobile_member',
      targetId: row.id,
      after: {
        memberId: member.id,
        inflowOrgId: body.inflowOrgId ?? null,
        since: body.since,
        destination: body.destination,
      },
      countyCode: member.county_code,
    });
    return row.id;
  });
}

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
type Row = Awaited<ReturnType<ReturnType<typeof selectMobile>['execute']>>[number];

const toItem = (actor: Actor, r: Row) => {
  const home = inScope(actor, r.home_path);
  const inflow = inScope(actor, r.inflow_path);
  return {
    id: r.id,
    member: { id: r.member_id, name: r.member_name, idNumberMasked: r.member_id_number_masked },
    homeOrg: { id: r.home_org_id, name: r.home_org_name },
    inflowOrg: r.inflow_org_id ? { id: r.inflow_org_id, name: r.inflow_org_name } : null,
    side: home && inflow ? 'both' : home ? 'outflow' : 'inflow',
    destination: r.destination,
    since: r.since,
    expectedMonths: r.expected_months,
    fixedPlace: r.fixed_place,
    contactPhoneMasked: r.contact_phone_masked,
    certificateNo: r.certificate_no,
    state: r.state,
    inflowConfirmedOn: r.inflow_confirmed_on,
    endedOn: r.ended_on,
    actions: [
      ...(inflow && r.state === 'outflow' ? ['confirm_inflow'] : []),
      ...(home && r.state !== 'ended' ? ['end'] : []),
    ],
  };
};

export interface MobileListQuery {
  side?: 'outflow' | 'inflow' | undefined;
  state?: MobileState | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listMobile(db: Kysely<DB>, actor: Actor, audit: Audit, query: MobileListQuery) {
  const pattern = `${actor.scopePath}%`;
  let q = selectMobile(db, actor);
  if (query.side === 'outflow') q = q.where('home_org.path', 'like', pattern);
  if (query.side === 'inflow') q = q.where('inflow_org.path', 'like', pattern);
  if (query.state) q = q.where('mobile_member.state', '=', query.state);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
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
  if (rows.length)
    await audit({
      action: 'mobile_member.list',
      targetType: 'org',
      targetId: actor.scopeOrgId,
      after: { ids: rows.map((r) => r.id), memberIds: rows.map((r) => r.member_id) },
      countyCode: actor.scopeCountyCode,
    });
  return { items: rows.map((r) => toItem(actor, r)), total: Number(total.n), page, pageSize };
}

export async function mobileDetail(db: Kysely<DB>, actor: Actor, audit: Audit, id: number) {
  const r = await selectMobile(db, actor).where('mobile_member.id', '=', id).executeTakeFirst();
  if (!r) throw errors.outOfScope('mobile_member', id);
  const activities = await db
    .selectFrom('mobile_member_activity')
    .innerJoin('org', 'org.id', 'mobile_member_activity.org_id')
    .select([
      'mobile_member_activity.id',
      'mobile_member_activity.held_on',
      'mobile_member_activity.kind',
      'mobile_member_activity.topic',
      'org.name as org_name',
    ])
    .where('mobile_member_activity.mobile_member_id', '=', r.id)
    .orderBy('mobile_member_activity.held_on', 'desc')
    .execute();
  await audit({
    action: 'mobile_member.read',
    targetType: 'mobile_member',
    targetId: r.id,
    after: { memberId: r.member_id },
    countyCode: r.county_code,
  });
  return {
    ...toItem(actor, r),
    activities: activities.map((a) => ({
      id: a.id,
      heldOn: a.held_on,
      kind: a.kind,
      topic: a.topic,
      orgName: a.org_name,
    })),
  };
}

export async function actMobile(
  write: Write,
  actor: Actor,
  id: number,
  action: MobileAction,
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const r = await selectMobile(trx, actor).where('mobile_member.id', '=', id).executeTakeFirst();
    if (!r) throw errors.outOfScope('mobile_member', id);
    const fx = allowed(
      mobileTransition(r.state, action, {
        home: inScope(actor, r.home_path),
        inflow: inScope(actor, r.inflow_path),
      }),
    );
    await trx
      .updateTable('mobile_member')
      .set({
        state: fx.state,
        updated_at: new Date(),
        ...(action === 'confirm_inflow' ? { inflow_confirmed_on: today } : { ended_on: today }),
      })
      .where('id', '=', r.id)
      .where('state', '=', r.state)
      .execute();
    await audit({
      action: `mobile_member.${action}`,
      targetType: 'mobile_member',
      targetId: r.id,
      before: { state: r.state },
      after: { state: fx.state },
      countyCode: r.county_code,
    });
    return r.id;
  });
}

export interface ActivityBody {
  on: string;
  kind: string;
  topic: string;
}

/** Organizational life of a mobile member, recorded by the inflow org (or the home org). */
export async function addActivity(
  write: Write,
  actor: Actor,
  id: number,
  body: ActivityBody,
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const r = await selectMobile(trx, actor).where('mobile_member.id', '=', id).executeTakeFirst();
    if (!r) throw errors.outOfScope('mobile_member', id);
    allowed(recordActivity(body.on, r.since, r.ended_on ?? today));
    const orgId = inScope(actor, r.inflow_path) && r.inflow_org_id ? r.inflow_org_id : r.home_org_id;
    const row = await trx
      .insertInto('mobile_member_activity')
      .values({
        mobile_member_id: r.id,
        county_code: r.county_code,
        org_id: orgId,
        held_on: body.on,
        kind: body.kind.trim(),
        topic: body.topic.trim(),
        recorded_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'mobile_member.activity',
      targetType: 'mobile_member',
      targetId: r.id,
      after: { activityId: row.id, orgId, on: body.on, kind: body.kind },
      countyCode: r.county_code,
    });
    return row.id;
  });
}
