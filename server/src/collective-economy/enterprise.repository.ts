// SQL of the registers of 强村公司 (village_company) and 富民工坊 (workshop): lists and one entry with its
// villages and yearly figures (from the access layer), and their writes (verified ids).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import type { CollectiveEnterpriseTable, EnterpriseKind } from './economy-tables.ts';

export async function enterpriseRows(
  db: Kysely<DB>,
  actor: Actor,
  f: { basePath: string; kind?: EnterpriseKind | undefined; q?: string | undefined },
) {
  let q = scoped
    .collectiveEnterprises(db, actor)
    .where((eb) =>
      eb.or([
        eb('enterprise_org.path', 'like', `${f.basePath}%`),
        eb.exists(
          eb
            .selectFrom('collective_enterprise_village as in_base')
            .innerJoin('org as in_base_org', 'in_base_org.id', 'in_base.org_id')
            .select('in_base.org_id')
            .whereRef('in_base.enterprise_id', '=', 'collective_enterprise.id')
            .where('in_base_org.path', 'like', `${f.basePath}%`),
        ),
      ]),
    );
  if (f.kind) q = q.where('collective_enterprise.kind', '=', f.kind);
  if (f.q?.trim()) q = q.where('collective_enterprise.name', 'like', `%${escapeLike(f.q.trim())}%`);
  return q
    .selectAll('collective_enterprise')
    .select(['enterprise_org.name as org_name', 'enterprise_org.level as org_level'])
    .orderBy('collective_enterprise.county_code')
    .orderBy('collective_enterprise.founded_on')
    .orderBy('collective_enterprise.id')
    .execute();
}

/** The villages joined and the yearly figures of enterprises (ids verified or from a scoped list). */
export async function enterpriseParts(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return { villages: [], years: [] };
  const [villages, years] = await Promise.all([
    db
      .selectFrom('collective_enterprise_village')
      .innerJoin('org', 'org.id', 'collective_enterprise_village.org_id')
      .select(['collective_enterprise_village.enterprise_id', 'org.id', 'org.name', 'org.code'])
      .where('collective_enterprise_village.enterprise_id', 'in', [...ids])
      .orderBy('org.code')
      .execute(),
    db
      .selectFrom('collective_enterprise_year')
      .selectAll()
      .where('enterprise_id', 'in', [...ids])
      .orderBy('year', 'desc')
      .execute(),
  ]);
  return { villages, years };
}

export async function insertEnterprise(
  trx: Transaction<DB>,
  row: Insertable<CollectiveEnterpriseTable>,
  villageIds: readonly number[],
): Promise<number> {
  const r = await trx
    .insertInto('collective_enterprise')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(r.id);
  if (villageIds.length)
    await trx
      .insertInto('collective_enterprise_village')
      .values(villageIds.map((org_id) => ({ enterprise_id: id, org_id })))
      .execute();
  return id;
}

export async function upsertEnterpriseYear(
  trx: Transaction<DB>,
  row: {
    enterprise_id: number;
    year: number;
    county_code: string;
    revenue_fen: number;
    dividends_fen: number;
    jobs: number;
  },
) {
  await trx
    .insertInto('collective_enterprise_year')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'year']).doUpdateSet({
        revenue_fen: row.revenue_fen,
        dividends_fen: row.dividends_fen,
        jobs: row.jobs,
      }),
    )
    .execute();
}

export function enterpriseYear(db: Kysely<DB> | Transaction<DB>, id: number, year: number) {
  return db
    .selectFrom('collective_enterprise_year')
    .selectAll()
    .where('enterprise_id', '=', id)
    .where('year', '=', year)
    .executeTakeFirst();
}
