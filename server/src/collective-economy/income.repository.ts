// SQL of the collective incomes: the income lines and accounts of the villages under a base org for
// some years, and writing one village-year (its lines replaced, its account upserted). Reads start from
// the access layer; writes take verified village ids.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export async function incomeLines(db: Kysely<DB>, actor: Actor, basePath: string, years: readonly number[]) {
  return scoped
    .collectiveIncomes(db, actor)
    .where('income_org.path', 'like', `${basePath}%`)
    .where('collective_income.year', 'in', [...years])
    .select([
      'collective_income.org_id',
      'collective_income.year',
      'collective_income.source',
      'collective_income.amount_fen',
    ])
    .execute();
}

export async function accounts(db: Kysely<DB>, actor: Actor, basePath: string, years: readonly number[]) {
  return scoped
    .collectiveAccounts(db, actor)
    .where('account_org.path', 'like', `${basePath}%`)
    .where('collective_account.year', 'in', [...years])
    .select([
      'collective_account.org_id',
      'collective_account.year',
      'collective_account.expenses_fen',
      'collective_account.distributed_fen',
      'collective_account.note',
      'collective_account.updated_at',
    ])
    .execute();
}

export interface VillageYearRow {
  orgId: number;
  countyCode: string;
  year: number;
  incomes: Record<string, number>;
  expensesFen: number;
  distributedFen: number;
  note: string;
}

/** The stored lines and account of village-years (for the audit's "before"). */
export async function storedYears(
  db: Kysely<DB> | Transaction<DB>,
  keys: readonly { orgId: number; year: number }[],
) {
  if (keys.length === 0) return [];
  const ids = [...new Set(keys.map((k) => k.orgId))];
  const years = [...new Set(keys.map((k) => k.year))];
  const [lines, accs] = await Promise.all([
    db
      .selectFrom('collective_income')
      .select(['org_id', 'year', 'source', 'amount_fen'])
      .where('org_id', 'in', ids)
      .where('year', 'in', years)
      .execute(),
    db
      .selectFrom('collective_account')
      .select(['org_id', 'year', 'expenses_fen', 'distributed_fen'])
      .where('org_id', 'in', ids)
      .where('year', 'in', years)
      .execute(),
  ]);
  return keys.map((k) => ({
    ...k,
    incomes: Object.fromEntries(
      lines
        .filter((l) => Number(l.org_id) === k.orgId && l.year === k.year)
        .map((l) => [l.source, Number(l.amount_fen)]),
    ),
    account: accs.find((a) => Number(a.org_id) === k.orgId && a.year === k.year) ?? null,
  }));
}

/** Replaces the lines and the account of each village-year. */
export async function saveYears(
  trx: Transaction<DB>,
  rows: readonly VillageYearRow[],
  accountId: number | null,
) {
  for (const r of rows) {
    await trx
      .deleteFrom('collective_income')
      .where('org_id', '=', r.orgId)
      .where('year', '=', r.year)
      .execute();
    const lines = Object.entries(r.incomes)
      .filter(([, fen]) => fen > 0)
      .map(([source, fen]) => ({
        org_id: r.orgId,
        year: r.year,
        source,
        county_code: r.countyCode,
        amount_fen: fen,
      }));
    if (lines.length) await trx.insertInto('collective_income').values(lines).execute();
    await trx
      .insertInto('collective_account')
      .values({
        org_id: r.orgId,
        year: r.year,
        county_code: r.countyCode,
        expenses_fen: r.expensesFen,
        distributed_fen: r.distributedFen,
        note: r.note,
        updated_by: accountId,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet({
          expenses_fen: r.expensesFen,
          distributed_fen: r.distributedFen,
          note: r.note,
          updated_by: accountId,
          updated_at: new Date(),
        }),
      )
      .execute();
  }
}

/** Names of orgs inside the scope, in the tree's order. */
export async function orgNames(db: Kysely<DB>, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return scoped
    .orgs(db, actor)
    .select(['org.id', 'org.name', 'org.level', 'org.code'])
    .where('org.id', 'in', [...ids])
    .orderBy('org.sort_order')
    .orderBy('org.code')
    .execute();
}
