// The findings of a scope (issue 5 item 7): every checked org's figures (org-check.service.ts)
// through the rules (domain/org-rules.ts), counted by kind, filtered, paged — or written to Excel.
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { daysBetween, shanghaiToday } from '../recruitment/domain/dates.ts';
import { checkOrg, FINDING_KINDS, type Finding, type FindingKind } from './domain/org-rules.ts';
import { orgFacts } from './org-check.service.ts';

export const EXPORT_LIMIT = 50_000;

export interface FindingRow extends Finding {
  org: { id: number; code: string; name: string; shortName: string; kind: string; level: string };
  /** the org's figures behind the finding */
  figures: {
    members: number;
    fullMembers: number;
    /** secretaries, deputies and committee members of the current term; null without a term */
    committeeSize: number | null;
    electedOn: string | null;
    termEndsOn: string | null;
    /** days since the term ended; null while it runs */
    daysOverdue: number | null;
  };
}

export interface FindingsQuery {
  /** an org inside the scope (default: the actor's scope org) */
  orgId?: number;
  kind?: FindingKind;
  /** org code prefix, pinyin initials or part of the name */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Every finding under the base org (matching `q`), in org path order, with the counts by kind. */
async function findings(db: Db, actor: Actor, q: FindingsQuery, today: string) {
  const base = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const orgs = await orgFacts(db, actor, base.path, q.q);
  const all: FindingRow[] = [];
  for (const o of orgs) {
    const figures: FindingRow['figures'] = {
      members: o.members,
      fullMembers: o.fullMembers,
      committeeSize: o.term ? o.term.secretaries + o.term.deputies + o.term.others : null,
      electedOn: o.term?.electedOn ?? null,
      termEndsOn: o.term?.endsOn ?? null,
      daysOverdue: o.term && o.term.endsOn < today ? daysBetween(o.term.endsOn, today) : null,
    };
    const org = {
      id: o.id,
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      kind: o.kind,
      level: o.level,
    };
    for (const f of checkOrg(o.facts, today)) all.push({ ...f, org, figures });
  }
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of all) counts[f.kind] += 1;
  const filtered = q.kind ? all.filter((f) => f.kind === q.kind) : all;
  return { base, checkedOrgs: orgs.length, counts, filtered };
}

/** A page of findings; the counts cover the scope (and search), not the kind filter. */
export async function listFindings(db: Db, actor: Actor, q: FindingsQuery, today = shanghaiToday()) {
  const { checkedOrgs, counts, filtered } = await findings(db, actor, q, today);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return {
    today,
    checkedOrgs,
    counts,
    total: filtered.length,
    page,
    pageSize,
    items: filtered.slice((page - 1) * pageSize, page * pageSize),
  };
}

const KIND_ZH: Record<FindingKind, string> = {
  too_few_full: '正式党员不足 3 名',
  too_many: '党员超过 50 名',
  committee_size: '委员会人数不符',
  no_term: '无换届记录',
  term_due: '换届将到期',
  term_overdue: '换届已逾期',
};
const SEVERITY_ZH = { error: '问题', warning: '提醒' } as const;

/** The filtered findings (no paging, at most EXPORT_LIMIT rows) as an Excel workbook. */
export async function exportFindings(
  db: Db,
  actor: Actor,
  q: Omit<FindingsQuery, 'page' | 'pageSize'>,
  today = shanghaiToday(),
): Promise<{ buffer: Buffer; rows: number; orgId: number; orgName: string; today: string }> {
  const { base, filtered } = await findings(db, actor, q, today);
  const rows = filtered.slice(0, EXPORT_LIMIT);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织设置与换届检查');
  sheet.columns = [
    { header: '组织编码', key: 'code', width: 16 },
    { header: '党组织', key: 'name', width: 40 },
    { header: '检查项', key: 'kind', width: 16 },
    { header: '类别', key: 'severity', width: 6 },
    { header: '党员数', key: 'members', width: 8 },
    { header: '正式党员数', key: 'fullMembers', width: 10 },
    { header: '委员会人数', key: 'committeeSize', width: 10 },
    { header: '本届选举日期', key: 'electedOn', width: 12 },
    { header: '任期届满日期', key: 'termEndsOn', width: 12 },
    { header: '逾期天数', key: 'daysOverdue', width: 9 },
    { header: '说明', key: 'message', width: 90 },
  ];
  for (const f of rows)
    sheet.addRow({
      code: f.org.code,
      name: f.org.name,
      kind: KIND_ZH[f.kind],
      severity: SEVERITY_ZH[f.severity],
      ...f.figures,
      message: f.message_zh,
    });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
    rows: rows.length,
    orgId: base.id,
    orgName: base.name,
    today,
  };
}
