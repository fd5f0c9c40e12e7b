// 双报到 export: the list of reports with the page's filters (ID numbers masked) and a second sheet
// with the figures per community, as Excel through the lazily loaded exceljs. The route audits it.
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { readTransferSettings } from '../transfers/transfer-common.ts';
import { communityTotals, listReportRows } from './community.repository.ts';
import { filterOf, type ListQuery } from './community-read.service.ts';
import { ASSESSMENT_ZH } from './community-rules.ts';

export const EXPORT_LIMIT = 20_000;

const KIND_ZH = { member: '在职党员', unit: '单位党组织' } as const;

export async function exportReports(db: Db, actor: Actor, query: ListQuery) {
  const filter = filterOf(query);
  const settings = await readTransferSettings(db);
  const [rows, communities] = await Promise.all([
    listReportRows(db, actor, filter, { limit: EXPORT_LIMIT, offset: 0, sort: query.sort ?? 'reportedOn' }),
    filter.communityOrgId === undefined
      ? communityTotals(db, actor, filter.year, settings.annualServiceHours)
      : Promise.resolve([]),
  ]);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('双报到名单');
  sheet.columns = [
    { header: '年度', key: 'year', width: 8 },
    { header: '报到社区', key: 'community', width: 30 },
    { header: '报到类型', key: 'kind', width: 12 },
    { header: '报到主体', key: 'reporter', width: 30 },
    { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
    { header: '所在单位 / 党组织', key: 'orgName', width: 30 },
    { header: '报到日期', key: 'reportedOn', width: 12 },
    { header: '服务次数', key: 'services', width: 10 },
    { header: '服务时长（小时）', key: 'hours', width: 16 },
    { header: '最近服务日期', key: 'lastServedOn', width: 14 },
    { header: '年度考核', key: 'assessment', width: 10 },
    { header: '考核日期', key: 'assessedOn', width: 12 },
  ];
  for (const r of rows) {
    const member = r.reporter_kind === 'member';
    sheet.addRow({
      year: r.year,
      community: r.community_name,
      kind: KIND_ZH[r.reporter_kind],
      reporter: member ? r.member_name : r.unit_name,
      idNumberMasked: member ? r.member_id_masked : '',
      orgName: member ? (r.member_unit_name ?? r.member_org_name) : (r.unit_unit_name ?? ''),
      reportedOn: r.reported_on,
      services: Number(r.services ?? 0),
      hours: Number(r.hours ?? 0),
      lastServedOn: r.last_served_on ?? '',
      assessment: r.assessment ? ASSESSMENT_ZH[r.assessment] : '未评定',
      assessedOn: r.assessed_on ?? '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  if (communities.length > 0) {
    const totals = book.addWorksheet('按社区汇总');
    totals.columns = [
      { header: '社区', key: 'community', width: 30 },
      { header: '镇（街）', key: 'town', width: 24 },
      { header: '报到党员', key: 'members', width: 10 },
      { header: '报到单位', key: 'units', width: 10 },
      { header: '服务时长（小时）', key: 'hours', width: 16 },
      { header: `服务满 ${settings.annualServiceHours} 小时党员`, key: 'meeting', width: 18 },
      { header: '未服务', key: 'inactive', width: 8 },
      { header: '优秀', key: 'excellent', width: 8 },
      { header: '良好', key: 'good', width: 8 },
      { header: '一般', key: 'fair', width: 8 },
      { header: '较差', key: 'poor', width: 8 },
      { header: '未评定', key: 'unassessed', width: 8 },
    ];
    for (const c of communities)
      totals.addRow({
        ...c,
        community: c.community_name,
        town: c.town_name ?? '',
        meeting: c.meeting_target,
      });
    totals.getRow(1).font = { bold: true };
  }
  return {
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
    rows: rows.length,
    year: filter.year,
    filter,
    memberIds: rows.map((r) => r.member_id).filter((x) => x !== null),
  };
}
