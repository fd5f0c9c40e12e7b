// Open311 GeoReport v2: the pure part. Formats (json | xml with the spec's element names), w3 datetimes
// in China Standard Time, the mapping of case states to open/closed, the error body, and the scrubbing
// of personal data from texts shown to the public.

import { XMLBuilder } from 'fast-xml-parser';
import { CASE_STATES, type CaseState, FINAL_STATES } from '../cases/domain/case-machine.ts';
import { publicText } from '../platform/access/public-view.ts';
import { isCalendarDate } from '../platform/http/formats.ts';
import { shanghaiDate, shanghaiDateTime } from '../platform/time/calendar.ts';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function isFormat(value: unknown): value is Format {
  return value === 'json' || value === 'xml';
}

/** The format of a request: its suffix, else (unknown suffix) what the Accept header prefers, else XML (the spec's required one). */
export function formatOf(suffix: unknown, accept: string | undefined): Format {
  if (isFormat(suffix)) return suffix;
  return accept && /json/i.test(accept) && !/xml/i.test(accept) ? 'json' : 'xml';
}

/**
 * The XML root of each document and the element name of each array's items (the Spark convention:
 * JSON is the XML with the root dropped and repeated elements as arrays).
 */
export type Document =
  | { root: 'discovery'; body: Record<string, unknown> }
  | { root: 'services'; body: Record<string, unknown>[] }
  | { root: 'service_definition'; body: Record<string, unknown> }
  | { root: 'service_requests'; body: Record<string, unknown>[] }
  | { root: 'errors'; body: Open311Error[] };

const ITEM_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

/** Wraps arrays in their item elements: {values: [a, b]} → {values: {value: [a, b]}}. */
function toXmlTree(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_OF[name];
    if (!item) throw new Error(`no XML item element for '${name}'`);
    return value.length === 0 ? '' : { [item]: value.map((v) => toXmlTree(v, item)) };
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toXmlTree(v, k)]),
    );
  }
  return value === null ? '' : value;
}

export function render(doc: Document, format: Format): string {
  if (format === 'json') return JSON.stringify(doc.body);
  const tree = { [doc.root]: toXmlTree(doc.body, doc.root) };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(tree)}`;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** Open311's error statuses: 404 what does not exist, 403 a wrong or missing api_key, 400 everything else. */
export function open311Status(status: number, code?: string): number {
  if (code?.startsWith('API_KEY_')) return 403;
  if (status === 403 || status === 404 || status === 429 || status === 503) return status;
  if (status >= 500) return 500;
  return 400;
}

export function errorDocument(status: number, descriptions: readonly string[]): Document {
  return { root: 'errors', body: descriptions.map((description) => ({ code: status, description })) };
}

// --- time ---------------------------------------------------------------------------------------

/** A w3 datetime in China Standard Time: 2026-11-24T16:05:09+08:00. */
export function w3(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  return shanghaiDateTime(d);
}

/**
 * Parses a w3 datetime of a query (start_date, end_date). A date or datetime without a zone is read in
 * China Standard Time; null when it is not a datetime.
 */
export function parseW3(text: string): Date | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  // a real calendar day (2026-02-30 is not rolled over into March), whatever the zone
  if (!isCalendarDate(`${y}-${mo}-${d}`)) return null;
  const offset =
    zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // reject 2026-02-30 and the like (Date rolls them over)
  if (zone === undefined && shanghaiDate(date) !== `${y}-${mo}-${d}`) return null;
  return date;
}

// --- states -------------------------------------------------------------------------------------

export type Open311Status = 'open' | 'closed';

/** closed: rejected (不予立案), closed after verification (已结案) or evaluated (已评价); every other state is open. */
export function statusOf(state: CaseState): Open311Status {
  return FINAL_STATES.includes(state) ? 'closed' : 'open';
}

/** The states behind each Open311 status, for queries. */
export function statesOf(status: Open311Status): readonly CaseState[] {
  return status === 'closed' ? FINAL_STATES : CASE_STATES.filter((s) => !FINAL_STATES.includes(s));
}

// --- personal data ------------------------------------------------------------------------------

/** Free texts shown to the public are scrubbed by the one public rule (platform/access/public-view.ts). */
export const scrub = publicText;

/** 白沙社区居民委员会 → 白沙社区, 龙溪村民委员会 → 龙溪村: how addresses name a village. */
export function shortVillageName(name: string): string {
  if (/(居民委员会|居委会)$/.test(name)) return name.replace(/(居民委员会|居委会)$/, '');
  const stem = name.replace(/(村民委员会|村委会)$/, '');
  return stem !== name && !stem.endsWith('村') ? `${stem}村` : stem;
}

/** A reporter's name from Open311's first_name / last_name: 张三 (family name first) or "John Smith". */
export function reporterName(first?: string, last?: string): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return undefined;
  const cjk = /[\u3400-\u9fff]/;
  if (cjk.test(f) || cjk.test(l)) return `${l}${f}`.slice(0, 50);
  return [f, l].filter(Boolean).join(' ').slice(0, 50);
}

/** A case title from an Open311 request (which has none): the description's first line, or the service name. */
export function titleOf(description: string | undefined, serviceName: string): string {
  const line =
    (description ?? '')
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? '';
  if (!line) return serviceName;
  const chars = Array.from(line);
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : line;
}

/**
 * The attributes of a POST: `attribute[code]=v` and `attribute[code][]=v` keys of a form body, or an
 * `attribute` object of a JSON body. Values are strings or lists of strings.
 */
export function attributesOf(body: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value])
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(String);
    out.set(code, [...(out.get(code) ?? []), ...values]);
  };
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (m?.[1]) add(m[1], value);
  }
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, value] of Object.entries(nested)) add(code, value);
  }
  return out;
}
