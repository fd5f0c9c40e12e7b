// SQL of the external systems' side of the case loop (12345, 110, 信访): the system of an API key, and the
// case a system submitted, by its own external id, with its steps (what the system may poll).
// Every read is by the calling system's own key or code: the system sees only its own cases.
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** The active system whose API key hashes to this, if any. */
export function activeSystemByKeyHash(db: Kysely<DB>, keyHash: string) {
  return db
    .selectFrom('external_system')
    .select(['id', 'code', 'name'])
    .where('api_key_hash', '=', keyHash)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The case this system submitted under this external id, if any. */
export function caseOfSystem(db: Kysely<DB>, systemCode: string, externalId: string) {
  return db
    .selectFrom('civic_case')
    .select(['id', 'case_no', 'state'])
    .where('external_system', '=', systemCode)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** The steps of a case, oldest first (what its system may poll: action, state, note, time). */
export function stepsForSystem(db: Kysely<DB>, caseId: number) {
  return db
    .selectFrom('case_step')
    .select(['action', 'to_state', 'note', 'at'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
