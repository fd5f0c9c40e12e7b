// 双报到 reads: the paged list of reports (a community's reporters, or the reports of a unit's
// members, or everything inside a town, county or city), the figures per community, one report's
// services, the look-ups of the register dialog. Every query starts from scoped.communityReports.
import type { AuditAction } from '../../../contract/audit-names.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors } from '../platform/errors/errors.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { type Audit, inScope, readTransferSettings } from '../transfers/transfer-common.ts';
import {
  type CommunityTotalsRow,
  communityOptions,
  communityTotals,
  countReports,
  findReport,
  listReportRows,
  type ReportFilter,
  type ReportRow,
  type ReportSort,
  scopeCommunity,
  servicesOf,
  unitOptions,
} from './community.repository.ts';
import { assessmentOpen } from './community-rules.ts';

export interface ListQuery extends Omit<ReportFilter, 'year'> {
  year?: number | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  sort?: ReportSort | undefined;
}

export const thisYear = (today = shanghaiToday()) => Number(today.slice(0, 4));

export function filterOf(query: ListQuery): ReportFilter {
  return {
    year: query.year ?? thisYear(),
    communityOrgId: query.communityOrgId,
    reporterKind: query.reporterKind,
    q: query.q,
    assessment: query.assessment,
  };
}

export function toItem(r: ReportRow, actor: Actor, today = shanghaiToday()) {
  const member = r.reporter_kind === 'member';
  return {
    id: r.id,
    community: { id: r.community_org_id, name: r.community_name, shortName: r.community_short_name },
    reporterKind: r.reporter_kind,
    reporter: member
      ? {
          id: r.member_id,
          name: r.member_name,
          idNumberMasked: r.member_id_masked,
          orgName: r.member_unit_name ?? r.member_org_name,
        }
      : { id: r.unit_org_id, name: r.unit_name, idNumberMasked: null, orgName: r.unit_unit_name },
    year: r.year,
    reportedOn: r.reported_on,
    note: r.note,
    hours: Number(r.hours ?? 0),
    serviceCount: Number(r.services ?? 0),
    lastServedOn: r.last_served_on,
    assessment: r.assessment,
    assessedOn: r.assessed_on,
    /** the community's side records the assessment, from 1 December of the year on */
    canAssess: inScope(actor, r.community_path) && assessmentOpen(r.year, today),
  };
}
export type ReportItem = ReturnType<typeof toItem>;

/** Reads of members' names in the list are audited (who saw which members' reports). */
async function auditMembers(
  audit: Audit,
  actor: Actor,
  action: AuditAction,
  rows: ReportRow[],
  after: object,
) {
  const memberIds = rows.map((r) => r.member_id).filter((x) => x !== null);
  if (memberIds.length === 0) return;
  await audit({
    action,
    targetType: 'org',
    targetId: actor.scopeOrgId,
    after: { ...after, memberIds },
    countyCode: actor.scopeCountyCode,
  });
}

export async function listReports(db: Db, actor: Actor, audit: Audit, query: ListQuery) {
  const filter = filterOf(query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    listReportRows(db, actor, filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
      sort: query.sort ?? 'reportedOn',
    }),
    countReports(db, actor, filter),
  ]);
  await auditMembers(audit, actor, 'community_report.list', rows, { year: filter.year });
  const today = shanghaiToday();
  return { year: filter.year, items: rows.map((r) => toItem(r, actor, today)), total, page, pageSize };
}

const sumOf = (rows: CommunityTotalsRow[], key: keyof CommunityTotalsRow) =>
  rows.reduce((s, r) => s + Number(r[key]), 0);

function figures(rows: CommunityTotalsRow[]) {
  return {
    reporters: sumOf(rows, 'reporters'),
    members: sumOf(rows, 'members'),
    units: sumOf(rows, 'units'),
    hours: Math.round(sumOf(rows, 'hours') * 10) / 10,
    membersMeetingTarget: sumOf(rows, 'meeting_target'),
    inactive: sumOf(rows, 'inactive'),
    assessments: {
      excellent: sumOf(rows, 'excellent'),
      good: sumOf(rows, 'good'),
      fair: sumOf(rows, 'fair'),
      poor: sumOf(rows, 'poor'),
      none: sumOf(rows, 'unassessed'),
    },
  };
}

/**
 * The figures of each community the actor's visible reports go to (a town sees its communities, a
 * unit the communities its members serve), their sum over the whole scope, and the actor's own
 * community when its scope is one (the page then shows the community's view). `q` (a community's
 * name) narrows the paged list, not the sum.
 */
export async function totalsByCommunity(
  db: Db,
  actor: Actor,
  query: {
    year?: number | undefined;
    q?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const year = query.year ?? thisYear();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const settings = await readTransferSettings(db);
  const [rows, mine] = await Promise.all([
    communityTotals(db, actor, year, settings.annualServiceHours),
    scopeCommunity(db, actor),
  ]);
  // the figures above are the whole scope's; q narrows the list of communities below them
  const text = query.q?.trim();
  const listed = text
    ? rows.filter((r) => r.community_name.includes(text) || r.community_short_name.includes(text))
    : rows;
  const today = shanghaiToday();
  return {
    year,
    targetHours: settings.annualServiceHours,
    assessmentOpen: assessmentOpen(year, today),
    myCommunity: mine ? { id: mine.id, name: mine.name } : null,
    totals: { communities: rows.length, ...figures(rows) },
    items: listed.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
      community: {
        id: r.community_id,
        name: r.community_name,
        shortName: r.community_short_name,
        townName: r.town_name,
      },
      ...figures([r]),
    })),
    total: listed.length,
    page,
    pageSize,
  };
}

/** One report (inside the scope, either side) and its services, newest first. */
export async function reportServices(db: Db, actor: Actor, audit: Audit, reportId: number) {
  const r = await findReport(db, actor, reportId);
  if (!r) throw errors.outOfScope('community_report', reportId);
  const services = await servicesOf(db, r.id);
  await auditMembers(audit, actor, 'community_report.read', [r], { reportId: r.id });
  return {
    report: toItem(r, actor),
    services: services.map((s) => ({
      id: s.id,
      servedOn: s.served_on,
      hours: Number(s.hours),
      content: s.content,
      recordedBy: s.recorded_by_name,
    })),
  };
}

export async function communityChoices(db: Db, actor: Actor, q: string) {
  const rows = await communityOptions(db, actor, q);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentName: r.town_name }));
}

export async function unitChoices(db: Db, actor: Actor, q: string) {
  const rows = await unitOptions(db, actor, q);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unitName: r.unit_name,
    parentName: r.parent_name,
  }));
}
