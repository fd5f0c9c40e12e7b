// 双报到 SQL: the reports an actor may see (always from scoped.communityReports) with the figures of
// their services, the totals per community, a report's services, and the look-ups of the register
// dialog (communities and unit orgs of the city, a member by the keyed hash of the ID number).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import type { Assessment } from './community-report-tables.ts';

export interface ReportFilter {
  year: number;
  communityOrgId?: number | undefined;
  reporterKind?: 'member' | 'unit' | undefined;
  /** the reporter's name (a member's name, or a unit org's name) */
  q?: string | undefined;
  /** an assessment, or 'none' for the reports not yet assessed */
  assessment?: Assessment | 'none' | undefined;
}
export type ReportSort = 'reportedOn' | 'hours' | 'name';

type Scoped = ReturnType<typeof scoped.communityReports>;

function filtered(db: Kysely<DB>, actor: Actor, f: ReportFilter): Scoped {
  let q = scoped.communityReports(db, actor).where('community_report.year', '=', f.year);
  if (f.communityOrgId !== undefined) q = q.where('community_report.community_org_id', '=', f.communityOrgId);
  if (f.reporterKind) q = q.where('community_report.reporter_kind', '=', f.reporterKind);
  if (f.assessment === 'none') q = q.where('community_report.assessment', 'is', null);
  else if (f.assessment) q = q.where('community_report.assessment', '=', f.assessment);
  const text = f.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('report_member.name', 'like', like),
        eb('report_unit_org.name', 'like', like),
        eb('report_unit_org.unit_name', 'like', like),
      ]),
    );
  }
  return q;
}

/** Hours, number and last day of a report's services (one indexed range of community_service). */
const hoursSql = sql<string | number>`(select coalesce(sum(s.hours), 0) from community_service s
  where s.report_id = community_report.id)`;
const servicesSql = sql<string | number>`(select count(*) from community_service s
  where s.report_id = community_report.id)`;
const lastServedSql = sql<string | null>`(select max(s.served_on)::text from community_service s
  where s.report_id = community_report.id)`;

function reportColumns(q: Scoped) {
  return q
    .select([
      'community_report.id',
      'community_report.community_org_id',
      'community_report.county_code',
      'community_report.reporter_kind',
      'community_report.member_id',
      'community_report.unit_org_id',
      'community_report.year',
      'community_report.reported_on',
      'community_report.note',
      'community_report.assessment',
      'community_report.assessed_on',
      'community_org.name as community_name',
      'community_org.short_name as community_short_name',
      'community_org.path as community_path',
      'report_member.name as member_name',
      'report_member.id_number_masked as member_id_masked',
      'report_member_org.name as member_org_name',
      'report_member_org.unit_name as member_unit_name',
      'report_unit_org.name as unit_name',
      'report_unit_org.unit_name as unit_unit_name',
    ])
    .select([hoursSql.as('hours'), servicesSql.as('services'), lastServedSql.as('last_served_on')]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportColumns>['execute']>>[number];

export async function listReportRows(
  db: Kysely<DB>,
  actor: Actor,
  f: ReportFilter,
  paging: { limit: number; offset: number; sort: ReportSort },
): Promise<ReportRow[]> {
  let q = reportColumns(filtered(db, actor, f));
  if (paging.sort === 'hours') q = q.orderBy(hoursSql, 'desc');
  else if (paging.sort === 'name')
    q = q.orderBy(sql`coalesce(report_member.name, report_unit_org.name)`, 'asc');
  else q = q.orderBy('community_report.reported_on', 'desc');
  return q.orderBy('community_report.id', 'desc').limit(paging.limit).offset(paging.offset).execute();
}

export async function countReports(db: Kysely<DB>, actor: Actor, f: ReportFilter): Promise<number> {
  const row = await filtered(db, actor, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One report inside the actor's scope (community side or reporter side), or undefined. */
export function findReport(db: Kysely<DB>, actor: Actor, id: number) {
  return reportColumns(
    scoped.communityReports(db, actor).where('community_report.id', '=', id),
  ).executeTakeFirst();
}

export interface CommunityTotalsRow {
  community_id: number;
  community_name: string;
  community_short_name: string;
  town_name: string | null;
  reporters: number;
  members: number;
  units: number;
  hours: number;
  meeting_target: number;
  inactive: number;
  excellent: number;
  good: number;
  fair: number;
  poor: number;
  unassessed: number;
}

/** Figures per community of the year's reports the actor may see (most reporters first). */
export async function communityTotals(
  db: Kysely<DB>,
  actor: Actor,
  year: number,
  targetHours: number,
): Promise<CommunityTotalsRow[]> {
  const perReport = filtered(db, actor, { year }).select([
    'community_report.community_org_id as community_id',
    'community_report.reporter_kind as kind',
    'community_report.assessment as assessment',
    hoursSql.as('hours'),
  ]);
  const n = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const rows = await db
    .selectFrom(perReport.as('r'))
    .innerJoin('org as c', 'c.id', 'r.community_id')
    .leftJoin('org as t', 't.id', 'c.parent_id')
    .select([
      'r.community_id',
      'c.name as community_name',
      'c.short_name as community_short_name',
      't.short_name as town_name',
    ])
    .select([
      sql<number>`count(*)::int`.as('reporters'),
      n(sql`r.kind = 'member'`).as('members'),
      n(sql`r.kind = 'unit'`).as('units'),
      sql<number>`coalesce(sum(r.hours), 0)::float8`.as('hours'),
      n(sql`r.kind = 'member' and r.hours >= ${targetHours}`).as('meeting_target'),
      n(sql`r.hours = 0`).as('inactive'),
      n(sql`r.assessment = 'excellent'`).as('excellent'),
      n(sql`r.assessment = 'good'`).as('good'),
      n(sql`r.assessment = 'fair'`).as('fair'),
      n(sql`r.assessment = 'poor'`).as('poor'),
      n(sql`r.assessment is null`).as('unassessed'),
    ])
    .groupBy(['r.community_id', 'c.name', 'c.short_name', 't.short_name'])
    .orderBy('reporters', 'desc')
    .orderBy('hours', 'desc')
    .orderBy('r.community_id')
    .execute();
  return rows.map((r) => ({ ...r, community_id: Number(r.community_id), hours: Number(r.hours) }));
}

export function servicesOf(db: Kysely<DB>, reportId: number) {
  return db
    .selectFrom('community_service')
    .leftJoin('account', 'account.id', 'community_service.recorded_by')
    .select([
      'community_service.id',
      'community_service.served_on',
      'community_service.hours',
      'community_service.content',
      'account.display_name as recorded_by_name',
    ])
    .where('community_service.report_id', '=', reportId)
    .orderBy('community_service.served_on', 'desc')
    .orderBy('community_service.id', 'desc')
    .execute();
}

/**
 * An org of the whole city by id (a report's community, or a unit org the community names): what the
 * rules need, no counts or members (like transfer targets).
 */
export function cityOrg(db: Kysely<DB>, actor: Actor, id: number) {
  return scoped
    .transferTargets(db, actor)
    .leftJoin('division', 'division.code', 'org.division_code')
    .select([
      'org.id',
      'org.name',
      'org.path',
      'org.level',
      'org.category',
      'org.county_code',
      'division.kind as division_kind',
    ])
    .where('org.id', '=', id)
    .executeTakeFirst();
}

/** The actor's own scope org when it is a community (the community's view of the page). */
export function scopeCommunity(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('org')
    .innerJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.name', 'org.path'])
    .where('org.id', '=', actor.scopeOrgId)
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community')
    .executeTakeFirst();
}

/** A report can be addressed to any community of the city (names only, like transfer targets). */
export function communityOptions(db: Kysely<DB>, actor: Actor, q: string) {
  const text = q.trim();
  let query = scoped
    .transferTargets(db, actor)
    .innerJoin('division', 'division.code', 'org.division_code')
    .leftJoin('org as town', 'town.id', 'org.parent_id')
    .select(['org.id', 'org.code', 'org.name', 'town.name as town_name'])
    .where('org.level', '=', 'village')
    .where('division.kind', '=', 'community');
  if (/^\d+$/.test(text)) query = query.where('org.code', 'like', `${escapeLike(text)}%`);
  else if (/^[a-zA-Z]+$/.test(text))
    query = query.where('org.pinyin_initials', 'like', `%${escapeLike(text.toLowerCase())}%`);
  else if (text) query = query.where('org.name', 'like', `%${escapeLike(text)}%`);
  return query.orderBy('org.code').limit(20).execute();
}

/** Unit party orgs (机关, 企事业单位, 两新) of the city, by name, code or pinyin initials. */
export function unitOptions(db: Kysely<DB>, actor: Actor, q: string) {
  const text = q.trim();
  let query = scoped
    .transferTargets(db, actor)
    .leftJoin('org as parent', 'parent.id', 'org.parent_id')
    .select(['org.id', 'org.code', 'org.name', 'org.unit_name', 'parent.name as parent_name'])
    .where('org.level', '=', 'unit')
    .where('org.category', '<>', 'territorial');
  if (/^[a-zA-Z]+$/.test(text))
    query = query.where('org.pinyin_initials', 'like', `%${escapeLike(text.toLowerCase())}%`);
  else if (text)
    query = query.where((eb) =>
      eb.or([
        eb('org.name', 'like', `%${escapeLike(text)}%`),
        eb('org.unit_name', 'like', `%${escapeLike(text)}%`),
        eb('org.code', 'like', `${escapeLike(text)}%`),
      ]),
    );
  return query.orderBy('org.code').limit(20).execute();
}

/** Whether a reporter already reported to a community in a year (the unique indexes' question). */
export async function alreadyReported(
  db: Kysely<DB>,
  communityId: number,
  year: number,
  reporter: { memberId: number } | { unitOrgId: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('community_report')
    .select('id')
    .where('community_org_id', '=', communityId)
    .where('year', '=', year)
    .where((eb) =>
      'memberId' in reporter
        ? eb('member_id', '=', reporter.memberId)
        : eb('unit_org_id', '=', reporter.unitOrgId),
    )
    .executeTakeFirst();
  return Boolean(row);
}

export interface ReportValues {
  community_org_id: number;
  county_code: string | null;
  reporter_kind: 'member' | 'unit';
  member_id: number | null;
  unit_org_id: number | null;
  year: number;
  reported_on: string;
  note: string;
  created_by: number;
}

export function insertReport(trx: Transaction<DB>, values: ReportValues) {
  return trx.insertInto('community_report').values(values).returning('id').executeTakeFirstOrThrow();
}

export interface ServiceValues {
  report_id: number;
  county_code: string | null;
  served_on: string;
  hours: number;
  content: string;
  recorded_by: number;
}

export function insertService(trx: Transaction<DB>, values: ServiceValues) {
  return trx.insertInto('community_service').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The community's annual assessment of a report, and its day. */
export async function setAssessment(
  trx: Transaction<DB>,
  reportId: number,
  assessment: Assessment,
  on: string,
) {
  await trx
    .updateTable('community_report')
    .set({ assessment, assessed_on: on })
    .where('id', '=', reportId)
    .execute();
}
