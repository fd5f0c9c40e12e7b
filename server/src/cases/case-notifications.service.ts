// A viewer's notifications about cases (dispatched to it, summoned, supervised), newest first.
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { notificationsOf } from './case-read.repository.ts';

export async function notifications(db: Db, actor: Actor) {
  const rows = await notificationsOf(db, actor.accountId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      caseId: r.case_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  };
}
