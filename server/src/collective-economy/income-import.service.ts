// Import of collective incomes from the Excel template (follows the member import): one row per
// village and year, every bad row reported with its line, field and reason; the user keeps the good
// rows or writes nothing. A row replaces that village-year's figures (the audit keeps the ones before).
import { villagesUnder } from '../assessment/village.repository.ts';
import { cellText } from '../members/import/member-row.ts';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest } from '../platform/errors/errors.ts';
import { loadExcel } from '../platform/files/excel.ts';
import type { Write } from '../platform/http/route.ts';
import { cellProblems } from '../platform/text/sheet-cells.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { type EconomySettings, yuanToFen } from './domain/economy-rules.ts';
import { saveYears, storedYears, type VillageYearRow } from './income.repository.ts';
import { economyError, incomeProblem, readEconomySettings } from './income.service.ts';

export type ImportMode = 'keep_good' | 'all_or_nothing';
export const MAX_ROWS = 5000;

export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message_zh: string;
  message_en: string;
}

/** The template's columns: [key, header, required]. */
export function columnsOf(s: EconomySettings): [string, string, boolean][] {
  return [
    ['orgCode', '村（社区）代码', true],
    ['orgName', '村（社区）名称', false],
    ['year', '年度', true],
    ...s.sources.map((x): [string, string, boolean] => [`income.${x.code}`, `${x.name.zh}（元）`, false]),
    ['expenses', '经营支出（元）', false],
    ['distributed', '分配给村民（元）', false],
    ['note', '备注', false],
  ];
}

export async function incomeTemplate(db: Db, actor: Actor, year: number) {
  requirePermission(actor, 'assessment:manage');
  const scope = await verifyOrg(db, actor, actor.scopeOrgId);
  const [villages, settings] = await Promise.all([
    villagesUnder(db, actor, scope.path),
    readEconomySettings(db),
  ]);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('村集体收入');
  const cols = columnsOf(settings);
  sheet.columns = cols.map(([key, header, required]) => ({
    key,
    header: required ? `*${header}` : header,
    width: key === 'orgName' ? 28 : key === 'orgCode' ? 16 : 14,
    style: key === 'orgCode' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const v of villages.filter((x) => x.divisionKind === 'village'))
    sheet.addRow({ orgCode: v.code, orgName: v.name, year });
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    `导入范围：${scope.name}所辖村（社区）。已列出各村代码和名称，请按 ${year} 年度决算填写。`,
    '带 * 的列必填；金额以元为单位，最多两位小数，不能为负数，空白按 0 计。',
    `经营性收入：${settings.sources
      .filter((x) => x.operating)
      .map((x) => x.name.zh)
      .join('、')}；不计入经营性收入：${settings.sources
      .filter((x) => !x.operating)
      .map((x) => x.name.zh)
      .join('、')}。`,
    '分配给村民的金额不能超过当年净收入（总收入减经营支出）。',
    '同一村同一年度只能出现一次；导入后替换该村该年度已有的数据（原数据留在审计日志中）。',
    '导入时可选择“只保留正确的行”或“有错误则全部不导入”；每个错误都会列出行号和原因。',
  ])
    help.addRow([line]);
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), scope };
}

async function readRows(buffer: Buffer, cols: [string, string, boolean][]) {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badRequest(
      'NOT_AN_EXCEL_FILE',
      '文件不是 Excel（.xlsx）格式，请使用导入模板。',
      'The file is not an Excel (.xlsx) workbook: use the template.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest('EMPTY_WORKBOOK', '工作簿中没有工作表。', 'The workbook has no sheet.');
  const colOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/[*＊\s]/g, '');
    const found = cols.find(([, h]) => h.replace(/\s/g, '') === text);
    if (found) colOf.set(found[0], col);
  });
  const missing = cols.filter(([k, , required]) => required && !colOf.has(k)).map(([, h]) => h);
  if (missing.length)
    throw badRequest(
      'TEMPLATE_COLUMNS_MISSING',
      `表头缺少列：${missing.join('、')}。请下载并使用导入模板。`,
      `The header row lacks columns: ${missing.join(', ')}. Use the template.`,
      { missing },
    );
  const rows: { line: number; raw: Record<string, string> }[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const raw = Object.fromEntries(
      cols.map(([k]) => [k, colOf.has(k) ? cellText(row.getCell(colOf.get(k) as number).value) : '']),
    );
    const figures = Object.entries(raw).filter(([k]) => k !== 'orgCode' && k !== 'orgName' && k !== 'year');
    // a template row listed but left empty is not an entry
    if (figures.every(([, v]) => v === '')) return;
    rows.push({ line, raw });
  });
  if (rows.length > MAX_ROWS)
    throw badRequest(
      'TOO_MANY_ROWS',
      `一次最多导入 ${MAX_ROWS} 行，本文件有 ${rows.length} 行。`,
      `At most ${MAX_ROWS} rows per import.`,
    );
  return rows;
}

export async function importIncomes(db: Db, write: Write, actor: Actor, buffer: Buffer, mode: ImportMode) {
  requirePermission(actor, 'assessment:manage');
  const scope = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(scope.level)) throw economyError.level();
  const settings = await readEconomySettings(db);
  const cols = columnsOf(settings);
  const rows = await readRows(buffer, cols);
  const villages = new Map((await villagesUnder(db, actor, scope.path)).map((v) => [v.code, v]));
  const header = new Map(cols.map(([k, h]) => [k, h]));
  const problems: RowProblem[] = [];
  const good: VillageYearRow[] = [];
  const seen = new Map<string, number>();
  const today = shanghaiToday();
  for (const { line, raw } of rows) {
    const bad = (field: string, code: string, zh: string, en: string) =>
      problems.push({
        row: line,
        field,
        code,
        message_zh: `第 ${line} 行「${header.get(field) ?? field}」：${zh}`,
        message_en: `Row ${line}, ${field}: ${en}`,
      });
    const cells = cellProblems(raw, line, (f) => header.get(f) ?? f);
    if (cells.length > 0) {
      problems.push(...cells);
      continue;
    }
    const before = problems.length;
    const village = villages.get(raw.orgCode ?? '');
    if (!raw.orgCode) bad('orgCode', 'REQUIRED', '必填。', 'required.');
    else if (!village)
      bad(
        'orgCode',
        'ORG_NOT_IN_SCOPE',
        `${raw.orgCode} 不是${scope.name}所辖的村（社区）。`,
        `${raw.orgCode} is not a village under ${scope.name}.`,
      );
    else if (raw.orgName && raw.orgName !== village.name)
      bad(
        'orgName',
        'ORG_NAME_MISMATCH',
        `代码 ${raw.orgCode} 是「${village.name}」，与填写的名称不符。`,
        `code ${raw.orgCode} is ${village.name}.`,
      );
    const year = Number(raw.year);
    if (!/^\d{4}$/.test(raw.year ?? '') || year < 2000)
      bad('year', 'YEAR_INVALID', `“${raw.year}”不是年度（如 ${today.slice(0, 4)}）。`, `not a year.`);
    const fen = (key: string) => {
      const v = yuanToFen(raw[key] ?? '');
      if (v === null)
        bad(key, 'AMOUNT_INVALID', `“${raw[key]}”不是金额（元，最多两位小数，不为负）。`, `not an amount.`);
      return v ?? 0;
    };
    const incomes = Object.fromEntries(
      settings.sources.map((x) => [x.code, fen(`income.${x.code}`)]).filter(([, v]) => (v as number) > 0),
    );
    const expensesFen = fen('expenses');
    const distributedFen = fen('distributed');
    if (problems.length > before || !village) continue;
    const key = `${village.id}:${year}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      bad(
        'orgCode',
        'DUPLICATE_IN_FILE',
        `与第 ${earlier} 行是同一村同一年度。`,
        `same village and year as row ${earlier}.`,
      );
      continue;
    }
    seen.set(key, line);
    const problem = incomeProblem({ year, incomes, expensesFen, distributedFen }, settings, today);
    if (problem) {
      const field = (problem.details as { field?: string } | undefined)?.field ?? 'year';
      problems.push({
        row: line,
        field,
        code: problem.code,
        message_zh: `第 ${line} 行：${problem.messageZh}`,
        message_en: `Row ${line}: ${problem.messageEn}`,
      });
      continue;
    }
    good.push({
      orgId: village.id,
      countyCode: village.countyCode,
      year,
      incomes,
      expensesFen,
      distributedFen,
      note: raw.note ?? '',
    });
  }
  problems.sort((a, b) => a.row - b.row);
  const rejected = new Set(problems.map((p) => p.row)).size;
  const result = (written: boolean, imported: number) => ({
    total: rows.length,
    imported,
    rejected,
    problems,
    written,
  });
  if ((mode === 'all_or_nothing' && problems.length > 0) || good.length === 0) return result(false, 0);
  await write(async (trx, audit) => {
    const before = await storedYears(
      trx,
      good.map((g) => ({ orgId: g.orgId, year: g.year })),
    );
    await saveYears(trx, good, actor.accountId);
    await audit({
      action: 'collective_economy.import',
      targetType: 'org',
      targetId: scope.id,
      countyCode: scope.county_code,
      before: before.filter((b) => Object.keys(b.incomes).length > 0 || b.account),
      after: {
        mode,
        imported: good.length,
        rejected,
        rows: good.map((g) => ({ orgId: g.orgId, year: g.year, incomes: g.incomes })),
      },
    });
  });
  return result(true, good.length);
}
