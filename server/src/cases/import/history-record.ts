// One record of case history to import, and its validation: every problem of a row, each with the
// field, a stable code and a message in Chinese and English that names the row.
import type { CaseReference } from '../case-reference.ts';

export interface HistoryRecord {
  externalId: string;
  categoryCode: string;
  title: string;
  description: string;
  address: string;
  lng: number;
  lat: number;
  coordSystem: 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
  reportedAt: string;
  respondedAt: string | null;
  finishedAt: string;
  /** Only finished cases are imported: their clocks have stopped. */
  state: 'closed' | 'evaluated' | 'rejected';
  evaluation: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  note: string | null;
}

export interface RowProblem {
  /** 1-based line (0: the whole file). */
  row: number;
  field: string;
  code: string;
  message_zh: string;
  message_en: string;
}

const STATES = ['closed', 'evaluated', 'rejected'] as const;
const EVALUATIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
const COORDS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
const FIELD_ZH: Record<string, string> = {
  externalId: '外部编号',
  categoryCode: '类别',
  title: '标题',
  lng: '经度',
  lat: '纬度',
  reportedAt: '上报时间',
  finishedAt: '办结时间',
  respondedAt: '响应时间',
  state: '状态',
  evaluation: '评价',
  coordSystem: '坐标系',
};

type Checked = { ok: true; record: HistoryRecord } | { ok: false; problems: RowProblem[] };

export function validateHistoryRecord(raw: unknown, row: number, ref: CaseReference): Checked {
  const problems: RowProblem[] = [];
  const bad = (field: string, code: string, zh: string, en: string) =>
    problems.push({
      row,
      field,
      code,
      message_zh: `第 ${row} 行「${FIELD_ZH[field] ?? field}」：${zh}`,
      message_en: `Row ${row}, ${field}: ${en}`,
    });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    bad(
      'row',
      'NOT_AN_OBJECT',
      '不是一条记录（应为 JSON 对象）。',
      'not a record (a JSON object is expected).',
    );
    return { ok: false, problems };
  }
  const r = raw as Record<string, unknown>;
  const text = (field: string, max: number, required: boolean): string => {
    const v = r[field];
    if (v === undefined || v === null || v === '') {
      if (required) bad(field, 'REQUIRED', '必填。', 'required.');
      return '';
    }
    if (typeof v !== 'string') {
      bad(field, 'NOT_TEXT', '应为文本。', 'must be text.');
      return '';
    }
    if (v.trim().length > max) bad(field, 'TOO_LONG', `超过 ${max} 个字。`, `longer than ${max} characters.`);
    return v.trim();
  };
  const num = (field: string, min: number, max: number): number => {
    const v = typeof r[field] === 'string' ? Number(r[field]) : r[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      bad(
        field,
        'OUT_OF_RANGE',
        `应为 ${min} 到 ${max} 之间的数。`,
        `must be a number from ${min} to ${max}.`,
      );
      return Number.NaN;
    }
    return v;
  };
  const time = (field: string, required: boolean): string | null => {
    const v = r[field];
    if (v === undefined || v === null || v === '') {
      if (required) bad(field, 'REQUIRED', '必填。', 'required.');
      return null;
    }
    const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
    if (!Number.isFinite(t)) {
      bad(field, 'BAD_TIME', '不是有效的时间（ISO 8601）。', 'not a valid time (ISO 8601).');
      return null;
    }
    if (t > Date.now()) bad(field, 'IN_FUTURE', '晚于现在。', 'is in the future.');
    return new Date(t).toISOString();
  };
  const oneOf = <T extends string>(field: string, values: readonly T[], fallback: T | null): T | null => {
    const v = r[field];
    if (v === undefined || v === null || v === '') {
      if (fallback === null && field === 'state') bad(field, 'REQUIRED', '必填。', 'required.');
      return fallback;
    }
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      bad(field, 'NOT_ALLOWED', `应为 ${values.join('、')} 之一。`, `must be one of ${values.join(', ')}.`);
      return fallback;
    }
    return v as T;
  };

  const externalId = text('externalId', 64, true);
  const categoryCode = text('categoryCode', 16, true);
  if (categoryCode) {
    const c = ref.categories.get(categoryCode);
    if (!c || c.parentCode === null)
      bad(
        'categoryCode',
        'UNKNOWN_CATEGORY',
        `类别「${categoryCode}」不存在或不是小类。`,
        `unknown sub-category '${categoryCode}'.`,
      );
  }
  const title = text('title', 100, true);
  const description = text('description', 2000, false);
  const address = text('address', 200, false);
  const lng = num('lng', 73, 136);
  const lat = num('lat', 3, 54);
  const coordSystem = oneOf('coordSystem', COORDS, 'wgs84') ?? 'wgs84';
  const reportedAt = time('reportedAt', true);
  const respondedAt = time('respondedAt', false);
  const finishedAt = time('finishedAt', true);
  if (reportedAt && finishedAt && finishedAt < reportedAt)
    bad('finishedAt', 'BEFORE_REPORTED', '早于上报时间。', 'is before the time reported.');
  const state = oneOf('state', STATES, null);
  const evaluation = oneOf('evaluation', EVALUATIONS, null);
  if (evaluation && state !== 'evaluated')
    bad(
      'evaluation',
      'NOT_EVALUATED',
      '只有“已评价”的案件可带评价。',
      "only cases in state 'evaluated' carry one.",
    );
  if (state === 'evaluated' && !evaluation)
    bad('evaluation', 'REQUIRED', '“已评价”的案件须带评价。', "required for state 'evaluated'.");
  const note = text('note', 500, false) || null;

  if (problems.length > 0 || !state || !reportedAt || !finishedAt) return { ok: false, problems };
  return {
    ok: true,
    record: {
      externalId,
      categoryCode,
      title,
      description,
      address,
      lng,
      lat,
      coordSystem,
      reportedAt,
      respondedAt,
      finishedAt,
      state,
      evaluation,
      note,
    },
  };
}
