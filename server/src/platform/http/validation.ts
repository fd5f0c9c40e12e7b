// How a request's input is read and validated before any handler sees it (the root of "no 500 for any
// input"): bodies and query strings must be valid UTF-8 (invalid bytes are a 400, never U+FFFD in the
// database); the route's schemas are checked by Ajv with the shared formats (formats.ts); bodies are
// not coerced (a number is not text), params and query strings are (everything in a url is text); a
// url or header too large, or a malformed url, answers in the platform's error shape.
import type { Socket } from 'node:net';
import { Ajv, type Options } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { badRequest } from '../errors/errors.ts';
import { errorHandler } from './errors-handler.ts';
import { FORMATS } from './formats.ts';

const COMMON: Options = {
  allErrors: true,
  useDefaults: true,
  removeAdditional: false,
  strictNumbers: true,
  addUsedSchema: false,
  // TypeBox puts `kind` and other markers on schemas; unknown keywords are not an error
  strictSchema: false,
};

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ ...COMMON, ...options });
  addFormats.default(ajv);
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  return ajv;
}

/** Bodies: JSON types as sent. Params and query strings: text coerced to the declared types. */
const bodyAjv = makeAjv({ coerceTypes: false });
const urlAjv = makeAjv({ coerceTypes: 'array' });

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export const invalidUtf8 = () =>
  badRequest('INVALID_UTF8', '请求内容不是有效的 UTF-8 编码文本。', 'The request is not valid UTF-8 text.');

/** Decodes one component of a url or form (`+` is a space); null when it is not valid UTF-8. */
function decodeComponent(s: string): string | null {
  try {
    return decodeURIComponent(s.includes('+') ? s.replace(/\+/g, ' ') : s);
  } catch {
    return null;
  }
}

const INVALID = Symbol('invalid query string');

/**
 * `a=1&b=x&b=y` → {a: '1', b: ['x', 'y']}, strictly: a malformed escape or invalid UTF-8 marks the
 * result, and the request is refused with 400 before routing goes further (a parser cannot answer).
 */
export function parseQueryString(query: string): Record<string | symbol, unknown> {
  const out: Record<string | symbol, unknown> = Object.create(null);
  if (query.length === 0) return out;
  for (const part of query.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
    if (key === null || value === null) {
      out[INVALID] = true;
      return out;
    }
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

function errorShape(code: string, zh: string, en: string): string {
  return JSON.stringify({ code, message_zh: zh, message_en: en });
}

/** Errors of the connection itself (a header or url too large, a malformed request line). */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text, body] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          errorShape(
            'REQUEST_TOO_LARGE',
            '请求的网址或请求头过长。',
            'The request url or headers are too large.',
          ),
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', errorShape('REQUEST_TIMEOUT', '请求超时。', 'The request timed out.')]
        : [
            400,
            'Bad Request',
            errorShape('MALFORMED_REQUEST', '请求格式不正确。', 'The request is malformed.'),
          ];
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Options of the Fastify instance that belong to input handling. */
export const inputOptions = {
  clientErrorHandler,
  routerOptions: { querystringParser: parseQueryString },
  // a malformed url (bad escape) or a path parameter over the router's limit, in the error shape
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.code === 'FST_ERR_BAD_URL') {
      reply.status(400).send({
        code: 'MALFORMED_URL',
        message_zh: '网址格式不正确（无效的转义或编码）。',
        message_en: 'The url is malformed (an invalid escape or encoding).',
      });
      return;
    }
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      reply.status(414).send({
        code: 'URL_TOO_LONG',
        message_zh: '网址中的参数过长。',
        message_en: 'A parameter in the url is too long.',
      });
      return;
    }
    errorHandler(error, request, reply);
  },
};

/** The path of a number that is not finite (Ajv's coercion turns the text "1e309" into Infinity and lets it pass). */
function nonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nonFinite(v, `${path}/${k}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** A route part's validator: Ajv with the shared formats, and no ±Infinity or NaN past it. */
export function compileValidator(schema: object, httpPart: string | undefined) {
  const check = (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema);
  const validate = (data: unknown): boolean => {
    const ok = check(data);
    validate.errors = check.errors ?? null;
    if (!ok) return false;
    const at = nonFinite(data, '');
    if (at === null) return true;
    validate.errors = [
      {
        instancePath: at,
        schemaPath: '#',
        keyword: 'type',
        params: { type: 'finite number' },
        message: 'must be a finite number',
      },
    ] as typeof check.errors;
    return false;
  };
  validate.errors = null as typeof check.errors;
  return validate;
}

/** Installs the body parsers, the query-string check and the validators on the app. */
export function installInputHandling(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compileValidator(schema as FastifySchema & object, httpPart),
  );

  app.addHook('onRequest', async (request) => {
    if ((request.query as Record<symbol, unknown> | undefined)?.[INVALID]) throw invalidUtf8();
  });

  // Fastify's own JSON parser (prototype poisoning refused), fed only with valid UTF-8
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(invalidUtf8());
      return;
    }
    parseJson(request, text, done);
  });

  // Open311 clients POST application/x-www-form-urlencoded
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer' },
    (_request, body, done) => {
      let text: string;
      try {
        text = utf8.decode(body as Buffer);
      } catch {
        done(invalidUtf8());
        return;
      }
      const parsed = parseQueryString(text);
      if (parsed[INVALID]) done(invalidUtf8());
      else done(null, parsed);
    },
  );
}
