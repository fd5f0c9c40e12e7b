// Appeals (申诉): a village's secretary appeals the published result within the window, once a year,
// naming what is wrong; the county decides. Upheld: the named indicators' scores are corrected, the
// total recomputed and graded against the round's published score lines (the others keep their
// grades; ranks in the group move), the allowance follows the grade. Rejected: nothing changes.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyAssessment, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  appealInScope,
  appealOf,
  decideAppealRow,
  insertAppeal,
  rerankGroup,
  setAssessmentGrade,
} from './appeal.repository.ts';
import { indicatorsOf, roundById, updateIndicatorRows } from './assessment.repository.ts';
import { assessmentErrors } from './assessment-errors.ts';
import { groupKeyOf, indicatorDef } from './domain/grading.ts';
import { gradeByLines, yearlyAllowanceFen } from './domain/scoring.ts';
import { retotal } from './review.service.ts';

export interface AppealInput {
  reason: string;
  indicator?: string | undefined;
}

/** The secretary's appeal against the published result of the own village. */
export async function fileAppeal(
  db: Db,
  write: Write,
  actor: Actor,
  assessmentId: number,
  input: AppealInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:submit');
  const a = await verifyAssessment(db, actor, assessmentId);
  if (a.org_id !== actor.scopeOrgId) throw assessmentErrors.ownVillageOnly();
  const round = await roundById(db, a.round_id);
  if (round?.state !== 'published') throw assessmentErrors.notPublished();
  if (round.appeal_until && today > round.appeal_until)
    throw assessmentErrors.appealClosed(round.appeal_until);
  if (await appealOf(db, a.id)) throw assessmentErrors.appealExists();
  if (input.indicator && !(await indicatorsOf(db, a.id)).some((r) => r.indicator === input.indicator))
    throw assessmentErrors.indicatorNotInSet(input.indicator);
  return write(async (trx, audit) => {
    const id = await insertAppeal(trx, {
      assessment_id: a.id,
      county_code: a.county_code,
      indicator: input.indicator ?? null,
      reason: input.reason.trim(),
      filed_by: actor.accountId,
      total_before: a.total,
      grade_before: a.grade,
    });
    await audit({
      action: 'assessment.appeal',
      targetType: 'assessment_appeal',
      targetId: id,
      countyCode: a.county_code,
      after: { assessmentId: a.id, indicator: input.indicator ?? null, reason: input.reason.trim() },
    });
    return { id, state: 'open' as const };
  });
}

export interface DecisionInput {
  outcome: 'upheld' | 'rejected';
  decision: string;
  corrections?: { indicator: string; score: number; note?: string | undefined }[] | undefined;
}

/** The county's decision on an appeal. */
export async function decideAppeal(
  db: Db,
  write: Write,
  actor: Actor,
  appealId: number,
  input: DecisionInput,
) {
  requirePermission(actor, 'assessment:manage');
  const appeal = await appealInScope(db, actor, appealId, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level !== 'county' && me.level !== 'city') throw assessmentErrors.runLevel();
  if (appeal.state !== 'open') throw assessmentErrors.appealNotOpen();
  const round = await roundById(db, appeal.round_id);
  if (!round) throw new Error(`round ${appeal.round_id} is missing`);
  const corrections = input.outcome === 'upheld' ? (input.corrections ?? []) : [];
  if (input.outcome === 'upheld' && corrections.length === 0) throw assessmentErrors.correctionRequired();
  const rows = await indicatorsOf(db, appeal.assessment_id);
  for (const c of corrections)
    if (!rows.some((r) => r.indicator === c.indicator)) throw assessmentErrors.indicatorNotInSet(c.indicator);
  const decision = input.decision.trim();
  return write(async (trx, audit) => {
    let totalAfter: number | null = null;
    let gradeAfter: string | null = null;
    if (input.outcome === 'upheld') {
      await updateIndicatorRows(
        trx,
        appeal.assessment_id,
        corrections.map((c) => {
          const row = rows.find((r) => r.indicator === c.indicator);
          const def = indicatorDef(round.settings, c.indicator);
          return {
            indicator: c.indicator,
            score: c.score,
            value: def.source === 'manual' ? c.score : (row?.value ?? null),
            contribution: null,
            note: `申诉更正：原得分 ${row?.score ?? '—'}，更正为 ${c.score}${c.note?.trim() ? `（${c.note.trim()}）` : ''}`,
            evidence: row?.evidence ?? '',
            entered_by: actor.accountId,
            entered_at: new Date(),
          };
        }),
      );
      const { total, weightUsed } = await retotal(trx, appeal.assessment_id);
      const key = groupKeyOf(round.settings, appeal.category);
      const grade = gradeByLines(total, round.grade_lines[key] ?? []);
      const def = round.settings.grades[grade];
      gradeAfter = def?.code ?? appeal.grade_before;
      totalAfter = total;
      const a = await verifyAssessment(trx, actor, appeal.assessment_id);
      await setAssessmentGrade(trx, appeal.assessment_id, {
        total,
        weight_used: weightUsed,
        grade: gradeAfter,
        allowance_fen: a.secretary_name && def ? yearlyAllowanceFen(def) : 0,
      });
      await rerankGroup(
        trx,
        round.id,
        round.settings.distributionGroup === 'county' ? null : [appeal.category],
      );
    }
    if (
      !(await decideAppealRow(trx, appeal.id, {
        state: input.outcome,
        decision,
        decided_by: actor.accountId,
        total_after: totalAfter,
        grade_after: gradeAfter,
      }))
    )
      throw assessmentErrors.appealNotOpen();
    await audit({
      action: 'assessment.appeal_decision',
      targetType: 'assessment_appeal',
      targetId: appeal.id,
      countyCode: appeal.county_code,
      before: { state: 'open', total: appeal.total_before, grade: appeal.grade_before },
      after: { state: input.outcome, decision, corrections, total: totalAfter, grade: gradeAfter },
    });
    return { id: appeal.id, state: input.outcome, totalAfter, gradeAfter };
  });
}
