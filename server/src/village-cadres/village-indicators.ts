// Read functions for the assessment of village secretaries (issue 15) and anyone who needs the same
// figures: per village org under a base path inside the actor's scope (the caller verifies the base
// with the access layer; every query starts from scoped.*).
//   decisionValidity      — matters proposed in a year: valid, invalid, pending; rate = valid / (valid + invalid)
//   publicationCompliance — 村务公开 items due in a year up to today: on time, late, overdue; rate = on time / due
//   secretaryTenure       — the village party secretary on a day (from the cadre posts that 换届 writes),
//                           or since when the post has been vacant
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import * as repo from './village-indicators.repository.ts';

const rate = (num: number, den: number) => (den === 0 ? null : num / den);

export interface DecisionValidity {
  matters: number;
  valid: number;
  invalid: number;
  pending: number;
  /** valid / (valid + invalid), 0–1; null when none was decided */
  rate: number | null;
}

export async function decisionValidity(
  db: Db,
  actor: Actor,
  q: { basePath: string; year: number },
): Promise<Map<number, DecisionValidity>> {
  const rows = await repo.validityPerVillage(db, actor, q.basePath, q.year);
  return new Map(
    rows.map((r) => {
      const valid = Number(r.valid);
      const invalid = Number(r.invalid);
      return [
        Number(r.org_id),
        {
          matters: Number(r.matters),
          valid,
          invalid,
          pending: Number(r.pending),
          rate: rate(valid, valid + invalid),
        },
      ];
    }),
  );
}

export interface PublicationCompliance {
  due: number;
  onTime: number;
  late: number;
  overdue: number;
  /** on time / due, 0–1; null when nothing was due */
  rate: number | null;
}

export async function publicationCompliance(
  db: Db,
  actor: Actor,
  q: { basePath: string; year: number; today: string },
): Promise<Map<number, PublicationCompliance>> {
  const rows = await repo.publicationPerVillage(db, actor, q.basePath, q.year, q.today);
  return new Map(
    rows.map((r) => {
      const due = Number(r.due);
      const onTime = Number(r.on_time);
      return [
        Number(r.org_id),
        { due, onTime, late: Number(r.late), overdue: Number(r.overdue), rate: rate(onTime, due) },
      ];
    }),
  );
}

export interface SecretaryTenure {
  secretary: {
    cadreId: number;
    name: string;
    memberId: number | null;
    since: string;
    termEnd: string;
  } | null;
  /** when no one holds the post on the day: the day the last holder left (null if never recorded) */
  vacantSince: string | null;
}

export async function secretaryTenure(
  db: Db,
  actor: Actor,
  q: { basePath: string; on: string },
): Promise<Map<number, SecretaryTenure>> {
  const rows = await repo.secretaryPosts(db, actor, q.basePath);
  const out = new Map<number, SecretaryTenure>();
  for (const r of rows) {
    const orgId = Number(r.org_id);
    if (r.term_start > q.on) continue;
    const holding = r.ended_on === null || r.ended_on > q.on;
    const prev = out.get(orgId);
    if (holding)
      out.set(orgId, {
        secretary: {
          cadreId: Number(r.cadre_id),
          name: r.name,
          memberId: r.member_id === null ? null : Number(r.member_id),
          since: r.term_start,
          termEnd: r.term_end,
        },
        vacantSince: null,
      });
    else if (!prev?.secretary) out.set(orgId, { secretary: null, vacantSince: r.ended_on });
  }
  return out;
}
