// Import of the member register from the Excel template: every row validated (member-row.ts), the
// same person never twice (in the file or already in the register, by the keyed hash of the ID
// number), each row placed in an org inside the importing org's subtree; the user chooses to keep the
// good rows or to write nothing when any row is bad. Personal data is encrypted and masked as
// everywhere; org subtree totals are kept right; one audit row lists the members created.

import type { Actor } from '../../platform/access/actor.ts';
import { registeredAnywhere } from '../../platform/access/exceptions.ts';
import { verifyOrg } from '../../platform/access/scope.ts';
import { encryptPii, piiHash } from '../../platform/crypto/crypto.ts';
import type { Db } from '../../platform/db/handle.ts';
import type { NewMember } from '../../platform/db/schema.ts';
import { badRequest } from '../../platform/errors/errors.ts';
import { loadExcel } from '../../platform/files/excel.ts';
import type { Write } from '../../platform/http/route.ts';
import { maskIdNumber, maskPhone } from '../../platform/masking/masking.ts';
import { nameInitials } from '../../platform/text/pinyin.ts';
import { cellProblems } from '../../platform/text/sheet-cells.ts';
import { shanghaiToday } from '../../platform/time/calendar.ts';
import * as repo from './member-import.repository.ts';
import {
  cellText,
  MEMBER_COLUMNS,
  type MemberColumn,
  type RowProblem,
  validateMemberRow,
} from './member-row.ts';

export type MemberImportMode = 'keep_good' | 'all_or_nothing';
export const MAX_IMPORT_ROWS = 20_000;

export interface MemberImportResult {
  total: number;
  imported: number;
  rejected: number;
  problems: RowProblem[];
  written: boolean;
}

/** Reads the first sheet: the header row names the columns (any order), then one member per row. */
export async function readMemberSheet(
  buffer: Buffer,
): Promise<{ line: number; raw: Record<MemberColumn, string> }[]> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badRequest(
      'NOT_AN_EXCEL_FILE',
      '文件不是 Excel（.xlsx）格式，请使用导入模板。',
      'The file is not an Excel (.xlsx) workbook: use the import template.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest('EMPTY_WORKBOOK', '工作簿中没有工作表。', 'The workbook has no sheet.');
  const header = sheet.getRow(1);
  const colOf = new Map<MemberColumn, number>();
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/[*＊\s]/g, '');
    const found = MEMBER_COLUMNS.find(([, h]) => h === text);
    if (found) colOf.set(found[0], col);
  });
  const missing = MEMBER_COLUMNS.filter(([k, , required]) => required && !colOf.has(k)).map(([, h]) => h);
  if (missing.length > 0) {
    throw badRequest(
      'TEMPLATE_COLUMNS_MISSING',
      `表头缺少列：${missing.join('、')}。请下载并使用导入模板。`,
      `The header row lacks columns: ${missing.join(', ')}. Download and use the import template.`,
      { missing },
    );
  }
  const rows: { line: number; raw: Record<MemberColumn, string> }[] = [];
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const raw = Object.fromEntries(
      MEMBER_COLUMNS.map(([k]) => [
        k,
        colOf.has(k) ? cellText(row.getCell(colOf.get(k) as number).value) : '',
      ]),
    ) as Record<MemberColumn, string>;
    if (Object.values(raw).every((v) => v === '')) return;
    rows.push({ line, raw });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw badRequest(
      'TOO_MANY_ROWS',
      `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件有 ${rows.length} 行，请分批导入。`,
      `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${rows.length}: split it.`,
    );
  }
  return rows;
}

export async function importMembers(
  db: Db,
  write: Write,
  actor: Actor,
  orgId: number,
  buffer: Buffer,
  mode: MemberImportMode,
): Promise<MemberImportResult> {
  const target = await verifyOrg(db, actor, orgId);
  const rows = await readMemberSheet(buffer);
  const today = shanghaiToday();
  // the orgs a row may name: the importing org's subtree, by code
  const orgs = await repo.orgsUnder(db, target.path);
  const orgByCode = new Map(orgs.map((o) => [o.code, o]));

  const problems: RowProblem[] = [];
  const good: { line: number; member: NewMember; hash: string }[] = [];
  const seen = new Map<string, number>();
  const headerOf = new Map<string, string>(MEMBER_COLUMNS.map(([k, h]) => [k, h]));
  for (const { line, raw } of rows) {
    const cells = cellProblems(raw, line, (f) => headerOf.get(f) ?? f);
    if (cells.length > 0) {
      problems.push(...cells);
      continue;
    }
    const checked = validateMemberRow(raw, line, today);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const m = checked.member;
    const org = m.orgCode ? orgByCode.get(m.orgCode) : orgByCode.get(target.code);
    if (!org) {
      problems.push({
        row: line,
        field: 'orgCode',
        code: 'ORG_NOT_IN_SCOPE',
        message_zh: `第 ${line} 行「所在党组织编码」：${m.orgCode} 不是「${target.name}」或其下级党组织。`,
        message_en: `Row ${line}, orgCode: ${m.orgCode} is not ${target.name} or an org below it.`,
      });
      continue;
    }
    const hash = await piiHash(m.idNumber);
    const earlier = seen.get(hash);
    if (earlier !== undefined) {
      problems.push({
        row: line,
        field: 'idNumber',
        code: 'DUPLICATE_IN_FILE',
        message_zh: `第 ${line} 行「公民身份号码」：与第 ${earlier} 行是同一人。`,
        message_en: `Row ${line}, idNumber: the same person as row ${earlier}.`,
      });
      continue;
    }
    seen.set(hash, line);
    good.push({
      line,
      hash,
      member: {
        org_id: org.id,
        name: m.name,
        pinyin_initials: nameInitials(m.name),
        gender: m.gender,
        ethnicity: m.ethnicity,
        birth_date: m.birthDate,
        id_number_enc: encryptPii(m.idNumber),
        id_number_hash: hash,
        id_number_masked: maskIdNumber(m.idNumber),
        phone_enc: encryptPii(m.phone),
        phone_masked: maskPhone(m.phone),
        education: m.education,
        occupation: m.occupation,
        status: m.status,
        joined_on: m.joinedOn,
        converted_on: m.convertedOn,
        county_code: org.county_code,
      },
    });
  }

  // the same person already in the register (anywhere: a person is a member of one org only)
  const hashes = good.map((g) => g.hash);
  const existing = new Map<string, string | null>();
  for (let i = 0; i < hashes.length; i += 5000) {
    const found = await registeredAnywhere(db, actor, hashes.slice(i, i + 5000));
    for (const [hash, f] of found) existing.set(hash, f.orgName);
  }
  const toWrite = good.filter((g) => {
    const where = existing.get(g.hash);
    if (where === undefined) return true;
    problems.push({
      row: g.line,
      field: 'idNumber',
      code: 'ALREADY_A_MEMBER',
      message_zh: `第 ${g.line} 行「公民身份号码」：此人已在党员名册中（${where ?? '另一党组织'}），如需调整请办理组织关系转接。`,
      message_en: `Row ${g.line}, idNumber: this person is already in the register (${where ?? 'another organization'}); use a transfer instead.`,
    });
    return false;
  });
  problems.sort((a, b) => a.row - b.row);
  const rejected = new Set(problems.map((p) => p.row)).size;
  const result = (written: boolean, imported: number): MemberImportResult => ({
    total: rows.length,
    imported,
    rejected,
    problems,
    written,
  });
  if ((mode === 'all_or_nothing' && problems.length > 0) || toWrite.length === 0) return result(false, 0);

  await write(async (trx, audit) => {
    const ids = await repo.insertMembers(
      trx,
      toWrite.map((g) => g.member),
    );
    // each new member's first membership period
    await repo.openMembershipPeriods(trx, ids);
    // subtree totals: every ancestor of each receiving org gains its new members
    const perOrg = new Map<number, number>();
    for (const g of toWrite) perOrg.set(g.member.org_id, (perOrg.get(g.member.org_id) ?? 0) + 1);
    for (const [id, n] of perOrg) await repo.addMembersToSubtree(trx, id, n);
    await audit({
      action: 'member.import',
      targetType: 'org',
      targetId: target.id,
      after: { mode, imported: toWrite.length, rejected, memberIds: ids },
      countyCode: target.county_code,
    });
  });
  return result(true, toWrite.length);
}
