// The grading board as Excel: one row per village (the same filter as the board), names not codes,
// amounts in yuan; a second sheet with the counts by category and grade.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { boardAll } from './assessment-read.repository.ts';
import { type BoardQuery, boardItem, visibleStates } from './assessment-read.service.ts';
import { readAssessmentSettings } from './assessment-settings.service.ts';

const STATE_ZH: Record<string, string> = { draft: '审核中', approved: '已审定', published: '已公布' };
const APPEAL_ZH: Record<string, string> = { open: '待处理', upheld: '申诉成立', rejected: '维持原结果' };

export async function boardWorkbook(db: Db, actor: Actor, query: Omit<BoardQuery, 'page' | 'pageSize'>) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const states = await visibleStates(db, actor);
  const [rows, settings] = await Promise.all([
    boardAll(db, actor, { ...query, basePath: scope.path, states }),
    readAssessmentSettings(db),
  ]);
  const category = new Map(settings.categories.map((c) => [c.code, c.name.zh]));
  const grade = new Map(settings.grades.map((g) => [g.code, g.name.zh]));
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  book.creator = '强基 Qiangji';
  const sheet = book.addWorksheet(`${query.year}年度考核`);
  sheet.columns = [
    { header: '村（社区）', key: 'org', width: 30 },
    { header: '所属镇（街）', key: 'town', width: 18 },
    { header: '村类别', key: 'category', width: 10 },
    { header: '党组织书记', key: 'secretary', width: 10 },
    { header: '总分', key: 'total', width: 8 },
    { header: '类别内排名', key: 'rank', width: 10 },
    { header: '档次', key: 'grade', width: 8 },
    { header: '年度补贴增减（元）', key: 'allowance', width: 16 },
    { header: '镇（街）审核', key: 'reviewed', width: 12 },
    { header: '状态', key: 'state', width: 8 },
    { header: '申诉', key: 'appeal', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  const items = rows.map(boardItem);
  for (const r of items)
    sheet.addRow({
      org: r.org.name,
      town: r.town.name,
      category: category.get(r.category) ?? r.category,
      secretary: r.secretaryName ?? '（空缺）',
      total: r.total,
      rank: `${r.rank}/${r.groupSize}`,
      grade: grade.get(r.grade) ?? r.grade,
      allowance: r.allowanceFen / 100,
      reviewed: r.reviewed ? '已审核' : '未审核',
      state: STATE_ZH[r.roundState] ?? r.roundState,
      appeal: r.appealState ? (APPEAL_ZH[r.appealState] ?? r.appealState) : '',
    });
  const counts = book.addWorksheet('分档统计');
  counts.columns = [
    { header: '村类别', key: 'category', width: 12 },
    ...settings.grades.map((g) => ({ header: g.name.zh, key: g.code, width: 8 })),
    { header: '合计', key: 'n', width: 8 },
  ];
  counts.getRow(1).font = { bold: true };
  for (const c of settings.categories) {
    const mine = items.filter((r) => r.category === c.code);
    if (mine.length === 0) continue;
    counts.addRow({
      category: c.name.zh,
      ...Object.fromEntries(
        settings.grades.map((g) => [g.code, mine.filter((r) => r.grade === g.code).length]),
      ),
      n: mine.length,
    });
  }
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: items.length, scope };
}
