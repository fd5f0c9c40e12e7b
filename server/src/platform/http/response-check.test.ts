// The test-run check of every reply against its route's declared response schema.
import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { expect, test } from 'vitest';
import { closedSchema, responseChecker } from './response-check.ts';
import type { RouteSpec } from './route.ts';

async function serve(reply: unknown, status = 200) {
  const spec = {
    method: 'GET',
    url: '/x',
    access: 'public',
    summary: 'x',
    tags: [],
    response: { 200: Type.Object({ id: Type.Integer(), name: Type.String(), at: Type.String() }) },
    handler: async () => reply,
  } as unknown as RouteSpec;
  const app = Fastify();
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.get('/x', { preSerialization: responseChecker(spec) }, async (_q, r) => r.code(status).send(reply));
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return { status: res.statusCode, body: res.json() };
}

test('a reply that matches its schema goes out as the handler returned it (dates as text)', async () => {
  const at = new Date('2026-05-01T00:00:00Z');
  expect(await serve({ id: 1, name: '张三', at })).toEqual({
    status: 200,
    body: { id: 1, name: '张三', at: '2026-05-01T00:00:00.000Z' },
  });
});

test('a property the schema does not declare, a wrong type or a missing field is a loud 500', async () => {
  const extra = await serve({ id: 1, name: 'a', at: 'x', idNumber: '4407…' });
  expect(extra.status).toBe(500);
  expect(extra.body.code).toBe('RESPONSE_SCHEMA_MISMATCH');
  expect(extra.body.message_en).toContain('idNumber');
  const wrong = await serve({ id: '1', name: 'a', at: 'x' });
  expect(wrong.body.details.problems).toEqual(['/id must be integer']);
  const missing = await serve({ id: 1, at: 'x' });
  expect(missing.body.details.problems[0]).toContain('name');
});

test('a success status the route does not declare is a mismatch; a refusal must be the error body', async () => {
  expect((await serve({ id: 1, name: 'a', at: 'x' }, 201)).body.details.problems).toEqual([
    'no response schema declared for status 201',
  ]);
  expect((await serve({ code: 'X', message_zh: '错', message_en: 'wrong' }, 409)).status).toBe(409);
  expect((await serve({ error: 'x' }, 409)).status).toBe(500);
});

test('objects are closed unless they say otherwise; property names are not schemas', () => {
  expect(
    closedSchema({
      type: 'object',
      properties: {
        type: { type: 'object', properties: {} },
        open: { type: 'object', additionalProperties: true, properties: {} },
      },
    }),
  ).toEqual({
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { type: 'object', properties: {}, additionalProperties: false },
      open: { type: 'object', additionalProperties: true, properties: {} },
    },
  });
});

test('a text reply (an Open311 XML document) is not read by the check: it goes out as sent', async () => {
  const spec = {
    method: 'GET',
    url: '/x',
    access: 'public',
    summary: 'x',
    tags: [],
    response: { 200: Type.Array(Type.Object({ id: Type.Integer() })) },
    handler: async () => null,
  } as unknown as RouteSpec;
  const xml = '<?xml version="1.0" encoding="utf-8"?>\n<services></services>';
  const app = Fastify();
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.get('/x', { preSerialization: responseChecker(spec) }, async (_q, r) =>
    r.header('content-type', 'text/xml; charset=utf-8').send(xml),
  );
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  expect([res.statusCode, res.body]).toEqual([200, xml]);
});
