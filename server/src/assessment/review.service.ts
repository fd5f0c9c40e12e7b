// The life of a county's round after it is computed: the towns score the manual indicators (with
// evidence) and review their villages' results; the county approves (every town having reviewed),
// may reopen before publishing, and publishes — which opens the appeal window. A change of a score
// regrades the whole county at once (ranks, grades and lines move together).
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyAssessment, verifyOrg } from '../platform/access/scope.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  indicatorsOf,
  markReviewed,
  roundAssessmentsInScope,
  roundById,
  roundOfCounty,
  roundTotals,
  setAssessmentTotal,
  setContributions,
  setRoundLines,
  setRoundState,
  unreviewedByTown,
  updateGrades,
  updateIndicatorRows,
} from './assessment.repository.ts';
import { assessmentErrors, ROUND_STATE_NAMES } from './assessment-errors.ts';
import type { RoundState } from './assessment-tables.ts';
import type { AssessmentSettings } from './domain/assessment-settings.ts';
import { gradeCounty, indicatorDef } from './domain/grading.ts';
import { contributionOf, totalOf } from './domain/scoring.ts';

/** Regrades a round from its stored totals: ranks, grades, allowances and lines of every group. */
export async function regradeRound(trx: Trx, roundId: number, settings: AssessmentSettings) {
  const rows = await roundTotals(trx, roundId);
  const { results, lines } = gradeCounty(
    rows.map((r) => ({ id: Number(r.id), category: r.category, total: Number(r.total) })),
    settings,
  );
  const vacant = new Set(rows.filter((r) => r.secretary_name === null).map((r) => Number(r.id)));
  await updateGrades(
    trx,
    [...results.values()].map((g) => ({
      id: g.id,
      rank: g.rank,
      groupSize: g.groupSize,
      grade: settings.grades[g.grade]?.code ?? '',
      allowanceFen: vacant.has(g.id) ? 0 : g.allowanceFen,
    })),
  );
  await setRoundLines(trx, roundId, lines);
}

/** Recomputes one assessment's contributions and total from its indicator rows (after a score changed). */
export async function retotal(trx: Trx, assessmentId: number) {
  const rows = await indicatorsOf(trx, assessmentId);
  const { total, weightUsed } = totalOf(
    rows.map((r) => ({ weight: Number(r.weight), score: r.score === null ? null : Number(r.score) })),
  );
  await setContributions(
    trx,
    assessmentId,
    rows.map((r) => ({
      indicator: r.indicator,
      contribution: contributionOf(Number(r.weight), r.score === null ? null : Number(r.score), weightUsed),
    })),
  );
  await setAssessmentTotal(trx, assessmentId, total, weightUsed);
  return { total, weightUsed };
}

async function roundOfAssessment(db: Db, roundId: number) {
  const round = await roundById(db, roundId);
  if (!round) throw new Error(`assessment round ${roundId} is missing`);
  return round;
}

/** The actor's level (the org it acts for). */
async function levelOf(db: Db, actor: Actor) {
  return (await verifyOrg(db, actor, actor.scopeOrgId)).level;
}

export interface ManualScoreInput {
  score: number;
  evidence: string;
  note?: string | undefined;
}

/** A town (or the county) scores a manual indicator of one village, with its evidence. */
export async function enterManualScore(
  db: Db,
  write: Write,
  actor: Actor,
  assessmentId: number,
  indicator: string,
  input: ManualScoreInput,
) {
  requirePermission(actor, 'assessment:manage');
  const a = await verifyAssessment(db, actor, assessmentId, 'assessment:manage');
  const level = await levelOf(db, actor);
  if (!['town', 'county', 'city'].includes(level)) throw assessmentErrors.reviewLevel();
  const round = await roundOfAssessment(db, a.round_id);
  if (round.state !== 'draft') throw assessmentErrors.notDraft(ROUND_STATE_NAMES[round.state]);
  const rows = await indicatorsOf(db, a.id);
  const row = rows.find((r) => r.indicator === indicator);
  if (!row) throw assessmentErrors.indicatorNotInSet(indicator);
  const def = indicatorDef(round.settings, indicator);
  if (def.source !== 'manual') throw assessmentErrors.notManual(def.name.zh);
  const evidence = input.evidence.trim();
  if (!evidence) throw assessmentErrors.evidenceRequired();
  return write(async (trx, audit) => {
    await updateIndicatorRows(trx, a.id, [
      {
        indicator,
        score: input.score,
        value: input.score,
        contribution: null,
        note: input.note?.trim() ?? '',
        evidence,
        entered_by: actor.accountId,
        entered_at: new Date(),
      },
    ]);
    const after = await retotal(trx, a.id);
    await regradeRound(trx, round.id, round.settings);
    await audit({
      action: 'assessment.manual_score',
      targetType: 'assessment',
      targetId: a.id,
      countyCode: a.county_code,
      before: { indicator, score: row.score, evidence: row.evidence, total: a.total },
      after: { indicator, score: input.score, evidence, total: after.total },
    });
    return { id: a.id, indicator, score: input.score, total: after.total };
  });
}

export interface TownReviewInput {
  year: number;
  /** only these (default: every village of the town in the round) */
  assessmentIds?: number[] | undefined;
  comments?: { assessmentId: number; comment: string }[] | undefined;
}

/** A town confirms its villages' results of the year (审核), with comments where it has them. */
export async function reviewTown(db: Db, write: Write, actor: Actor, input: TownReviewInput) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level !== 'town' || me.parent_id === null) throw assessmentErrors.reviewLevel();
  const round = await roundOfCounty(db, me.parent_id, input.year);
  if (!round) throw assessmentErrors.noRound(input.year);
  if (round.state !== 'draft') throw assessmentErrors.notDraft(ROUND_STATE_NAMES[round.state]);
  const ids = await roundAssessmentsInScope(db, actor, round.id, input.assessmentIds);
  const comments = new Map((input.comments ?? []).map((c) => [c.assessmentId, c.comment.trim()]));
  return write(async (trx, audit) => {
    const n = await markReviewed(trx, ids, actor.accountId, comments);
    await audit({
      action: 'assessment.town_review',
      targetType: 'assessment_round',
      targetId: round.id,
      countyCode: round.county_code,
      after: { town: me.name, year: input.year, reviewed: n, comments: Object.fromEntries(comments) },
    });
    return { roundId: Number(round.id), reviewed: n };
  });
}

/** The round of a county the actor runs (its own county, or a county under the city). */
async function countyRound(db: Db, actor: Actor, countyOrgId: number | undefined, year: number) {
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  let countyId: number;
  if (me.level === 'county') countyId = me.id;
  else if (me.level === 'city' && countyOrgId !== undefined) {
    const c = await verifyOrg(db, actor, countyOrgId);
    if (c.level !== 'county') throw assessmentErrors.runLevel();
    countyId = c.id;
  } else throw assessmentErrors.runLevel();
  const round = await roundOfCounty(db, countyId, year);
  if (!round) throw assessmentErrors.noRound(year);
  return round;
}

export type RoundAction = 'approve' | 'reopen' | 'publish';
const ACTION_ZH: Record<RoundAction, string> = { approve: '审定', reopen: '退回审核', publish: '公布' };

/** The county approves (all towns reviewed), reopens (before publishing) or publishes its round. */
export async function moveRound(
  db: Db,
  write: Write,
  actor: Actor,
  input: { year: number; countyOrgId?: number | undefined; action: RoundAction },
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const round = await countyRound(db, actor, input.countyOrgId, input.year);
  const from = round.state;
  const expected: Record<RoundAction, RoundState> = {
    approve: 'draft',
    reopen: 'approved',
    publish: 'approved',
  };
  if (from !== expected[input.action])
    throw assessmentErrors.wrongState(ROUND_STATE_NAMES[from], ACTION_ZH[input.action]);
  if (input.action === 'approve') {
    const open = await unreviewedByTown(db, round.id);
    if (open.length) throw assessmentErrors.unreviewed(open.map((t) => ({ name: t.name, n: Number(t.n) })));
  }
  const now = new Date();
  const appealUntil = addDays(today, round.settings.appealDays);
  return write(async (trx, audit) => {
    const patch =
      input.action === 'approve'
        ? { state: 'approved' as const, approved_at: now, approved_by: actor.accountId }
        : input.action === 'reopen'
          ? { state: 'draft' as const, approved_at: null, approved_by: null }
          : {
              state: 'published' as const,
              published_at: now,
              published_by: actor.accountId,
              appeal_until: appealUntil,
            };
    if (!(await setRoundState(trx, round.id, round.version, patch))) throw assessmentErrors.changed();
    await audit({
      action: `assessment.${input.action}`,
      targetType: 'assessment_round',
      targetId: round.id,
      countyCode: round.county_code,
      before: { state: from },
      after: { state: patch.state, year: input.year, ...(input.action === 'publish' ? { appealUntil } : {}) },
    });
    return {
      roundId: Number(round.id),
      state: patch.state,
      ...(input.action === 'publish' ? { appealUntil } : {}),
    };
  });
}
