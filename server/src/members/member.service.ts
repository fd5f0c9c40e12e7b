import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { verifyMember, verifyOrg } from '../platform/access/scope.ts';
import { decryptPii } from '../platform/crypto/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { loadExcel } from '../platform/files/excel.ts';
import { countMembers, listMembers, type MemberFilter } from './member.repository.ts';

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

export async function memberPage(
  db: Kysely<DB>,
  actor: Actor,
  orgId: number,
  filter: Omit<MemberFilter, 'orgPath'>,
  page: number,
  pageSize: number,
) {
  const org = await verifyOrg(db, actor, orgId);
  const f = { ...filter, orgPath: org.path, countyCode: org.county_code };
  // unfiltered, the total is the org's subtree member count (kept by every write that moves members)
  const unfiltered = !filter.q?.trim() && !filter.status;
  const [items, total] = await Promise.all([
    listMembers(db, actor, f, pageSize, (page - 1) * pageSize),
    unfiltered ? Promise.resolve(org.member_count) : countMembers(db, actor, f),
  ]);
  return { items: items.map(toItem), total, page, pageSize };
}

export async function revealField(
  db: Kysely<DB>,
  actor: Actor,
  memberId: number,
  field: 'idNumber' | 'phone',
) {
  const member = await verifyMember(db, actor, memberId, 'member:read_pii');
  return decryptPii(field === 'idNumber' ? member.id_number_enc : member.phone_enc);
}

const GENDER_ZH = { male: '男', female: '女' } as const;
const STATUS_ZH = { full: '正式党员', probationary: '预备党员' } as const;

export async function exportMembers(
  db: Kysely<DB>,
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
    sheet.addRow({ ...toItem(r), gender: GENDER_ZH[r.gender], status: STATUS_ZH[r.status] });
  }
  sheet.getRow(1).font = { bold: true };
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length, orgName: org.name };
}
