// SQL of 党费 (dues.service.ts holds the rules, domain/dues-rules.ts the arithmetic): the rate table's
// versions, declared bases, payments, the members of a branch (through the access layer, dues:manage) and
// the six-month warnings' scan.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

const P = 'dues:manage' as const;

export function rateVersionRows(db: Kysely<DB>) {
  return db.selectFrom('dues_rate_version').selectAll().orderBy('effective_month').execute();
}

export function rateVersionOf(trx: Transaction<DB>, effectiveMonth: string) {
  return trx
    .selectFrom('dues_rate_version')
    .select(['rates', 'note'])
    .where('effective_month', '=', effectiveMonth)
    .executeTakeFirst();
}

/** Adds the version of a month, or replaces it; its id. */
export async function upsertRateVersion(
  trx: Transaction<DB>,
  row: Insertable<DB['dues_rate_version']>,
): Promise<number> {
  const r = await trx
    .insertInto('dues_rate_version')
    .values(row)
    .onConflict((oc) =>
      oc.column('effective_month').doUpdateSet((eb) => ({
        rates: eb.ref('excluded.rates'),
        note: eb.ref('excluded.note'),
        created_by: eb.ref('excluded.created_by'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A member's base from a month on; a second declaration of the same month replaces the first. */
export async function upsertBase(trx: Transaction<DB>, row: Insertable<DB['dues_base']>): Promise<void> {
  await trx
    .insertInto('dues_base')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['member_id', 'from_month']).doUpdateSet((eb) => ({
        base_fen: eb.ref('excluded.base_fen'),
        declared_by: eb.ref('excluded.declared_by'),
      })),
    )
    .execute();
}

export function basesOf(db: Kysely<DB>, memberIds: number[]) {
  return db
    .selectFrom('dues_base')
    .select(['member_id', 'from_month', 'base_fen'])
    .where('member_id', 'in', memberIds)
    .execute();
}

/** The members' payments up to a month (included). */
export function paymentsUpTo(db: Kysely<DB>, memberIds: number[], month: string) {
  return db
    .selectFrom('dues_payment')
    .select(['member_id', 'month', 'paid_fen', 'paid_on'])
    .where('member_id', 'in', memberIds)
    .where('month', '<=', month)
    .execute();
}

/** The members in scope (dues:manage) under a path, by name (2,000 at most). */
export function branchMembers(db: Kysely<DB>, actor: Actor, path: string) {
  return scoped
    .members(db, actor, P)
    .select(['member.id', 'member.name', 'member.occupation', 'member_org.name as org_name'])
    .where('member_org.path', 'like', `${path}%`)
    .orderBy('member.name')
    .orderBy('member.id')
    .limit(2000)
    .execute();
}

/** Of the given member ids, those in scope (dues:manage) under a path. */
export function membersUnder(db: Kysely<DB>, actor: Actor, ids: number[], path: string) {
  return scoped
    .members(db, actor, P)
    .select([
      'member.id',
      'member.name',
      'member.occupation',
      'member_org.name as org_name',
      'member.county_code',
    ])
    .where('member.id', 'in', ids)
    .where('member_org.path', 'like', `${path}%`)
    .execute();
}

/** A month's payments; a member's second record of the same month replaces the first. */
export async function upsertPayments(
  trx: Transaction<DB>,
  rows: Insertable<DB['dues_payment']>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('dues_payment')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['member_id', 'month']).doUpdateSet((eb) => ({
        paid_fen: eb.ref('excluded.paid_fen'),
        due_fen: eb.ref('excluded.due_fen'),
        paid_on: eb.ref('excluded.paid_on'),
        org_id: eb.ref('excluded.org_id'),
        recorded_by: eb.ref('excluded.recorded_by'),
      })),
    )
    .execute();
}

export interface WarningWindow {
  /** under this org path */
  path: string;
  /** the first and last month of the window (YYYY-MM) */
  from: string;
  to: string;
  /** the window as days: [fromDay, toDay) */
  fromDay: string;
  toDay: string;
}

/**
 * The members in scope under the path who joined before the window and paid no dues in it or attended no
 * counted meeting in it (the SQL form of sixMonthWarning): their number and one page.
 */
export async function sixMonthWarningPage(
  db: Kysely<DB>,
  actor: Actor,
  w: WarningWindow,
  limit: number,
  offset: number,
) {
  const noDues = sql<boolean>`not exists (select 1 from dues_payment p where p.member_id = member.id and p.month >= ${w.from} and p.month <= ${w.to})`;
  const noLife = sql<boolean>`not exists (select 1 from meeting_attendance a join meeting mt on mt.id = a.meeting_id where a.member_id = member.id and a.status = 'present' and mt.counts and mt.held_on >= ${w.fromDay}::date and mt.held_on < ${w.toDay}::date)`;
  const base = scoped
    .members(db, actor, P)
    .where('member_org.path', 'like', `${w.path}%`)
    .where('member.joined_on', '<', w.fromDay)
    .where((eb) => eb.or([eb(noDues, '=', true), eb(noLife, '=', true)]));
  const [total, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'member.id',
        'member.name',
        'member_org.id as org_id',
        'member_org.name as org_name',
        noDues.as('no_dues'),
        noLife.as('no_org_life'),
      ])
      .orderBy('member_org.path')
      .orderBy('member.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return { total: Number(total.n), items };
}
