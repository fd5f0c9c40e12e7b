// In-app notifications of the signed-in account (the list itself is GET /api/notifications in
// cases/case.routes.ts) and the phone on which the account receives SMS.

import type { Kysely } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { encryptPii } from '../platform/crypto/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';

export async function unreadCount(db: Kysely<DB>, actor: Actor): Promise<{ unread: number }> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', actor.accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unread: Number(row.n) };
}

export async function markRead(
  write: Write,
  actor: Actor,
  id: number,
): Promise<{ id: number; readAt: Date }> {
  return write(async (trx, audit) => {
    const row = await trx
      .selectFrom('notification')
      .select(['id', 'read_at'])
      .where('id', '=', id)
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
    if (!row) {
      throw notFound('NOTIFICATION_NOT_FOUND', '找不到这条通知，它可能已删除。', `No notification ${id}.`, {
        id,
      });
    }
    if (row.read_at) return { id, readAt: row.read_at };
    const readAt = new Date();
    await trx.updateTable('notification').set({ read_at: readAt }).where('id', '=', id).execute();
    await audit({ action: 'notification.read', targetType: 'notification', targetId: id });
    return { id, readAt };
  });
}

export async function markAllRead(write: Write, actor: Actor): Promise<{ updated: number }> {
  return write(async (trx, audit) => {
    const rows = await trx
      .updateTable('notification')
      .set({ read_at: new Date() })
      .where('account_id', '=', actor.accountId)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
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

export async function smsContact(db: Kysely<DB>, actor: Actor) {
  const row = await db
    .selectFrom('sms_contact')
    .select(['phone_masked', 'enabled', 'updated_at'])
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
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
    const existing = await trx
      .selectFrom('sms_contact')
      .select(['phone_masked'])
      .where('account_id', '=', actor.accountId)
      .executeTakeFirst();
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
      await trx
        .insertInto('sms_contact')
        .values({ account_id: actor.accountId, ...row, updated_at: now })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ ...row, updated_at: now }))
        .execute();
    } else if (existing) {
      await trx
        .updateTable('sms_contact')
        .set({ enabled: body.enabled, updated_at: now })
        .where('account_id', '=', actor.accountId)
        .execute();
    } else {
      throw unprocessable('PHONE_REQUIRED', '请先填写手机号码。', 'Enter a phone number first.', {
        field: 'phone',
      });
    }
    const after = await trx
      .selectFrom('sms_contact')
      .select(['phone_masked', 'enabled', 'updated_at'])
      .where('account_id', '=', actor.accountId)
      .executeTakeFirstOrThrow();
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
