// The results of a village election written into the cadres' terms: the elected candidates (all
// cleared by 联审) take their posts for the term, the previous term's posts end, and the village party
// organization's new term and committee are recorded for the org checks (换届 due and overdue).
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { addYears, shanghaiToday } from '../recruitment/domain/dates.ts';
import * as cadres from './cadre.repository.ts';
import { readCadreSettings } from './cadre.service.ts';
import type { CadrePostKind } from './cadre-tables.ts';
import { POST_NAMES } from './domain/cadre-settings.ts';
import { checkResults } from './domain/election-rules.ts';
import * as repo from './election.repository.ts';
import { electionDetail } from './election.service.ts';

const POSITION: Partial<Record<CadrePostKind, 'secretary' | 'deputy_secretary' | 'member'>> = {
  party_secretary: 'secretary',
  party_deputy_secretary: 'deputy_secretary',
  party_committee_member: 'member',
};

export async function recordResults(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: { heldOn: string; elected: { candidateId: number; post: CadrePostKind }[] },
  today = shanghaiToday(),
) {
  const e = await repo.findElection(db, actor, id, 'village:supervise');
  if (e.status === 'held')
    throw conflict('ELECTION_HELD', `该村已于 ${e.held_on} 完成换届。`, `Held on ${e.held_on}.`);
  if (b.heldOn > today)
    throw unprocessable('ELECTION_DATE', `heldOn：${b.heldOn} 晚于今天。`, 'heldOn is after today.', {
      field: 'heldOn',
    });
  const s = await readCadreSettings(db);
  const candidates = await repo.candidatesForResults(db, e.id);
  const problem = checkResults(
    candidates.map((c) => ({
      id: Number(c.id),
      name: c.name,
      partyMember: c.party_member,
      review: c.review_status,
    })),
    b.elected,
  );
  if (problem)
    throw new AppError(422, problem.code, problem.zh, problem.en, {
      ...problem.details,
      field: (problem.details.field as string) ?? 'elected',
    });
  const byId = new Map(candidates.map((c) => [Number(c.id), c]));
  const termEnd = addYears(b.heldOn, s.termYears);
  await write(async (trx, audit) => {
    if (!(await repo.markHeld(trx, e.id, b.heldOn)))
      throw conflict('ELECTION_HELD', '该村已完成换届。', 'The election was held.');
    await cadres.endVillagePosts(trx, Number(e.org_id), b.heldOn, '换届');
    const cadreOf = new Map<number, number>();
    for (const x of b.elected) {
      const c = byId.get(x.candidateId);
      if (!c) continue;
      let cadreId = cadreOf.get(x.candidateId);
      if (cadreId === undefined) {
        cadreId = await cadres.insertCadre(trx, {
          org_id: Number(e.org_id),
          county_code: e.county_code,
          name: c.name,
          gender: c.gender,
          birth_date: c.birth_date,
          education: c.education,
          member_id: c.member_id === null ? null : Number(c.member_id),
          party_member: c.party_member,
        });
        cadreOf.set(x.candidateId, cadreId);
      }
      const def = POST_NAMES[x.post];
      await cadres.insertPost(trx, {
        cadre_id: cadreId,
        org_id: Number(e.org_id),
        county_code: e.county_code,
        committee: def?.committee ?? 'villagers',
        post: x.post,
        term_start: b.heldOn,
        term_end: termEnd,
        election_id: e.id,
      });
      await repo.markElected(trx, x.candidateId, x.post, cadreId);
    }
    const committee = b.elected
      .filter((x) => POSITION[x.post])
      .map((x) => ({
        member_id: byId.get(x.candidateId)?.member_id ?? null,
        name: byId.get(x.candidateId)?.name ?? '',
        position: POSITION[x.post] as 'secretary' | 'deputy_secretary' | 'member',
      }))
      .sort(
        (a, b2) =>
          ['secretary', 'deputy_secretary', 'member'].indexOf(a.position) -
          ['secretary', 'deputy_secretary', 'member'].indexOf(b2.position),
      );
    const termId = await repo.insertOrgTerm(
      trx,
      {
        org_id: Number(e.org_id),
        county_code: e.county_code,
        elected_on: b.heldOn,
        term_years: s.termYears,
        recorded_by_org_id: actor.scopeOrgId,
        recorded_by: actor.accountId,
      },
      committee,
    );
    await audit({
      action: 'election.results',
      targetType: 'village_election',
      targetId: e.id,
      countyCode: e.county_code,
      after: { heldOn: b.heldOn, termEnd, elected: b.elected, orgTermId: termId },
    });
  });
  return electionDetail(db, actor, e.id);
}
