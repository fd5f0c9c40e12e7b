import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/engine.ts';

const database = await openDatabase({ dataDir: process.argv[2] as string });
const db = database.db;
const t = async (name: string, q: ReturnType<typeof sql>) => {
  const s = performance.now();
  const r = await q.execute(db);
  console.log(
    name,
    Math.round(performance.now() - s),
    'ms',
    r.rows.length ? JSON.stringify(r.rows[0]).slice(0, 200) : '',
  );
};
await t(
  'member temp',
  sql`create temp table x1 as select m.id as member_id, case when o.kind = 'group' and o.level = 'grid' then o.parent_id else o.id end as life_org_id from member m join org o on o.id = m.org_id`,
);
await t(
  'fm anc',
  sql`create temp table x2 as with fm as (select o.path, count(*) as n from member m join org o on o.id = m.org_id where m.status = 'full' group by o.path) select a::bigint as org_id, sum(fm.n) as n from fm, unnest(string_to_array(trim(both '/' from fm.path), '/')) a group by a`,
);
await t(
  'host',
  sql`select count(*) from org o where o.level in ('village','grid') and exists (select c.name from org_term t join org_committee_member c on c.term_id = t.id where t.org_id = o.id and c.position = 'secretary')`,
);
await t(
  'groups',
  sql`select count(*) from org o where exists (select 1 from org g where g.parent_id = o.id and g.kind = 'group')`,
);
await t(
  'account',
  sql`select count(*) from org o where exists (select a.id from account a where a.username = o.code)`,
);
await t(
  'indexes',
  sql`select indexname, tablename from pg_indexes where tablename in ('org','org_term','account','org_committee_member')`,
);
await database.close();
