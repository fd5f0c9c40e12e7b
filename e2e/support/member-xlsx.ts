// Writes an .xlsx with the member import header and the rows given as JSON (argv[2]) and prints it
// in base64. Run as a child process: exceljs (CommonJS) does not load under Playwright's loader.
import ExcelJS from 'exceljs';

const rows = JSON.parse(process.argv[2] ?? '[]') as (string | null)[][];
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('党员名册');
sheet.addRow([
  '*姓名',
  '*公民身份号码',
  '*民族',
  '*手机号码',
  '*学历',
  '*人员类别',
  '*党员类别',
  '*入党日期',
  '转正日期',
  '所在党组织编码',
]);
for (const r of rows) sheet.addRow(r);
process.stdout.write(Buffer.from(await book.xlsx.writeBuffer()).toString('base64'));
