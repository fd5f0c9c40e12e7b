// Import of case history from another system (a county's old 12345 platform, a town's spreadsheet):
// finished cases only (closed, evaluated or rejected), each validated, located to its grid and
// written in bulk (case-bulk-writer.ts). Every bad row is reported with its line, field and reason in
// Chinese and English; the caller chooses to keep the good rows or to write nothing if any row is bad.
// Idempotent per (system, externalId): a row imported before is reported, never written twice.

import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type CoordSystem, isInChina, toWgs84 } from '../../platform/geo/coords.ts';
import type { Write } from '../../platform/http/route.ts';
import { type BulkCase, writeCases } from '../case-bulk-writer.ts';
import { caseReference, gridLocator } from '../case-reference.ts';
import { caseNumber } from '../domain/case-no.ts';
import type { CaseChannel } from '../domain/case-tables.ts';
import { externalSystemExists, importedBefore, nextCaseSequence } from './case-import.repository.ts';
import { type HistoryRecord, type RowProblem, validateHistoryRecord } from './history-record.ts';

export type ImportMode = 'keep_good' | 'all_or_nothing';

export interface ImportResult {
  total: number;
  imported: number;
  rejected: number;
  /** Every bad row (1-based line numbers as the user sees them). */
  problems: RowProblem[];
  /** all_or_nothing with a bad row: nothing was written. */
  written: boolean;
  ms: number;
}

const CHANNEL_OF_SYSTEM: Record<string, CaseChannel> = {
  hotline_12345: 'hotline_12345',
  police_110: 'police_110',
  petition: 'petition',
};

/**
 * Validates and writes `records` (raw objects, e.g. parsed JSON lines) as finished cases of the
 * external system `systemCode`, in one transaction with one audit row.
 */
export async function importHistory(
  db: Kysely<DB>,
  write: Write,
  systemCode: string,
  records: readonly unknown[],
  mode: ImportMode,
): Promise<ImportResult> {
  const started = performance.now();
  const ref = await caseReference(db);
  const { index, places } = await gridLocator(db);
  const problems: RowProblem[] = [];
  if (!(await externalSystemExists(db, systemCode))) {
    problems.push({
      row: 0,
      field: 'system',
      code: 'UNKNOWN_SYSTEM',
      message_zh: `对接系统「${systemCode}」不存在。`,
      message_en: `There is no external system '${systemCode}'.`,
    });
    return { total: records.length, imported: 0, rejected: records.length, problems, written: false, ms: 0 };
  }

  const good: { line: number; rec: HistoryRecord }[] = [];
  const seen = new Set<string>();
  records.forEach((raw, i) => {
    const line = i + 1;
    const checked = validateHistoryRecord(raw, line, ref);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return;
    }
    if (seen.has(checked.record.externalId)) {
      problems.push(dupProblem(line, checked.record.externalId, '文件中重复', 'repeated in the file'));
      return;
    }
    seen.add(checked.record.externalId);
    good.push({ line, rec: checked.record });
  });

  // rows imported before (idempotency per system + externalId)
  const before = await importedBefore(
    db,
    systemCode,
    good.map((g) => g.rec.externalId),
  );

  const cases: BulkCase[] = [];
  for (const { line, rec } of good) {
    if (before.has(rec.externalId)) {
      problems.push(dupProblem(line, rec.externalId, '已导入过', 'was imported before'));
      continue;
    }
    const [lng, lat] = toWgs84(rec.lng, rec.lat, rec.coordSystem as CoordSystem);
    const hit = isInChina(rec.lng, rec.lat) ? index.locate(lng, lat) : null;
    const place = hit ? places.get(hit.gridId) : undefined;
    if (!hit || !place) {
      problems.push({
        row: line,
        field: 'lng',
        code: 'NO_GRID',
        message_zh: `第 ${line} 行：无法定位到网格。`,
        message_en: `Row ${line}: the point cannot be located to a grid.`,
      });
      continue;
    }
    const category = ref.categories.get(rec.categoryCode);
    const dept = category?.departmentKind
      ? ref.departmentByKind.get(`${place.countyCode}:${category.departmentKind}`)
      : undefined;
    const reportedAt = new Date(rec.reportedAt);
    const finishedAt = new Date(rec.finishedAt);
    const rejected = rec.state === 'rejected';
    cases.push({
      row: {
        case_no: '',
        channel: CHANNEL_OF_SYSTEM[systemCode] ?? 'external',
        external_system: systemCode,
        external_id: rec.externalId,
        category_code: rec.categoryCode,
        title: rec.title,
        description: rec.description,
        address: rec.address,
        lng,
        lat,
        grid_id: place.id,
        grid_nearest: !hit.exact,
        village_org_id: place.villageOrgId,
        town_org_id: place.townOrgId,
        county_code: place.countyCode,
        state: rec.state,
        urgent: category?.urgent ?? false,
        department_id: rejected ? null : (dept?.id ?? null),
        responded_at: rec.respondedAt ? new Date(rec.respondedAt) : null,
        handled_at: rejected ? null : finishedAt,
        closed_at: finishedAt,
        rejection_reason: rejected ? 'invalid' : null,
        rejection_note: rejected ? (rec.note ?? '历史数据导入') : null,
        evaluation: rec.evaluation ?? null,
        evaluated_at: rec.evaluation ? finishedAt : null,
        created_at: reportedAt,
        updated_at: finishedAt,
        version: 2,
      },
      steps: [
        {
          county_code: place.countyCode,
          action: 'report',
          from_state: null,
          to_state: 'reported',
          actor_id: null,
          actor_role: 'system',
          note: '',
          details: JSON.stringify({ imported: true, line }),
          at: reportedAt,
        },
        {
          county_code: place.countyCode,
          action: rejected ? 'reject' : 'verify_pass',
          from_state: 'reported',
          to_state: rec.state,
          actor_id: null,
          actor_role: 'system',
          note: rec.note ?? '历史数据导入 / imported from history',
          details: JSON.stringify({ imported: true }),
          at: finishedAt,
        },
      ],
      summons: [],
    });
  }

  const rejectedRows = new Set(problems.map((p) => p.row)).size;
  const result = (written: boolean, imported: number): ImportResult => ({
    total: records.length,
    imported,
    rejected: rejectedRows,
    problems,
    written,
    ms: Math.round(performance.now() - started),
  });
  if ((mode === 'all_or_nothing' && problems.length > 0) || cases.length === 0) return result(false, 0);

  await write(async (trx, audit) => {
    const seq = await nextCaseSequence(trx, cases.length);
    cases.forEach((c, i) => {
      c.row.case_no = caseNumber(c.row.created_at as Date, seq[i] as number);
    });
    await writeCases(trx, cases);
    await audit({
      action: 'case.import',
      targetType: 'external_system',
      targetId: systemCode,
      after: { imported: cases.length, rejected: rejectedRows, mode },
    });
  });
  return result(true, cases.length);
}

function dupProblem(line: number, id: string, zh: string, en: string): RowProblem {
  return {
    row: line,
    field: 'externalId',
    code: 'DUPLICATE_EXTERNAL_ID',
    message_zh: `第 ${line} 行：外部编号 ${id} ${zh}。`,
    message_en: `Row ${line}: external id ${id} ${en}.`,
  };
}
