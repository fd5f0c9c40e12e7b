// Photos of cases: at most 5 MB, JPEG / PNG / WebP recognized by their first bytes (the declared type is
// not trusted), stored content-addressed on disk under DATA_DIR/attachments/<sha256>.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, notFound } from '../platform/errors/errors.ts';
import type { Context } from '../platform/http/route.ts';
import * as repo from './attachment.repository.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export function attachmentDir(dataDir: string): string {
  // tests never write into the working copy's data folder
  if (process.env.VITEST) return path.join(os.tmpdir(), `qj-test-attachments-${process.pid}`);
  return path.join(dataDir, 'attachments');
}

/** The image type of the bytes by their magic numbers, or null. */
export function imageMime(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v))
    return 'image/png';
  if (
    b.length >= 12 &&
    Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' &&
    Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** The photo: the image bytes as the body (ctx.upload), or JSON `{mime, dataBase64}` (checked by its schema). */
export function decodeUpload(request: FastifyRequest, body: unknown, upload: () => Buffer): Buffer {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const b = body as { dataBase64?: unknown } | null;
  if (type === 'application/json' && b && typeof b.dataBase64 === 'string')
    return Buffer.from(b.dataBase64, 'base64');
  return upload();
}

export async function uploadPhoto(
  ctx: Pick<Context<unknown, unknown, unknown>, 'actor' | 'write' | 'deps'>,
  data: Buffer,
) {
  if (data.length > MAX_PHOTO_BYTES) {
    throw new AppError(
      413,
      'PHOTO_TOO_LARGE',
      `照片不能超过 5 MB（本次 ${(data.length / 1024 / 1024).toFixed(1)} MB），请压缩后重试。`,
      `A photo may be at most 5 MB (this one is ${(data.length / 1024 / 1024).toFixed(1)} MB).`,
      { bytes: data.length, maxBytes: MAX_PHOTO_BYTES },
    );
  }
  const mime = imageMime(data);
  if (!mime) {
    throw new AppError(
      415,
      'NOT_AN_IMAGE',
      '上传的文件不是 JPEG、PNG 或 WebP 图片。',
      'The upload is not a JPEG, PNG or WebP image.',
    );
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  const dir = attachmentDir(ctx.deps.config.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, sha256);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  }
  const actor = ctx.actor;
  const id = await ctx.write(async (trx, audit) => {
    const id = await repo.insertAttachment(trx, {
      case_id: null,
      county_code: actor.scopeCountyCode,
      kind: 'photo',
      mime,
      bytes: data.length,
      sha256,
      storage_key: sha256,
      uploaded_by: actor.accountId,
    });
    await audit({
      action: 'case.attachment_upload',
      targetType: 'case_attachment',
      targetId: id,
      after: { mime, bytes: data.length, sha256 },
    });
    return id;
  });
  return { id, mime, bytes: data.length, sha256 };
}

/** The bytes of an attachment of a case in scope, or one the caller uploaded and has not attached yet. */
export async function readAttachment(db: Db, actor: Actor, dataDir: string, id: number) {
  const row = await repo.attachmentById(db, id);
  let visible = false;
  if (row) {
    visible =
      row.case_id === null
        ? row.uploaded_by === actor.accountId
        : await repo.caseInScope(db, actor, row.case_id);
  }
  if (!row || !visible) {
    throw notFound(
      'ATTACHMENT_NOT_FOUND',
      `在您的管辖范围内找不到附件 ${id}。`,
      `No attachment ${id} within your scope.`,
      {
        id,
      },
    );
  }
  const file = path.join(attachmentDir(dataDir), row.storage_key);
  return { mime: row.mime, data: fs.readFileSync(file) };
}
