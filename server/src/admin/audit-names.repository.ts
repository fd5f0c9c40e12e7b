// The names the audit page shows beside an audit record's ids: who acted (the account's display name)
// and what was touched (an account's name, a member's name, a case's number and title …). The audit
// administrator reads "账号 王小明", not "账号 #4548" (sign-in names stay in the filter and the export).
// Record types without a name source keep their id; an id that no longer resolves keeps it too.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** One query per record type: `select id, name from … where id in (ids)`; the SQL is constant here. */
const NAME_SOURCES: Record<string, (ids: RawBuilder<unknown>) => RawBuilder<{ id: number; name: string }>> = {
  account: (ids) => sql`select id, display_name as name from account where id in (${ids})`,
  member: (ids) => sql`select id, name from member where id in (${ids})`,
  org: (ids) => sql`select id, name from org where id in (${ids})`,
  grid: (ids) => sql`select id, name from grid where id in (${ids})`,
  case: (ids) => sql`select id, case_no || ' ' || title as name from civic_case where id in (${ids})`,
  case_attachment: (ids) =>
    sql`select a.id, c.case_no as name from case_attachment a join civic_case c on c.id = a.case_id
        where a.id in (${ids})`,
  meeting: (ids) => sql`select id, topic as name from meeting where id in (${ids})`,
  training_class: (ids) => sql`select id, title as name from training_class where id in (${ids})`,
  recruitment: (ids) =>
    sql`select r.id, p.name from recruitment r join applicant p on p.id = r.applicant_id where r.id in (${ids})`,
  transfer: (ids) =>
    sql`select t.id, m.name from transfer t join member m on m.id = t.member_id where t.id in (${ids})`,
  mobile_member: (ids) =>
    sql`select x.id, m.name from mobile_member x join member m on m.id = x.member_id where x.id in (${ids})`,
  external_system: (ids) => sql`select id, name from external_system where id in (${ids})`,
  deliberation: (ids) => sql`select id, title as name from deliberation where id in (${ids})`,
  power_item: (ids) => sql`select id, name from power_item where id in (${ids})`,
  power_use: (ids) => sql`select id, title as name from power_use where id in (${ids})`,
  publication_item: (ids) => sql`select id, title as name from publication_item where id in (${ids})`,
  village_cadre: (ids) => sql`select id, name from village_cadre where id in (${ids})`,
  reserve_cadre: (ids) => sql`select id, name from reserve_cadre where id in (${ids})`,
  community_worker: (ids) => sql`select id, name from community_worker where id in (${ids})`,
  contest: (ids) => sql`select id, title as name from contest where id in (${ids})`,
  weak_org: (ids) =>
    sql`select w.id, o.name || '（' || w.year || '年）' as name from weak_org w join org o on o.id = w.org_id
        where w.id in (${ids})`,
};

export interface AuditRef {
  targetType: string;
  targetId: string;
}

/** "type:id" → name for the records the page shows (at most a page of them). */
export async function auditTargetNames(
  db: Kysely<DB>,
  refs: readonly AuditRef[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<number>>();
  for (const r of refs) {
    if (!(r.targetType in NAME_SOURCES) || !/^\d{1,15}$/.test(r.targetId)) continue;
    const ids = byType.get(r.targetType) ?? new Set<number>();
    ids.add(Number(r.targetId));
    byType.set(r.targetType, ids);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const source = NAME_SOURCES[type];
      if (!source) return;
      const all = [...ids];
      // an export names up to 100,000 records: a thousand ids a query
      for (let i = 0; i < all.length; i += 1000) {
        const list = sql.join(all.slice(i, i + 1000).map((id) => sql.lit(id)));
        const { rows } = await source(list).execute(db);
        for (const row of rows) names.set(`${type}:${row.id}`, row.name);
      }
    }),
  );
  return names;
}

/** account id → display name, for the 操作人 column. */
export async function actorNames(db: Kysely<DB>, actorIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(actorIds)];
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('account')
      .select(['id', 'display_name'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}
