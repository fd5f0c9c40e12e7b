// 双报到双服务: unit party orgs and in-service members report to a community, the service they give
// is recorded in hours, and the community assesses them once a year. Rules: domain/mobile-community.ts.
import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped, verifyMember, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { annualAssessment, recordService, reportToCommunity } from './domain/mobile-community.ts';
import { type Audit, allowed, readTransferSettings, transferErrors, type Write } from './transfer-common.ts';
import type { Assessment } from './transfer-tables.ts';

export interface ReportBody {
  communityOrgId: number;
  memberId?: number | undefined;
  unitOrgId?: number | undefined;
  reportedOn: string;
  note?: string | undefined;
}

async function communityOf(db: Kysely<DB>, actor: Actor, id: number) {
  const c = await scoped
    .transferTargets(db, actor)
    .leftJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.name', 'org.level', 'org.county_code', 'division.kind as division_kind'])
    .where('org.id', '=', id)
    .executeTakeFirst();
  if (!c) throw transferErrors.orgNotFound(id);
  return { ...c, isCommunity: c.level === 'village' && c.division_kind === 'community' };
}

/** A member (of the actor's scope) or a unit org (of the actor's scope) reports to a community. */
export async function report(
  db: Kysely<DB>,
  write: Write,
  actor: Actor,
  body: ReportBody,
  today = shanghaiToday(),
) {
  if ((body.memberId === undefined) === (body.unitOrgId === undefined)) throw transferErrors.oneReporter();
  const community = await communityOf(db, actor, body.communityOrgId);
  const member =
    body.memberId !== undefined ? await verifyMember(db, actor, body.memberId, 'transfer:manage') : null;
  const unit = body.unitOrgId !== undefined ? await verifyOrg(db, actor, body.unitOrgId) : null;
  return write(async (trx, audit) => {
    const year = Number(body.reportedOn.slice(0, 4));
    const dup = await trx
      .selectFrom('community_report')
      .select('id')
      .where('community_org_id', '=', community.id)
      .where('year', '=', Number.isFinite(year) ? year : 0)
      .where((eb) => (member ? eb('member_id', '=', member.id) : eb('unit_org_id', '=', unit?.id ?? 0)))
      .executeTakeFirst();
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
        reportedOn: body.reportedOn,
        today,
        alreadyThisYear: Boolean(dup),
      }),
    );
    const row = await trx
      .insertInto('community_report')
      .values({
        community_org_id: community.id,
        county_code: community.county_code,
        reporter_kind: member ? 'member' : 'unit',
        member_id: member?.id ?? null,
        unit_org_id: unit?.id ?? null,
        year: fx.year,
        reported_on: body.reportedOn,
        note: body.note?.trim() ?? '',
        created_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'community_report.create',
      targetType: 'community_report',
      targetId: row.id,
      after: {
        communityOrgId: community.id,
        memberId: member?.id ?? null,
        unitOrgId: unit?.id ?? null,
        year: fx.year,
      },
      countyCode: community.county_code,
    });
    return row.id;
  });
}

function selectReports(db: Kysely<DB>, actor: Actor) {
  return scoped
    .communityReports(db, actor)
    .select([
      'community_report.id',
      'community_report.community_org_id',
      'community_report.county_code',
      'community_report.reporter_kind',
      'community_report.member_id',
      'community_report.unit_org_id',
      'community_report.year',
      'community_report.reported_on',
      'community_report.assessment',
      'community_report.assessed_on',
      'community_org.name as community_name',
      'community_org.path as community_path',
      'report_member.name as member_name',
      'report_unit_org.name as unit_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('community_service')
        .select((e) => e.fn.coalesce(e.fn.sum<string | number>('community_service.hours'), e.lit(0)).as('h'))
        .whereRef('community_service.report_id', '=', 'community_report.id')
        .as('hours'),
    );
}

export async function listReports(
  db: Kysely<DB>,
  actor: Actor,
  audit: Audit,
  query: { year?: number | undefined; communityOrgId?: number | undefined },
) {
  const year = query.year ?? Number(shanghaiToday().slice(0, 4));
  let q = selectReports(db, actor).where('community_report.year', '=', year);
  if (query.communityOrgId) q = q.where('community_report.community_org_id', '=', query.communityOrgId);
  const rows = await q.orderBy('community_report.id').limit(500).execute();
  if (rows.some((r) => r.member_id !== null))
    await audit({
      action: 'community_report.list',
      targetType: 'org',
      targetId: actor.scopeOrgId,
      after: { year, memberIds: rows.map((r) => r.member_id).filter((x) => x !== null) },
      countyCode: actor.scopeCountyCode,
    });
  const settings = await readTransferSettings(db);
  const items = rows.map((r) => ({
    id: r.id,
    community: { id: r.community_org_id, name: r.community_name },
    reporterKind: r.reporter_kind,
    reporter:
      r.reporter_kind === 'member'
        ? { id: r.member_id, name: r.member_name }
        : { id: r.unit_org_id, name: r.unit_name },
    year: r.year,
    reportedOn: r.reported_on,
    hours: Number(r.hours ?? 0),
    assessment: r.assessment,
    assessedOn: r.assessed_on,
  }));
  // the assessment figures of each community in the list
  const byCommunity = new Map<
    number,
    { name: string; reporters: { kind: 'member' | 'unit'; hours: number }[] }
  >();
  for (const i of items) {
    const c = byCommunity.get(i.community.id) ?? { name: i.community.name, reporters: [] };
    c.reporters.push({ kind: i.reporterKind, hours: i.hours });
    byCommunity.set(i.community.id, c);
  }
  return {
    year,
    items,
    communities: [...byCommunity].map(([id, c]) => ({
      id,
      name: c.name,
      ...annualAssessment(year, c.reporters, settings),
    })),
  };
}

async function verifyReport(db: Kysely<DB>, actor: Actor, id: number) {
  const r = await selectReports(db, actor).where('community_report.id', '=', id).executeTakeFirst();
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
    const row = await trx
      .insertInto('community_service')
      .values({
        report_id: r.id,
        county_code: r.county_code,
        served_on: body.servedOn,
        hours: body.hours,
        content: body.content.trim(),
        recorded_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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

/** The community (only the community's side) records its annual assessment of a reporter. */
export async function assess(
  write: Write,
  actor: Actor,
  body: { reportId: number; assessment: Assessment },
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const r = await verifyReport(trx, actor, body.reportId);
    if (!r.community_path.startsWith(actor.scopePath))
      throw errors.outOfScope('community_report', body.reportId);
    await trx
      .updateTable('community_report')
      .set({ assessment: body.assessment, assessed_on: today })
      .where('id', '=', r.id)
      .execute();
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
