// The SQL behind village-indicators.ts: per village org under a base path inside the actor's scope.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export function validityPerVillage(db: Kysely<DB>, actor: Actor, basePath: string, year: number) {
  return scoped
    .deliberations(db, actor)
    .where('village_org.path', 'like', `${basePath}%`)
    .where('deliberation.proposed_on', '>=', `${year}-01-01`)
    .where('deliberation.proposed_on', '<=', `${year}-12-31`)
    .select([
      'deliberation.org_id',
      (eb) => eb.fn.countAll<number>().as('matters'),
      sql<number>`count(*) filter (where deliberation.validity = 'valid')`.as('valid'),
      sql<number>`count(*) filter (where deliberation.validity = 'invalid')`.as('invalid'),
      sql<number>`count(*) filter (where deliberation.validity = 'pending')`.as('pending'),
    ])
    .groupBy('deliberation.org_id')
    .execute();
}

export function publicationPerVillage(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  year: number,
  today: string,
) {
  return scoped
    .publicationItems(db, actor)
    .where('village_org.path', 'like', `${basePath}%`)
    .where('publication_item.due_on', '>=', `${year}-01-01`)
    .where('publication_item.due_on', '<=', `${year}-12-31`)
    .where('publication_item.due_on', '<=', today)
    .select([
      'publication_item.org_id',
      (eb) => eb.fn.countAll<number>().as('due'),
      sql<number>`count(*) filter (where publication_item.published_on <= publication_item.due_on)`.as(
        'on_time',
      ),
      sql<number>`count(*) filter (where publication_item.published_on > publication_item.due_on)`.as('late'),
      sql<number>`count(*) filter (where publication_item.published_on is null)`.as('overdue'),
    ])
    .groupBy('publication_item.org_id')
    .execute();
}

/** Party secretary posts of the villages under the base: the current one, or the last one ended. */
export function secretaryPosts(db: Kysely<DB>, actor: Actor, basePath: string) {
  return scoped
    .villageCadres(db, actor)
    .innerJoin('cadre_post', 'cadre_post.cadre_id', 'village_cadre.id')
    .where('village_org.path', 'like', `${basePath}%`)
    .where('cadre_post.post', '=', 'party_secretary')
    .select([
      'cadre_post.org_id',
      'village_cadre.id as cadre_id',
      'village_cadre.name',
      'village_cadre.member_id',
      'cadre_post.term_start',
      'cadre_post.term_end',
      'cadre_post.ended_on',
    ])
    .orderBy('cadre_post.org_id')
    .orderBy('cadre_post.term_start')
    .execute();
}
