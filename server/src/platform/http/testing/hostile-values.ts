// The hostile values the generated input test (hostile-input.db.test.ts) sends to every parameter of
// every route, and which of them the schema must refuse. A value travels as text in a url, and as JSON
// (or raw bytes, for what JSON cannot say: 1e309, invalid UTF-8) in a body.
import type { JsonSchema } from './route-requests.ts';

export type Where = 'path' | 'query' | 'body';

export interface Hostile {
  name: string;
  /** for a url: the text, percent-encoded as sent (null: not sent in a url) */
  url: string | null;
  /** for a body: the JSON text of the value (raw, so 1e309 stays 1e309); null: not sent in a body */
  json: string | null;
  /** raw bytes instead of JSON text (invalid UTF-8) */
  bytes?: Buffer;
  /** whether the schema must refuse the value here (4xx); otherwise only: never 5xx, and a failure writes nothing */
  refused(schema: JsonSchema, where: Where): boolean;
}

const types = (s: JsonSchema): Set<string> =>
  new Set(s.anyOf ? s.anyOf.flatMap((x) => [...types(x)]) : s.type ? [s.type] : []);
const isNumeric = (s: JsonSchema) => types(s).has('integer') || types(s).has('number');
const isString = (s: JsonSchema) => types(s).has('string');
const only = (s: JsonSchema, t: string) => types(s).size === 1 && types(s).has(t);
const hasEnum = (s: JsonSchema): boolean =>
  Boolean(s.enum) || s.const !== undefined || Boolean(s.anyOf?.length && s.anyOf.every((x) => hasEnum(x)));
const dateLike = (s: JsonSchema): boolean =>
  ['date', 'month', 'date-time'].includes(s.format ?? '') || Boolean(s.anyOf?.some((x) => dateLike(x)));
/** every bound of the numeric schema(s) below `limit` (so the value is refused) */
const maxBelow = (s: JsonSchema, v: number): boolean =>
  (s.anyOf ?? [s])
    .filter((x) => x.type === 'integer' || x.type === 'number')
    .every((x) => (x.maximum ?? Infinity) < v);
const minAbove = (s: JsonSchema, v: number): boolean =>
  (s.anyOf ?? [s])
    .filter((x) => x.type === 'integer' || x.type === 'number')
    .every((x) => (x.minimum ?? x.exclusiveMinimum ?? -Infinity) > v);
/** in a body a value of the wrong JSON type is refused (no coercion); in a url everything is text */
const wrongJsonType = (s: JsonSchema, jsonType: string) =>
  !types(s).has(jsonType) && !(jsonType === 'integer' && types(s).has('number'));

export const MEGABYTE_TEXT = 'x'.repeat(1024 * 1024);
/** A url part over the limits (parameter length, header size): 64 KB is enough, 1 MB would be the same refusal. */
const LONG_URL_TEXT = 'x'.repeat(64 * 1024);

export const HOSTILE: Hostile[] = [
  {
    name: 'NUL',
    url: 'a%00b',
    json: '"a\\u0000b"',
    refused: () => true,
  },
  {
    name: 'control character (ESC)',
    url: 'a%1Bb',
    json: '"a\\u001bb"',
    refused: () => true,
  },
  {
    name: 'lone surrogate',
    url: null,
    json: '"a\\ud800b"',
    refused: () => true,
  },
  {
    name: '2^63',
    url: '9223372036854775808',
    json: '9223372036854775808',
    refused: (s, w) =>
      w === 'body'
        ? wrongJsonType(s, 'integer') || maxBelow(s, 2 ** 63)
        : only(s, 'integer') || (isNumeric(s) && !isString(s)),
  },
  {
    name: '-1',
    url: '-1',
    json: '-1',
    refused: (s, w) =>
      w === 'body'
        ? wrongJsonType(s, 'integer') || (isNumeric(s) && minAbove(s, -1))
        : isNumeric(s) && !isString(s) && minAbove(s, -1),
  },
  {
    name: '1e309',
    url: '1e309',
    json: '1e309',
    refused: (s, w) => w === 'body' || (isNumeric(s) && !isString(s)),
  },
  {
    name: '2026-02-30',
    url: '2026-02-30',
    json: '"2026-02-30"',
    refused: (s, w) =>
      dateLike(s) || (w === 'body' && !isString(s)) || (w !== 'body' && isNumeric(s) && !isString(s)),
  },
  {
    name: '2026-13',
    url: '2026-13',
    json: '"2026-13"',
    refused: (s, w) =>
      dateLike(s) || (w === 'body' && !isString(s)) || (w !== 'body' && isNumeric(s) && !isString(s)),
  },
  {
    name: 'invalid UTF-8',
    url: '%FF%FEa',
    json: null,
    bytes: Buffer.from([0x22, 0xff, 0xfe, 0x61, 0x22]),
    refused: () => true,
  },
  {
    name: '1 MB text',
    url: LONG_URL_TEXT,
    json: JSON.stringify(MEGABYTE_TEXT),
    refused: () => true,
  },
  {
    name: 'wrong type (text for a number, a number for text)',
    url: 'abc',
    json: null, // the body's wrong types are chosen per field (wrongTypeJson)
    refused: (s, w) => w !== 'body' && isNumeric(s) && !isString(s),
  },
  {
    name: 'unknown code',
    url: 'zz_unknown',
    json: '"zz_unknown"',
    refused: (s, w) =>
      hasEnum(s) ||
      dateLike(s) ||
      (w === 'body' && !isString(s)) ||
      (w !== 'body' && isNumeric(s) && !isString(s)),
  },
  {
    name: 'SQL meta-characters',
    url: encodeURIComponent("1' OR '1'='1'; DROP TABLE member; --"),
    json: JSON.stringify("1' OR '1'='1'; DROP TABLE member; --"),
    refused: (s, w) =>
      hasEnum(s) ||
      dateLike(s) ||
      (w === 'body' && !isString(s)) ||
      (w !== 'body' && isNumeric(s) && !isString(s)),
  },
  {
    name: 'HTML meta-characters',
    url: encodeURIComponent('<script>alert("x")</script>&amp;'),
    json: JSON.stringify('<script>alert("x")</script>&amp;'),
    refused: (s, w) =>
      hasEnum(s) ||
      dateLike(s) ||
      (w === 'body' && !isString(s)) ||
      (w !== 'body' && isNumeric(s) && !isString(s)),
  },
];

/** JSON values of the wrong type for a body field of this schema (each must be refused). */
export function wrongTypeJson(s: JsonSchema): string[] {
  const t = types(s);
  const out: string[] = [];
  if (!t.has('string')) out.push('"1"');
  if (!t.has('integer') && !t.has('number')) out.push('12345');
  if (!t.has('boolean')) out.push('true');
  if (!t.has('object')) out.push('{"a":1}');
  if (!t.has('array')) out.push('["x"]');
  return out;
}
