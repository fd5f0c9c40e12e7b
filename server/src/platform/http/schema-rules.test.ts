// Every input a route takes is closed at the door (schemas.ts): a string has a length limit and a format,
// pattern or fixed list (so no NUL, no invalid date reaches a handler); a number has both bounds (no
// 2^63, no 1e309); a list has a length limit; an id is an Id (1 … 2^53−1). Walks the route table.
import { expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import { ID_MAX } from './schemas.ts';

interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

const TEXT_FORMATS = new Set(['text', 'text-line', 'date', 'month', 'date-time']);

/** Problems of one schema, each with the path of the field. */
export function schemaProblems(schema: Schema | undefined, path: string): string[] {
  if (!schema) return [];
  const out: string[] = [];
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    out.push(...schemaProblems(sub, path));
  if (schema.const !== undefined || schema.enum) return out;
  switch (schema.type) {
    case 'string':
      if (schema.maxLength === undefined && !schema.format) out.push(`${path}: a string without maxLength`);
      if (!schema.pattern && !(schema.format && TEXT_FORMATS.has(schema.format)))
        out.push(
          `${path}: a string without a text/date format or a pattern (NUL and control characters pass)`,
        );
      break;
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? schema.exclusiveMinimum;
      const high = schema.maximum ?? schema.exclusiveMaximum;
      if (low === undefined || high === undefined) out.push(`${path}: a number without both bounds`);
      if (/(^|\.)(id|\w+Id)$/.test(path) && (schema.type !== 'integer' || (high ?? 0) > ID_MAX))
        out.push(`${path}: an id that is not an Id (1 … 2^53−1)`);
      break;
    }
    case 'array':
      if (schema.maxItems === undefined) out.push(`${path}: a list without maxItems`);
      out.push(...schemaProblems(schema.items, `${path}[]`));
      break;
    case 'object':
      for (const [k, v] of Object.entries(schema.properties ?? {}))
        out.push(...schemaProblems(v, `${path}.${k}`));
      if (typeof schema.additionalProperties === 'object')
        out.push(...schemaProblems(schema.additionalProperties, `${path}.*`));
      break;
  }
  return out;
}

test('every string, number and list a route takes is bounded and formatted', () => {
  const problems = ROUTES.flatMap((r) => {
    const where = `${r.method} ${r.url}`;
    return [
      ...schemaProblems(r.params as Schema | undefined, `${where} params`),
      ...schemaProblems(r.query as Schema | undefined, `${where} query`),
      ...schemaProblems(r.body as Schema | undefined, `${where} body`),
    ];
  });
  expect(problems).toEqual([]);
});
