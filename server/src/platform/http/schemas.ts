// Schema types every route uses for its params, query and body (TypeBox → validation, OpenAPI and the
// handler's types). Each one closes a class of bad input at the door, so no value a schema accepts can
// fail later in PostgreSQL or in JavaScript (a NUL byte, an id beyond bigint, 1e309, 2026-02-30 …):
//  - ids: integers 1 … 2^53−1 (inside bigint's 1 … 2^63−1, and exact as JS numbers);
//  - every number bounded; NaN and ±Infinity rejected (Ajv strictNumbers, validation.ts);
//  - dates, months and instants are real calendar values, in query strings too (formats.ts);
//  - text is valid Unicode without control characters (tab and newlines only in MultilineText);
//    invalid UTF-8 never gets this far (the body and query parsers answer 400, validation.ts);
//  - bodies are not coerced: a number is not text, a string is not a number (validation.ts).
// A test walks every route's schemas and fails on a string without a length limit and a format,
// pattern or enum, or a number without bounds (schema-rules.test.ts).
import { type SchemaOptions, type TSchema, Type } from '@sinclair/typebox';

/** The largest id a request may carry: exact in JavaScript and inside PostgreSQL's bigint. */
export const ID_MAX = Number.MAX_SAFE_INTEGER;

const describe = (description: string | undefined): SchemaOptions =>
  description === undefined ? {} : { description };

/** A record id (bigint column): 1 … 2^53−1. */
export const Id = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: ID_MAX, ...describe(description) });

/** A list of record ids. */
export const IdList = (maxItems: number, description?: string) =>
  Type.Array(Id(), { maxItems, ...describe(description) });

export const IdParams = Type.Object({ id: Id('记录编号 / record id') });

/** A bounded integer (counts, amounts in fen, years, hours …). */
export const Int = (minimum: number, maximum: number, options: SchemaOptions = {}) =>
  Type.Integer({ minimum, maximum, ...options });

/** A bounded finite number. */
export const Num = (minimum: number, maximum: number, options: SchemaOptions = {}) =>
  Type.Number({ minimum, maximum, ...options });

/** Amounts of money in fen (分): 0 … 10^10 fen (100 million yuan). */
export const Fen = (description = '金额（分）/ amount in fen') => Int(0, 10_000_000_000, { description });

export const PAGE_MAX = 1_000_000;
export const PageSize = (maximum = 200, fallback = 20) =>
  Type.Integer({ minimum: 1, maximum, default: fallback, description: '每页条数 / items per page' });
export const Paging = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1, description: '页码 / page' }),
  ),
  pageSize: Type.Optional(PageSize()),
};

export const Year = (description = '年度 / year') => Int(2000, 2100, { description });

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not), years 1900–2100. */
export const DateOnly = (description = '日期 / date') =>
  Type.String({ format: 'date', description: `${description} (YYYY-MM-DD)` });

/** A month YYYY-MM, 01–12, years 1900–2100. */
export const Month = (description = '月份 / month') =>
  Type.String({ format: 'month', description: `${description} (YYYY-MM)` });

/** An instant: RFC 3339 date-time with a zone (2026-05-01T08:00:00+08:00), a real date and time. */
export const Instant = (description = '时间 / instant') =>
  Type.String({ format: 'date-time', description: `${description} (RFC 3339)` });

/** Longitude and latitude in degrees. */
export const Lng = (description = '经度 / longitude') => Num(-180, 180, { description });
export const Lat = (description = '纬度 / latitude') => Num(-90, 90, { description });

export interface TextOptions extends SchemaOptions {
  minLength?: number;
  pattern?: string;
}

/**
 * One line of text (a name, a title, a search term, a code): valid Unicode, no control characters.
 * `minLength` defaults to 0; give 1 where the field is required to say something.
 */
export const Text = (maxLength: number, options: TextOptions = {}) =>
  Type.String({ format: 'text-line', maxLength, ...options });

/** Text that may span lines (notes, descriptions, minutes): tab, CR and LF allowed, no other control characters. */
export const MultilineText = (maxLength: number, options: TextOptions = {}) =>
  Type.String({ format: 'text', maxLength, ...options });

/** One of a fixed list of codes. */
export const Literals = <T extends string>(values: readonly T[], options: SchemaOptions = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );

/** A value or null (a response's field the record may lack). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorSchema = Type.Object({
  code: Type.String(),
  message_zh: Type.String(),
  message_en: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

export function page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}
