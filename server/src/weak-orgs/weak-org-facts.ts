// What the records say about every village org under a base (a county, or the city) on a day, for the
// weak-org criteria: the secretary (vacant since), the last development candidate, the last 12 months
// of cases (satisfaction, petitions) and of organizational life, the 换届 term, the latest published
// assessment, and the 村务公开 items overdue this year (issue 14). The same sources as the assessment, so a hit here
// is a figure one can drill into there.
import { addTallies, orgLifeOfBranch } from '../assessment/domain/org-life-figures.ts';
import { lastCandidateByVillage, orgLifeInputs } from '../assessment/indicators/figures.repository.ts';
import { type VillageRef, villageSecretaries, villagesUnder } from '../assessment/village.repository.ts';
import { caseCountsByVillage } from '../cases/case-village.repository.ts';
import { CASE_SETTINGS_DEFAULTS, CASE_SETTINGS_KEY } from '../cases/domain/case-settings.ts';
import { readMeetingSettings } from '../meetings/meeting-common.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { addMonths, addYears, daysBetween } from '../recruitment/domain/dates.ts';
import { publicationCompliance } from '../village-cadres/village-indicators.ts';
import type { VillageFacts } from './domain/weak-org-rules.ts';
import {
  lastPublishedAssessments,
  latestVillageTerms,
  recruitmentRecordsSince,
} from './weak-org.repository.ts';

export async function villageFacts(
  db: Db,
  actor: Actor,
  basePath: string,
  today: string,
): Promise<{ villages: VillageRef[]; facts: Map<number, VillageFacts> }> {
  const villages = await villagesUnder(db, actor, basePath);
  const from = `${addMonths(today, -12).slice(0, 7)}-01`;
  const [
    secretaries,
    lastCandidate,
    since,
    cases,
    caseSettings,
    meetingSettings,
    inputs,
    terms,
    assessed,
    published,
  ] = await Promise.all([
    villageSecretaries(db, actor, basePath, villages, today),
    lastCandidateByVillage(db, actor, basePath),
    recruitmentRecordsSince(db, actor, basePath),
    caseCountsByVillage(db, actor, {
      basePath,
      from: new Date(`${from}T00:00:00+08:00`),
      to: new Date(`${today}T23:59:59.999+08:00`),
    }),
    readSetting(db, CASE_SETTINGS_KEY, CASE_SETTINGS_DEFAULTS),
    readMeetingSettings(db),
    orgLifeInputs(db, actor, basePath, from, today),
    latestVillageTerms(
      db,
      villages.map((v) => v.id),
    ),
    lastPublishedAssessments(db, actor, basePath),
    actor.permissions.has('village:read')
      ? publicationCompliance(db, actor, { basePath, year: Number(today.slice(0, 4)), today })
      : Promise.resolve(null),
  ]);
  const tallies = new Map<number, ReturnType<typeof orgLifeOfBranch>[]>();
  for (const b of inputs.branches) {
    const list = tallies.get(b.villageId) ?? [];
    list.push(orgLifeOfBranch(inputs.meetingsOf(b.id), b, meetingSettings, from, today));
    tallies.set(b.villageId, list);
  }
  const facts = new Map<number, VillageFacts>();
  for (const v of villages) {
    const c = cases.get(v.id);
    const life = addTallies(tallies.get(v.id) ?? []);
    const term = terms.get(v.id);
    const endsOn = term ? addYears(term.electedOn, term.termYears) : null;
    facts.set(v.id, {
      secretaryVacantSince: secretaries.get(v.id)?.vacantSince ?? null,
      lastCandidateOn: lastCandidate.get(v.id) ?? null,
      // "never" counts from when the recruitment records of the base begin (none yet: from today)
      recordsSince: since ?? today,
      evaluated: c?.evaluated ?? 0,
      satisfied:
        (c?.satisfied ?? 0) + (caseSettings.basicCountsAsSatisfied ? (c?.basicallySatisfied ?? 0) : 0),
      meetingsHeld: life.held,
      meetingsDue: life.due,
      electionOverdueDays: endsOn && endsOn < today ? daysBetween(endsOn, today) : null,
      lastAssessment: assessed.get(v.id) ?? null,
      petitions: c?.petitions ?? 0,
      publicationOverdue: published ? (published.get(v.id)?.overdue ?? 0) : null,
    });
  }
  return { villages, facts };
}
