// Routes that take a file as their raw request body (RouteSpec.upload): what the OpenAPI document says
// of the body, and the one way a handler takes the file (ctx.upload): a file of a declared type, not
// empty — so no handler meets a missing or foreign body. What the bytes are (an image, a PDF, a workbook) the service decides
// by their first bytes, never by the declared type.
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors/errors.ts';
import type { RouteSpec } from './route.ts';

const mediaType = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** The request body's schema of an upload route: one entry per content type (JSON: its schema, if any). */
export function uploadBodySchema(spec: RouteSpec): Record<string, unknown> {
  const types = spec.upload ?? [];
  return {
    content: {
      ...(spec.body ? { 'application/json': { schema: spec.body } } : {}),
      ...Object.fromEntries(types.map((t) => [t, { schema: { description: 'the file’s bytes' } }])),
    },
  };
}

/** The file: 400 when none came (an empty body, or JSON), 415 for a file of another type. */
export function uploadedFile(spec: RouteSpec, request: FastifyRequest): Buffer {
  const types = spec.upload ?? [];
  const type = mediaType(request);
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw badRequest(
      'FILE_REQUIRED',
      `请上传文件（请求体为文件内容：${types.join('、')}）。`,
      `Send the file as the request body (${types.join(', ')}).`,
      { field: 'body', accepted: types },
    );
  if (!(types as readonly string[]).includes(type))
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `文件类型不受支持，请上传：${types.join('、')}。`,
      `Unsupported file type: send one of ${types.join(', ')}.`,
      { contentType: type || null, accepted: types },
    );
  return body;
}
