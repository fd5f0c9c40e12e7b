import * as names from '../../../contract/people-names.ts';
import type { Exactly } from '../../../contract/zh-en.ts';
import type { Actor } from '../platform/access/actor.ts';
import { inScopeOrThrow } from '../platform/access/in-scope.ts';
import { verifyMember, verifyOrg } from '../platform/access/scope.ts';
import { decryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import type { MemberTable } from '../platform/db/schema.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { decodeCursor, nextCursor } from '../platform/http/cursor.ts';
import {
  countMembers,
  estimateMembers,
  listMembers,
  type MemberFilter,
  subtreeCounts,
} from './member.repository.ts';

export const EXPORT_LIMIT = 50_000;

type Row = Awaited<ReturnType<typeof listMembers>>[number];
const toItem = (r: Row) => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  birthDate: r.birth_date,
  idNumberMasked: r.id_number_masked,
  phoneMasked: r.phone_masked,
  status: r.status,
  joinedOn: r.joined_on,
  orgId: r.org_id,
  orgName: r.org_name,
  education: r.education,
  occupation: r.occupation,
});

/** Counts stop here (a name search); past it the answer is the planner's estimate. */
export const MEMBER_COUNT_CAP = 1_000;

export async function memberPage(
  db: Db,
  actor: Actor,
  orgId: number,
  filter: Omit<MemberFilter, 'orgPath'>,
  page: number,
  pageSize: number,
  cursor?: string,
) {
  const org = await verifyOrg(db, actor, orgId);
  const f = { ...filter, orgPath: org.path, countyCode: org.county_code };
  const order = `${filter.sort}:${filter.order}`;
  const keyset = cursor ? decodeCursor(cursor, order, [filter.sort === 'name' ? 'text' : 'date']) : undefined;
  const after = keyset ? { key: keyset.keys[0] ?? '', id: keyset.id } : undefined;
  const [rows, counted] = await Promise.all([
    listMembers(db, actor, f, pageSize + 1, after ? 0 : (page - 1) * pageSize, after),
    // a page reached by cursor carries no count: the first page told it
    after ? Promise.resolve(null) : countOf(db, actor, f, org),
  ]);
  const items = await inScopeOrThrow(db, actor, 'member', rows.slice(0, pageSize), (r) => r.org_path);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    ...(counted ?? {}),
    page: after ? null : page,
    pageSize,
    nextCursor: nextCursor(rows.length, pageSize, order, last && { key: last.sort_key, id: last.id }),
  };
}

/**
 * The number of members listed: the org's stored subtree total unfiltered, the per-org counts by
 * status (exact, never a scan); a name search counts up to MEMBER_COUNT_CAP, then estimates.
 */
async function countOf(db: Db, actor: Actor, f: MemberFilter, org: { path: string; member_count: number }) {
  if (!f.q?.trim()) {
    if (!f.status) return { total: org.member_count, count: org.member_count, countExact: true };
    const c = await subtreeCounts(db, actor, org.path);
    const n = f.status === 'full' ? c.fullMembers : c.members - c.fullMembers;
    return { total: n, count: n, countExact: true };
  }
  const n = await countMembers(db, actor, f, MEMBER_COUNT_CAP);
  if (n <= MEMBER_COUNT_CAP) return { total: n, count: n, countExact: true };
  const estimate = Math.max(MEMBER_COUNT_CAP + 1, await estimateMembers(db, actor, f));
  return { total: estimate, count: estimate, countExact: false };
}

export async function revealField(db: Db, actor: Actor, memberId: number, field: 'idNumber' | 'phone') {
  const member = await verifyMember(db, actor, memberId, 'member:read_pii');
  return decryptPii(field === 'idNumber' ? member.id_number_enc : member.phone_enc);
}

const GENDER: Exactly<MemberTable['gender'], typeof names.GENDER_NAMES> = names.GENDER_NAMES;
const STATUS: Exactly<MemberTable['status'], typeof names.MEMBER_STATUS_NAMES> = names.MEMBER_STATUS_NAMES;

export async function exportMembers(
  db: Db,
  actor: Actor,
  orgId: number,
  filter: Omit<MemberFilter, 'orgPath'>,
): Promise<{ buffer: Buffer; rows: number; orgName: string }> {
  const org = await verifyOrg(db, actor, orgId);
  const rows = await listMembers(db, actor, { ...filter, orgPath: org.path }, EXPORT_LIMIT, 0);
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员名册');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '出生日期', key: 'birthDate', width: 12 },
    { header: '身份证号（脱敏）', key: 'idNumberMasked', width: 22 },
    { header: '手机号（脱敏）', key: 'phoneMasked', width: 14 },
    { header: '党员类别', key: 'status', width: 10 },
    { header: '入党日期', key: 'joinedOn', width: 12 },
    { header: '学历', key: 'education', width: 10 },
    { header: '所在党组织', key: 'orgName', width: 36 },
  ];
  for (const r of rows) {
    sheet.addRow({ ...toItem(r), gender: GENDER[r.gender].zh, status: STATUS[r.status].zh });
  }
  sheet.getRow(1).font = { bold: true };
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length, orgName: org.name };
}
