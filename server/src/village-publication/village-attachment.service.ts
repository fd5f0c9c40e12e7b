// Files of a village (notice-board photos, scans of minutes, evidence): at most 5 MB, JPEG / PNG /
// WebP or PDF recognized by their first bytes, stored content-addressed on disk beside the case
// photos; read inside the scope, or by anyone when it is the photo of a published item.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentDir, imageMime, MAX_PHOTO_BYTES } from '../cases/attachment.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, errors, notFound } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { verifyVillage } from '../village-cadres/village-common.ts';
import { demoPhoto } from './demo-photo.ts';
import * as repo from './village-attachment.repository.ts';

function fileMime(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return imageMime(bytes);
}

export async function uploadVillageFile(
  db: Db,
  write: Write,
  actor: Actor,
  dataDir: string,
  /** the request's file (ctx.upload): taken once the village is placed inside the scope */
  takeFile: () => Buffer,
  options: { orgId?: number; fileName?: string },
) {
  const village = await verifyVillage(db, actor, options.orgId ?? actor.scopeOrgId);
  const data = takeFile();
  if (data.length > MAX_PHOTO_BYTES)
    throw new AppError(
      413,
      'FILE_TOO_LARGE',
      `文件不能超过 5 MB（本次 ${(data.length / 1024 / 1024).toFixed(1)} MB）。`,
      'A file may be at most 5 MB.',
      {
        bytes: data.length,
        maxBytes: MAX_PHOTO_BYTES,
      },
    );
  const mime = fileMime(data);
  if (!mime)
    throw new AppError(
      415,
      'NOT_AN_IMAGE_OR_PDF',
      '只能上传 JPEG、PNG、WebP 图片或 PDF 文件。',
      'Only JPEG, PNG, WebP images or PDF files.',
    );
  const sha256 = createHash('sha256').update(data).digest('hex');
  const dir = attachmentDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, sha256);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  }
  const fileName = (options.fileName ?? '').slice(0, 200);
  return write(async (trx, audit) => {
    const id = await repo.insertAttachment(trx, {
      org_id: village.id,
      county_code: village.county_code,
      mime,
      bytes: data.length,
      sha256,
      file_name: fileName,
      uploaded_by: actor.accountId,
    });
    await audit({
      action: 'village.attachment_upload',
      targetType: 'village_attachment',
      targetId: id,
      countyCode: village.county_code,
      after: { mime, bytes: data.length, sha256, fileName },
    });
    return { id, mime, bytes: data.length, fileName };
  });
}

function bytesOf(dataDir: string, sha256: string): Buffer {
  const file = path.join(attachmentDir(dataDir), sha256);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  // the demo's notice-board photo is drawn, not shipped: written on its first read
  const demo = demoPhoto();
  if (sha256 === demo.sha256) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, demo.bytes);
    return demo.bytes;
  }
  throw notFound('ATTACHMENT_FILE_MISSING', '附件文件不存在。', 'The file is missing.');
}

export async function readVillageFile(db: Db, actor: Actor, dataDir: string, id: number) {
  const row = await repo.scopedAttachment(db, actor, id);
  if (!row) throw errors.outOfScope('village_attachment', id);
  return { mime: row.mime, fileName: row.file_name, data: bytesOf(dataDir, row.sha256) };
}

/** The photo of a published item, for the public page (nothing else is public). */
export async function readPublicPhoto(db: Db, dataDir: string, id: number) {
  const row = await repo.publishedPhoto(db, id);
  if (!row?.mime.startsWith('image/'))
    throw notFound('PHOTO_NOT_FOUND', `没有公开的照片 ${id}。`, `No public photo ${id}.`, { id });
  return { mime: row.mime, data: bytesOf(dataDir, row.sha256) };
}
