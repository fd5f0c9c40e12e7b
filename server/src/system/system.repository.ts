// SQL of the server itself: the health check's round trip, whether the database holds data yet (first
// start seeds the demo), the demo accounts printed at start.
import type { Db } from '../platform/db/handle.ts';

/** One cheap read: the database answers. */
export async function databaseAnswers(db: Db): Promise<void> {
  await db.selectFrom('audit_head').select('lane').executeTakeFirst();
}

/** No org yet: a database just migrated. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** The demo accounts to try first: the city, a county (440704), its first town, village and grid. */
export async function demoLogins(db: Db): Promise<{ username: string; name: string }[]> {
  const base = () =>
    db
      .selectFrom('account')
      .innerJoin('org', 'org.id', 'account.scope_org_id')
      .select(['account.username', 'org.name'])
      .orderBy('account.username');
  const pick = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
    where(base()).executeTakeFirst();
  const rows = [
    await pick((q) => q.where('account.username', '=', '4407')),
    await pick((q) => q.where('account.username', '=', '440704')),
    await pick((q) => q.where('org.level', '=', 'town').where('account.username', 'like', '440704%')),
    await pick((q) => q.where('org.level', '=', 'village').where('account.username', 'like', '440704%')),
    await pick((q) => q.where('org.level', '=', 'grid').where('account.username', 'like', '440704%')),
  ];
  return rows.filter((r): r is { username: string; name: string } => Boolean(r));
}
