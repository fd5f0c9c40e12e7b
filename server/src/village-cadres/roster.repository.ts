// The rosters a village meeting is held against (SQL only): who is due at each body on a day, from the
// real registers — the party committee and the two committees (cadre posts), the full members of the
// village's party organization, the representatives, the supervision committee, and the registered
// adult villagers and households of the village or of one villager group. Callers pass a village
// already verified inside the actor's scope.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { BodyKind } from '../deliberation/domain/templates.ts';
import type { DB } from '../platform/db/schema.ts';

export interface RosterPerson {
  kind: 'member' | 'cadre' | 'representative';
  id: number;
  name: string;
  /** the post or group role, a code */
  role: string;
}

export type Roster =
  | { kind: 'named'; people: RosterPerson[] }
  | { kind: 'counted'; adults: number; households: number; gridId: number | null }
  | { kind: 'none' };

type Db = Kysely<DB> | Transaction<DB>;

export interface VillageRef {
  id: number;
  path: string;
}

/** Posts held on `on` (a later election or an end closes a post; a term past its end runs until then). */
function postsOn(db: Db, villageId: number, on: string, committees: readonly string[]) {
  return db
    .selectFrom('cadre_post')
    .innerJoin('village_cadre', 'village_cadre.id', 'cadre_post.cadre_id')
    .select(['village_cadre.id', 'village_cadre.name', 'cadre_post.post', 'cadre_post.committee'])
    .where('cadre_post.org_id', '=', villageId)
    .where('cadre_post.committee', 'in', committees as never)
    .where('cadre_post.term_start', '<=', on)
    .where((eb) => eb.or([eb('cadre_post.ended_on', 'is', null), eb('cadre_post.ended_on', '>', on)]))
    .orderBy('cadre_post.post')
    .orderBy('village_cadre.id')
    .execute();
}

function byPerson(rows: { id: number; name: string; post: string }[]): RosterPerson[] {
  const out = new Map<number, RosterPerson>();
  for (const r of rows) {
    const id = Number(r.id);
    const seen = out.get(id);
    if (seen) seen.role = `${seen.role},${r.post}`;
    else out.set(id, { kind: 'cadre', id, name: r.name, role: r.post });
  }
  return [...out.values()];
}

async function representativesOn(
  db: Db,
  villageId: number,
  on: string,
  gridId: number | null,
  leadersOnly = false,
) {
  let q = db
    .selectFrom('village_representative')
    .select(['id', 'name', 'group_role'])
    .where('org_id', '=', villageId)
    .where('term_start', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]));
  if (gridId !== null) q = q.where('grid_id', '=', gridId);
  if (leadersOnly) q = q.where('group_role', 'in', ['group_leader', 'group_party_leader']);
  const rows = await q.orderBy('grid_id').orderBy('id').execute();
  return rows.map(
    (r): RosterPerson => ({ kind: 'representative', id: Number(r.id), name: r.name, role: r.group_role }),
  );
}

async function registerOf(db: Db, villageId: number, gridId: number | null) {
  const row = await db
    .selectFrom('village_register')
    .select(['adults', 'households'])
    .where('org_id', '=', villageId)
    .where(sql<number>`coalesce(grid_id, 0)`, '=', gridId ?? 0)
    .executeTakeFirst();
  return row
    ? { adults: Number(row.adults), households: Number(row.households) }
    : { adults: 0, households: 0 };
}

/** Who is due at `body` of the village on `on` (a villager group's bodies need its grid). */
export async function rosterOf(
  db: Db,
  village: VillageRef,
  body: BodyKind,
  on: string,
  gridId: number | null,
): Promise<Roster> {
  switch (body) {
    case 'party_committee':
      return { kind: 'named', people: byPerson(await postsOn(db, village.id, on, ['party'])) };
    case 'village_committees':
      return { kind: 'named', people: byPerson(await postsOn(db, village.id, on, ['party', 'villagers'])) };
    case 'supervision_committee':
      return { kind: 'named', people: byPerson(await postsOn(db, village.id, on, ['supervision'])) };
    case 'representative_meeting': {
      const reps = await representativesOn(db, village.id, on, null);
      const committee = byPerson(await postsOn(db, village.id, on, ['villagers']));
      return { kind: 'named', people: [...reps, ...committee] };
    }
    case 'group_leaders':
      return gridId === null
        ? { kind: 'none' }
        : { kind: 'named', people: await representativesOn(db, village.id, on, gridId, true) };
    case 'group_council':
      return gridId === null
        ? { kind: 'none' }
        : { kind: 'named', people: await representativesOn(db, village.id, on, gridId) };
    case 'party_assembly': {
      const rows = await db
        .selectFrom('member')
        .innerJoin('org as member_org', 'member_org.id', 'member.org_id')
        .select(['member.id', 'member.name'])
        .where('member_org.path', 'like', `${village.path}%`)
        .where('member.status', '=', 'full')
        .where('member.joined_on', '<=', on)
        .where((eb) => eb.or([eb('member.converted_on', 'is', null), eb('member.converted_on', '<=', on)]))
        .orderBy('member.id')
        .execute();
      return {
        kind: 'named',
        people: rows.map((r) => ({ kind: 'member', id: Number(r.id), name: r.name, role: 'full' })),
      };
    }
    case 'villager_meeting':
      return { kind: 'counted', ...(await registerOf(db, village.id, null)), gridId: null };
    case 'group_meeting':
      return gridId === null
        ? { kind: 'none' }
        : { kind: 'counted', ...(await registerOf(db, village.id, gridId)), gridId };
    case 'notice_board':
      return { kind: 'none' };
  }
}

/** 一肩挑: one person holds the party secretary's post and the committee director's post on `on`. */
export async function isOneShoulder(db: Db, villageId: number, on: string): Promise<boolean> {
  const rows = await postsOn(db, villageId, on, ['party', 'villagers']);
  const secretaries = new Set(rows.filter((r) => r.post === 'party_secretary').map((r) => Number(r.id)));
  return rows.some((r) => r.post === 'director' && secretaries.has(Number(r.id)));
}

/** Names of people by roster kind and id (for showing who attended). */
export async function namesOf(
  db: Db,
  ids: { members: number[]; cadres: number[]; representatives: number[] },
) {
  const [members, cadres, reps] = await Promise.all([
    ids.members.length
      ? db.selectFrom('member').select(['id', 'name']).where('id', 'in', ids.members).execute()
      : [],
    ids.cadres.length
      ? db.selectFrom('village_cadre').select(['id', 'name']).where('id', 'in', ids.cadres).execute()
      : [],
    ids.representatives.length
      ? db
          .selectFrom('village_representative')
          .select(['id', 'name'])
          .where('id', 'in', ids.representatives)
          .execute()
      : [],
  ]);
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [Number(r.id), r.name]));
  return { members: map(members), cadres: map(cadres), representatives: map(reps) };
}
