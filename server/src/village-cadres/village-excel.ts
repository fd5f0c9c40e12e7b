// Excel exports of the village capabilities: one sheet with a bold frozen header (exceljs, loaded on
// first use through platform/files), and the reply headers that name the file in Chinese.
import type { FastifyReply } from 'fastify';
import { loadExcel } from '../platform/files/excel.ts';

export interface SheetColumn<R> {
  header: string;
  key: keyof R & string;
  width: number;
}

export async function workbook<R extends object>(
  sheetName: string,
  columns: SheetColumn<R>[],
  rows: R[],
): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns;
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, buffer: Buffer, asciiName: string, zhName: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`,
    )
    .send(buffer);
}

export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '' : (fen / 100).toFixed(2);
