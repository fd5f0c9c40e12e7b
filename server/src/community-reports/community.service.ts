// 双报到双服务: unit party orgs and in-service members report to a community, the service they give
// is recorded in hours, and the community assesses them once a year. Rules: domain/community-report.ts
// and community-rules.ts; SQL: community.repository.ts; reads: community-read.service.ts.
//   Who registers a report: the reporter's side (its own member or unit org, to any community of the
//   city), or the community's side (its own members, any unit org of the city, or a member of another
//   unit identified by the ID number they show).

import type { Actor } from '../platform/access/actor.ts';
import { memberByIdHashForCommunity } from '../platform/access/exceptions.ts';
import { verifyMember, verifyOrg } from '../platform/access/scope.ts';
import { piiHash } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, errors } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { violations } from '../transfers/domain/transfer-rules.ts';
import {
  type Audit,
  allowed,
  allowedError,
  inScope,
  isUniqueViolation,
  transferErrors,
} from '../transfers/transfer-common.ts';
import {
  alreadyReported,
  cityOrg,
  findReport,
  insertReport,
  insertService,
  setAssessment,
} from './community.repository.ts';
import type { Assessment } from './community-report-tables.ts';
import { assessmentOpen, checkedIdNumber, checkServiceYear, communityErrors } from './community-rules.ts';
import { recordService, reportToCommunity } from './domain/community-report.ts';

export interface ReportBody {
  communityOrgId: number;
  memberId?: number | undefined;
  /** the community's side: a member of another unit, by the ID number they show */
  idNumber?: string | undefined;
  unitOrgId?: number | undefined;
  /** default today */
  reportedOn?: string | undefined;
  note?: string | undefined;
}

const oneReporter = () =>
  badRequest(
    'COMMUNITY_REPORTER_REQUIRED',
    '须且只能填写一个报到主体：党员（memberId 或身份证号 idNumber）或单位党组织（unitOrgId）。',
    'Give exactly one reporter: a member (memberId or idNumber) or a unit organization (unitOrgId).',
  );

/** Any org of the city named as the community (names only); whether it is a community. */
async function communityOf(db: Db, actor: Actor, id: number) {
  const c = await cityOrg(db, actor, id);
  if (!c) throw transferErrors.orgNotFound(id);
  return { ...c, isCommunity: c.level === 'village' && c.division_kind === 'community' };
}

/** The community's side names a unit org of the whole city; the reporter's side one of its scope. */
async function unitFor(db: Db, actor: Actor, id: number, communitySide: boolean) {
  if (!communitySide) return verifyOrg(db, actor, id);
  const unit = await cityOrg(db, actor, id);
  if (!unit) throw transferErrors.orgNotFound(id);
  return unit;
}

/** A member of another unit by ID number: only for a community inside the actor's scope. */
async function memberByIdNumber(db: Db, actor: Actor, input: string, community: { path: string }) {
  const idNumber = checkedIdNumber(input);
  if (!inScope(actor, community.path)) throw communityErrors.communitySideOnly();
  const member = await memberByIdHashForCommunity(db, actor, community.path, await piiHash(idNumber));
  if (!member) throw communityErrors.memberNotFound();
  return member;
}

export async function report(db: Db, write: Write, actor: Actor, body: ReportBody, today = shanghaiToday()) {
  const given = [body.memberId, body.idNumber, body.unitOrgId].filter((x) => x !== undefined);
  if (given.length !== 1) throw oneReporter();
  const community = await communityOf(db, actor, body.communityOrgId);
  const communitySide = inScope(actor, community.path);
  const member =
    body.memberId !== undefined
      ? await verifyMember(db, actor, body.memberId, 'transfer:manage')
      : body.idNumber !== undefined
        ? await memberByIdNumber(db, actor, body.idNumber, community)
        : null;
  const unit = body.unitOrgId !== undefined ? await unitFor(db, actor, body.unitOrgId, communitySide) : null;
  const reportedOn = body.reportedOn ?? today;
  const year = Number(reportedOn.slice(0, 4));
  const reporter = member ? { memberId: member.id } : { unitOrgId: unit?.id ?? 0 };
  try {
    return await write(async (trx, audit) => {
      const fx = allowed(
        reportToCommunity({
          community: { name: community.name, isCommunity: community.isCommunity },
          reporter: member
            ? { kind: 'member', occupation: member.occupation }
            : {
                kind: 'unit',
                name: unit?.name ?? '',
                level: unit?.level ?? '',
                category: unit?.category ?? '',
              },
          reportedOn,
          today,
          alreadyThisYear:
            Number.isFinite(year) && (await alreadyReported(trx, community.id, year, reporter)),
        }),
      );
      const row = await insertReport(trx, {
        community_org_id: community.id,
        county_code: community.county_code,
        reporter_kind: member ? 'member' : 'unit',
        member_id: member?.id ?? null,
        unit_org_id: unit?.id ?? null,
        year: fx.year,
        reported_on: reportedOn,
        note: body.note?.trim() ?? '',
        created_by: actor.accountId,
      });
      await audit({
        action: 'community_report.create',
        targetType: 'community_report',
        targetId: row.id,
        after: {
          communityOrgId: community.id,
          memberId: member?.id ?? null,
          unitOrgId: unit?.id ?? null,
          year: fx.year,
          side: communitySide ? 'community' : 'reporter',
          ...(body.idNumber !== undefined ? { identifiedBy: 'id_number' } : {}),
        },
        countyCode: community.county_code,
      });
      return row.id;
    });
  } catch (error) {
    // two registrations of one reporter at the same moment: the unique index decides
    if (isUniqueViolation(error)) throw allowedError(violations.reportDuplicate(year));
    throw error;
  }
}

/**
 * The community's side looks a member of another unit up by the ID number shown, before registering:
 * name, masked ID number, org, whether in service and already reported this year. Audited, found or not.
 */
export async function lookupMember(
  db: Db,
  actor: Actor,
  audit: Audit,
  query: { communityOrgId: number; idNumber: string },
  today = shanghaiToday(),
) {
  const community = await communityOf(db, actor, query.communityOrgId);
  if (!community.isCommunity) throw allowedError(violations.reportNotCommunity(community.name));
  let member: Awaited<ReturnType<typeof memberByIdNumber>> | null = null;
  try {
    member = await memberByIdNumber(db, actor, query.idNumber, community);
  } finally {
    await audit({
      action: 'community_report.member_lookup',
      targetType: member ? 'member' : 'org',
      targetId: member ? member.id : community.id,
      after: { communityOrgId: community.id, found: member !== null },
      countyCode: community.county_code,
    });
  }
  const year = Number(today.slice(0, 4));
  return {
    id: member.id,
    name: member.name,
    idNumberMasked: member.id_number_masked,
    orgName: member.org_name,
    occupation: member.occupation,
    inService: member.occupation === 'in_service',
    reportedThisYear: await alreadyReported(db, community.id, year, { memberId: member.id }),
  };
}

async function verifyReport(db: Db, actor: Actor, id: number) {
  const r = await findReport(db, actor, id);
  if (!r) throw errors.outOfScope('community_report', id);
  return r;
}

export interface ServiceBody {
  reportId: number;
  servedOn: string;
  hours: number;
  content: string;
}

export async function addService(write: Write, actor: Actor, body: ServiceBody, today = shanghaiToday()) {
  return write(async (trx, audit) => {
    const r = await verifyReport(trx, actor, body.reportId);
    allowed(recordService(body.servedOn, body.hours, r.reported_on, today));
    checkServiceYear(body.servedOn, r.year);
    const row = await insertService(trx, {
      report_id: r.id,
      county_code: r.county_code,
      served_on: body.servedOn,
      hours: body.hours,
      content: body.content.trim(),
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'community_report.service',
      targetType: 'community_report',
      targetId: r.id,
      after: { serviceId: row.id, servedOn: body.servedOn, hours: body.hours },
      countyCode: r.county_code,
    });
    return row.id;
  });
}

/** The community (only the community's side) records its annual assessment of a reporter at year end. */
export async function assess(
  write: Write,
  actor: Actor,
  body: { reportId: number; assessment: Assessment },
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const r = await verifyReport(trx, actor, body.reportId);
    if (!inScope(actor, r.community_path)) throw errors.outOfScope('community_report', body.reportId);
    if (!assessmentOpen(r.year, today)) throw communityErrors.assessmentNotOpen(r.year);
    await setAssessment(trx, r.id, body.assessment, today);
    await audit({
      action: 'community_report.assess',
      targetType: 'community_report',
      targetId: r.id,
      before: { assessment: r.assessment },
      after: { assessment: body.assessment },
      countyCode: r.county_code,
    });
    return r.id;
  });
}
