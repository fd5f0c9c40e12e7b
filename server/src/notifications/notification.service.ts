// In-app notifications of the signed-in account (the list itself is GET /api/notifications in
// cases/case.routes.ts) and the phone on which the account receives SMS.

import type { Actor } from '../platform/access/actor.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { notFound, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';
import * as repo from './notification.repository.ts';

export async function unreadCount(db: Db, actor: Actor): Promise<{ unread: number }> {
  return { unread: await repo.unreadCountOf(db, actor.accountId) };
}

export async function markRead(
  write: Write,
  actor: Actor,
  id: number,
): Promise<{ id: number; readAt: Date }> {
  return write(async (trx, audit) => {
    const row = await repo.ownNotification(trx, actor.accountId, id);
    if (!row) {
      throw notFound('NOTIFICATION_NOT_FOUND', '找不到这条通知，它可能已删除。', `No notification ${id}.`, {
        id,
      });
    }
    if (row.read_at) return { id, readAt: row.read_at };
    const readAt = new Date();
    await repo.setRead(trx, id, readAt);
    await audit({ action: 'notification.read', targetType: 'notification', targetId: id });
    return { id, readAt };
  });
}

export async function markAllRead(write: Write, actor: Actor): Promise<{ updated: number }> {
  return write(async (trx, audit) => {
    const rows = await repo.setAllRead(trx, actor.accountId, new Date());
    if (rows.length > 0) {
      await audit({
        action: 'notification.read_all',
        targetType: 'account',
        targetId: actor.accountId,
        after: { count: rows.length },
      });
    }
    return { updated: rows.length };
  });
}

export async function smsContact(db: Db, actor: Actor) {
  const row = await repo.smsContactOf(db, actor.accountId);
  return {
    phoneMasked: row?.phone_masked ?? null,
    enabled: row?.enabled ?? false,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function setSmsContact(
  write: Write,
  actor: Actor,
  body: { phone?: string | undefined; enabled: boolean },
) {
  return write(async (trx, audit) => {
    const existing = await repo.smsContactOf(trx, actor.accountId);
    const now = new Date();
    if (body.phone !== undefined) {
      const v = validateMobile(body.phone);
      if (!v.ok) {
        throw unprocessable(
          'PHONE_INVALID',
          '请填写 11 位中国大陆手机号码。',
          'Enter an 11-digit mainland China mobile number.',
          { field: 'phone', reason: v.reason },
        );
      }
      const row = { phone_enc: encryptPii(v.phone), phone_masked: maskPhone(v.phone), enabled: body.enabled };
      await repo.upsertSmsContact(trx, actor.accountId, row, now);
    } else if (existing) {
      await repo.setSmsEnabled(trx, actor.accountId, body.enabled, now);
    } else {
      throw unprocessable('PHONE_REQUIRED', '请先填写手机号码。', 'Enter a phone number first.', {
        field: 'phone',
      });
    }
    const after = await repo.smsContactOf(trx, actor.accountId);
    if (!after) throw new Error(`sms_contact of account ${actor.accountId} missing after its write`);
    // masked numbers only in the audit log
    await audit({
      action: 'notification.sms_contact_set',
      targetType: 'account',
      targetId: actor.accountId,
      before: existing ? { phone: existing.phone_masked } : null,
      after: { phone: after.phone_masked, enabled: after.enabled },
    });
    return { phoneMasked: after.phone_masked, enabled: after.enabled, updatedAt: after.updated_at };
  });
}
