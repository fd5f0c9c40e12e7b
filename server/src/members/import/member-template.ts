// The Excel template of the member import: the columns with their rules, lists to pick from, an
// example row, and a sheet of instructions. ID numbers and dates are text cells, so Excel never turns
// an 18-digit number into 4.40704E+17.
import { loadExcel } from '../../platform/files/excel.ts';
import { EDUCATIONS, MEMBER_COLUMNS, OCCUPATIONS } from './member-row.ts';

export async function memberTemplate(orgCode: string, orgName: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员名册');
  sheet.columns = MEMBER_COLUMNS.map(([key, header, required]) => ({
    key,
    header: required ? `*${header}` : header,
    width: key === 'idNumber' ? 22 : key === 'orgCode' ? 18 : 14,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '（示例）陈明',
    idNumber: '440704199001011234',
    ethnicity: '汉族',
    phone: '13800138000',
    education: '大学本科',
    occupation: '在岗职工',
    status: '正式党员',
    joinedOn: '2015-07-01',
    convertedOn: '2016-07-01',
    orgCode,
  });
  const lists: Record<string, string[]> = {
    education: Object.keys(EDUCATIONS),
    occupation: Object.keys(OCCUPATIONS),
    status: ['正式党员', '预备党员'],
  };
  MEMBER_COLUMNS.forEach(([key], i) => {
    const values = lists[key];
    if (!values) return;
    const letter = String.fromCharCode(65 + i);
    for (let r = 2; r <= 2001; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
      };
    }
  });
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    `导入到：${orgName}（编码 ${orgCode}）及其下级党组织。`,
    '带 * 的列必填；请删除示例行后再导入。',
    '公民身份号码：18 位，校验位须正确；性别和出生日期从号码中读取。',
    '日期格式：2020-07-01。入党时须年满 18 周岁；正式党员须填转正日期（入党满 1 年后）。',
    '所在党组织编码：空白表示导入到本组织；填写时须为本组织或其下级组织的编码。',
    '同一人不能重复导入；已在名册中的党员请办理组织关系转接。',
    '导入时可选择“只保留正确的行”或“有错误则全部不导入”；每个错误都会列出行号和原因。',
  ])
    help.addRow([line]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
