// 流动党员: the home org registers an outflow (where to, since when, contact); the inflow org (when
// in the system) confirms; both orgs see and manage the member (双向管理) and record the member's
// organizational life; the home org ends the registration. Rules: domain/mobile-member.ts.

import type { Static } from '@sinclair/typebox';
import type { Actor } from '../platform/access/actor.ts';
import { verifyMember } from '../platform/access/scope.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  type Audit,
  allowed,
  inScope,
  readTransferSettings,
  transferErrors,
} from '../transfers/transfer-common.ts';
import {
  type MobileAction,
  mobileTransition,
  recordActivity,
  registerOutflow,
} from './domain/mobile-member.ts';
import * as repo from './mobile-member.repository.ts';
import type { MobileListQuery } from './mobile-member-requests.ts';

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
  db: Db,
  write: Write,
  actor: Actor,
  body: OutflowBody,
  today = shanghaiToday(),
) {
  const member = await verifyMember(db, actor, body.memberId, 'transfer:manage');
  const phone = validateMobile(body.contactPhone);
  if (!phone.ok) throw transferErrors.phone();
  if (body.inflowOrgId !== undefined) {
    if (!(await repo.isInflowTarget(db, actor, body.inflowOrgId)))
      throw transferErrors.orgNotFound(body.inflowOrgId);
  }
  const settings = await readTransferSettings(db);
  return write(async (trx, audit) => {
    const open = await repo.openRegistration(trx, member.id);
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
    const row = await repo.insertRegistration(trx, {
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
    });
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

const toItem = (actor: Actor, r: repo.MobileRow) => {
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

export async function listMobile(db: Db, actor: Actor, audit: Audit, query: Static<typeof MobileListQuery>) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const side = query.side ? { side: query.side, pattern: `${actor.scopePath}%` } : undefined;
  const { rows, total } = await repo.mobilePage(db, actor, { side, state: query.state }, page, pageSize);
  if (rows.length)
    await audit({
      action: 'mobile_member.list',
      targetType: 'org',
      targetId: actor.scopeOrgId,
      after: { ids: rows.map((r) => r.id), memberIds: rows.map((r) => r.member_id) },
      countyCode: actor.scopeCountyCode,
    });
  return { items: rows.map((r) => toItem(actor, r)), total, page, pageSize };
}

export async function mobileDetail(db: Db, actor: Actor, audit: Audit, id: number) {
  const r = await repo.mobileById(db, actor, id);
  if (!r) throw errors.outOfScope('mobile_member', id);
  const activities = await repo.activitiesOf(db, r.id);
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
    const r = await repo.mobileById(trx, actor, id);
    if (!r) throw errors.outOfScope('mobile_member', id);
    const fx = allowed(
      mobileTransition(r.state, action, {
        home: inScope(actor, r.home_path),
        inflow: inScope(actor, r.inflow_path),
      }),
    );
    await repo.updateRegistrationState(trx, r, {
      state: fx.state,
      updated_at: new Date(),
      ...(action === 'confirm_inflow' ? { inflow_confirmed_on: today } : { ended_on: today }),
    });
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
    const r = await repo.mobileById(trx, actor, id);
    if (!r) throw errors.outOfScope('mobile_member', id);
    allowed(recordActivity(body.on, r.since, r.ended_on ?? today));
    const orgId = inScope(actor, r.inflow_path) && r.inflow_org_id ? r.inflow_org_id : r.home_org_id;
    const row = await repo.insertActivity(trx, {
      mobile_member_id: r.id,
      county_code: r.county_code,
      org_id: orgId,
      held_on: body.on,
      kind: body.kind.trim(),
      topic: body.topic.trim(),
      recorded_by: actor.accountId,
    });
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
