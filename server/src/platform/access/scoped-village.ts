// Scoped starts of village decisions and power (issue 14): records of village orgs inside the
// subtree, and the county-wide lists (power items, 换届 rounds) of the counties the subtree lies in.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Permission } from './permissions.ts';
import { requirePermission, subtreePattern } from './subtree.ts';

export const villageScopes = {
  /** Village decisions (四议两公开) of villages inside the subtree (aliases `deliberation`, `village_org`). */
  deliberations(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('deliberation')
      .innerJoin('org as village_org', 'village_org.id', 'deliberation.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** 村务公开 items of villages inside the subtree (aliases `publication_item`, `village_org`). */
  publicationItems(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('publication_item')
      .innerJoin('org as village_org', 'village_org.id', 'publication_item.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Villagers' questions to villages inside the subtree (aliases `publication_question`, `village_org`). */
  publicationQuestions(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('publication_question')
      .innerJoin('org as village_org', 'village_org.id', 'publication_question.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Files uploaded by villages inside the subtree (aliases `village_attachment`, `village_org`). */
  villageAttachments(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_attachment')
      .innerJoin('org as village_org', 'village_org.id', 'village_attachment.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /**
   * Power list items (小微权力清单) of the counties the subtree lies in: a village or town reads its
   * county's list, the city every county's (alias `power_item`).
   */
  powerItems(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    const counties = db
      .selectFrom('org as scope_org')
      .select('scope_org.county_code')
      .where('scope_org.path', 'like', subtreePattern(actor))
      .where('scope_org.county_code', 'is not', null);
    return db
      .selectFrom('power_item')
      .where((eb) =>
        actor.scopeCountyCode
          ? eb('power_item.county_code', '=', actor.scopeCountyCode)
          : eb('power_item.county_code', 'in', counties),
      );
  },

  /** Power use records of villages inside the subtree (aliases `power_use`, `village_org`). */
  powerUses(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('power_use')
      .innerJoin('org as village_org', 'village_org.id', 'power_use.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Cadres of villages inside the subtree (aliases `village_cadre`, `village_org`). */
  villageCadres(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_cadre')
      .innerJoin('org as village_org', 'village_org.id', 'village_cadre.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Village representatives inside the subtree (aliases `village_representative`, `village_org`). */
  villageRepresentatives(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_representative')
      .innerJoin('org as village_org', 'village_org.id', 'village_representative.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Reserve cadres of villages inside the subtree (aliases `reserve_cadre`, `village_org`). */
  reserveCadres(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('reserve_cadre')
      .innerJoin('org as village_org', 'village_org.id', 'reserve_cadre.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Community workers and full-time grid workers on the ladder (aliases `community_worker`, `village_org`). */
  communityWorkers(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('community_worker')
      .innerJoin('org as village_org', 'village_org.id', 'community_worker.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** 换届 rounds of the counties the subtree lies in (alias `election_round`), as powerItems. */
  electionRounds(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    const counties = db
      .selectFrom('org as scope_org')
      .select('scope_org.county_code')
      .where('scope_org.path', 'like', subtreePattern(actor))
      .where('scope_org.county_code', 'is not', null);
    return db
      .selectFrom('election_round')
      .where((eb) =>
        actor.scopeCountyCode
          ? eb('election_round.county_code', '=', actor.scopeCountyCode)
          : eb('election_round.county_code', 'in', counties),
      );
  },

  /** Elections of villages inside the subtree (aliases `village_election`, `village_org`). */
  villageElections(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('village_election')
      .innerJoin('org as village_org', 'village_org.id', 'village_election.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },

  /** Candidates of elections of villages inside the subtree (aliases `election_candidate`, `village_org`). */
  electionCandidates(db: Kysely<DB>, actor: Actor, permission: Permission = 'village:read') {
    requirePermission(actor, permission);
    return db
      .selectFrom('election_candidate')
      .innerJoin('org as village_org', 'village_org.id', 'election_candidate.org_id')
      .where('village_org.path', 'like', subtreePattern(actor));
  },
};
