// Notifications of issue 14 to the accounts of a village's own organization or of its town (the
// secretaries and organization admins whose scope it is): a villager's question on a published item
// (to the village, which must reply by the deadline) and a power use flagged to the town.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

export async function notifyAccountsOf(
  trx: Transaction<DB>,
  villageId: number,
  whose: 'village' | 'town',
  n: { kind: string; title: string; body: string },
): Promise<void> {
  // the path is /city/county/town/village/: the town is its third part, the village its fourth
  const part = whose === 'town' ? 3 : 4;
  await sql`
    insert into notification (account_id, kind, title, body)
    select a.id, ${n.kind}, ${n.title}, ${n.body}
    from org v
    join account a on a.scope_org_id = (string_to_array(trim(both '/' from v.path), '/'))[${sql.lit(part)}]::bigint
      and a.role in ('secretary', 'org_admin') and not a.disabled
    where v.id = ${villageId}`.execute(trx);
}
