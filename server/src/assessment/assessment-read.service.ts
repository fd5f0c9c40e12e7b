// Reads of the grading: the board of a scope (a county's, a town's, the city's) with its rounds and
// summary; one village's assessment with every indicator's figure, score, reason and source, its
// appeal and its other years; a secretary's own years; the appeals of a year. A village reads only
// published results.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyAssessment, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { notFound } from '../platform/errors/errors.ts';
import { appealOf, appealsOfYear } from './appeal.repository.ts';
import { indicatorsOf, roundById, roundsOfYear, unreviewedByTown } from './assessment.repository.ts';
import { type BoardFilter, boardPage, boardSummary, villageYears } from './assessment-read.repository.ts';
import { readAssessmentSettings } from './assessment-settings.service.ts';
import type { RoundState } from './assessment-tables.ts';
import type { AssessmentSettings } from './domain/assessment-settings.ts';
import { groupKeyOf } from './domain/grading.ts';
import { SOURCES } from './indicators/indicator-sources.ts';

const ALL: RoundState[] = ['draft', 'approved', 'published'];

/** The round states a reader may see: a village only published results; towns and above all. */
export async function visibleStates(db: Db, actor: Actor): Promise<RoundState[]> {
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  return me.level === 'village' || me.level === 'grid' ? ['published'] : ALL;
}

export interface BoardQuery {
  year: number;
  orgId?: number | undefined;
  category?: string | undefined;
  grade?: string | undefined;
  townId?: number | undefined;
  q?: string | undefined;
  sort?: 'total' | 'rank' | 'town' | undefined;
  page: number;
  pageSize: number;
}

/** Names of the categories, grades and indicators of a set of settings (for every page's labels). */
export function namesOf(s: AssessmentSettings) {
  return {
    categories: s.categories.map((c) => ({ code: c.code, name: c.name })),
    grades: s.grades.map((g) => ({
      code: g.code,
      name: g.name,
      share: g.share,
      minScore: g.minScore,
      annualBonusFen: g.annualBonusFen,
      monthlyFen: g.monthlyFen,
    })),
    method: s.method,
    distributionGroup: s.distributionGroup,
  };
}

export async function board(db: Db, actor: Actor, query: BoardQuery) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const states = await visibleStates(db, actor);
  const filter: BoardFilter = { ...query, basePath: scope.path, states };
  const [page, summary, rounds, current] = await Promise.all([
    boardPage(db, actor, filter, query.page, query.pageSize),
    boardSummary(db, actor, filter),
    roundsOfYear(db, actor, query.year),
    readAssessmentSettings(db),
  ]);
  // the rounds of counties inside the scope, or the county above it
  const mine = rounds.filter(
    (r) => r.county_path.startsWith(scope.path) || scope.path.startsWith(r.county_path),
  );
  const settings = mine[0]?.settings ?? current;
  const roundRows = await Promise.all(
    mine.map(async (r) => ({
      id: Number(r.id),
      countyOrgId: Number(r.county_org_id),
      countyName: r.county_name,
      year: r.year,
      state: r.state,
      basis: r.basis,
      computedAt: r.computed_at,
      approvedAt: r.approved_at,
      publishedAt: r.published_at,
      appealUntil: r.appeal_until,
      unreviewed: (await unreviewedByTown(db, Number(r.id))).map((t) => ({
        townId: Number(t.id),
        name: t.name,
        n: Number(t.n),
      })),
    })),
  );
  return {
    scope: { id: scope.id, name: scope.name, level: scope.level },
    year: query.year,
    rounds: states.length === 1 ? roundRows.filter((r) => r.state === 'published') : roundRows,
    ...namesOf(settings),
    summary: {
      villages: Number(summary.totals.n),
      average: Math.round(Number(summary.totals.avg) * 100) / 100,
      reviewed: Number(summary.totals.reviewed),
      appeals: Number(summary.totals.appeals),
      vacant: Number(summary.totals.vacant),
      allowanceFen: Number(summary.totals.allowance),
      byCategoryGrade: summary.byCategoryGrade.map((r) => ({
        category: r.category,
        grade: r.grade,
        n: Number(r.n),
        average: Math.round(Number(r.avg) * 100) / 100,
      })),
      byTown: summary.byTown.map((r) => ({
        townId: Number(r.town_org_id),
        name: r.town_name,
        grade: r.grade,
        n: Number(r.n),
        average: Math.round(Number(r.avg) * 100) / 100,
        unreviewed: Number(r.unreviewed),
      })),
    },
    items: page.rows.map(boardItem),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function boardItem(r: Awaited<ReturnType<typeof boardPage>>['rows'][number]) {
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name, shortName: r.org_short_name },
    town: { id: Number(r.town_org_id), name: r.town_name },
    year: Number(r.year),
    category: r.category,
    secretaryName: r.secretary_name,
    total: Number(r.total),
    weightUsed: Number(r.weight_used),
    rank: Number(r.rank),
    groupSize: Number(r.group_size),
    grade: r.grade,
    allowanceFen: Number(r.allowance_fen),
    reviewed: r.town_reviewed_at !== null,
    roundState: r.round_state,
    basis: r.basis,
    appealState: r.appeal_state,
  };
}

/** One village's assessment: every indicator with its figure, score, reason and where it comes from. */
export async function assessmentDetail(db: Db, actor: Actor, id: number) {
  const a = await verifyAssessment(db, actor, id);
  const states = await visibleStates(db, actor);
  const round = await roundById(db, a.round_id);
  if (!round || !states.includes(round.state))
    throw notFound(
      'ASSESSMENT_NOT_PUBLISHED',
      '本年度考核结果尚未公布。',
      'This year’s result is not published yet.',
    );
  const [rows, appeal, years, town] = await Promise.all([
    indicatorsOf(db, a.id),
    appealOf(db, a.id),
    villageYears(db, actor, a.org_id, states),
    verifyOrg(db, actor, a.town_org_id).catch(() => null),
  ]);
  const s = round.settings;
  const key = groupKeyOf(s, a.category);
  return {
    id: Number(a.id),
    year: a.year,
    org: { id: Number(a.org_id), name: a.org_name },
    town: { id: Number(a.town_org_id), name: town?.name ?? '' },
    category: a.category,
    secretaryName: a.secretary_name,
    total: Number(a.total),
    weightUsed: Number(a.weight_used),
    rank: Number(a.rank),
    groupSize: Number(a.group_size),
    grade: a.grade,
    allowanceFen: Number(a.allowance_fen),
    reviewed: a.town_reviewed_at !== null,
    townComment: a.town_comment,
    round: {
      id: Number(round.id),
      state: round.state,
      basis: round.basis,
      computedAt: round.computed_at,
      publishedAt: round.published_at,
      appealUntil: round.appeal_until,
      lines: round.grade_lines[key] ?? [],
    },
    ...namesOf(s),
    indicators: rows.map((r) => {
      const def = s.indicators.find((d) => d.code === r.indicator);
      const source = def ? SOURCES[def.source] : null;
      return {
        indicator: r.indicator,
        name: def?.name ?? { zh: r.indicator, en: r.indicator },
        description: def?.description ?? { zh: '', en: '' },
        unit: def?.unit ?? 'score',
        source: def?.source ?? 'manual',
        origin: source?.origin ?? '',
        status: round.basis === 'ledger' ? ('ledger' as const) : (source?.status ?? 'ready'),
        weight: Number(r.weight),
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        score: r.score,
        contribution: r.contribution,
        note: r.note,
        evidence: r.evidence,
        enteredAt: r.entered_at,
      };
    }),
    appeal: appeal
      ? {
          id: Number(appeal.id),
          indicator: appeal.indicator,
          reason: appeal.reason,
          state: appeal.state,
          decision: appeal.decision,
          filedAt: appeal.filed_at,
          decidedAt: appeal.decided_at,
          totalBefore: appeal.total_before,
          gradeBefore: appeal.grade_before,
          totalAfter: appeal.total_after,
          gradeAfter: appeal.grade_after,
        }
      : null,
    history: years.map((y) => ({
      id: Number(y.id),
      year: Number(y.year),
      category: y.category,
      secretaryName: y.secretary_name,
      total: Number(y.total),
      rank: Number(y.rank),
      groupSize: Number(y.group_size),
      grade: y.grade,
      allowanceFen: Number(y.allowance_fen),
      roundState: y.round_state,
      basis: y.basis,
      appealState: y.appeal_state,
    })),
  };
}

/** A secretary's own village: its years (published), newest first, with names to read them by. */
export async function myAssessments(db: Db, actor: Actor) {
  requirePermission(actor, 'assessment:read');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  const [years, settings] = await Promise.all([
    villageYears(db, actor, me.id, ['published']),
    readAssessmentSettings(db),
  ]);
  return {
    org: { id: me.id, name: me.name, level: me.level },
    ...namesOf(settings),
    years: years.map((y) => ({
      id: Number(y.id),
      year: Number(y.year),
      category: y.category,
      secretaryName: y.secretary_name,
      total: Number(y.total),
      rank: Number(y.rank),
      groupSize: Number(y.group_size),
      grade: y.grade,
      allowanceFen: Number(y.allowance_fen),
      basis: y.basis,
      appealState: y.appeal_state,
    })),
  };
}

/** The appeals of a year in the scope (the county's list to decide). */
export async function appealList(db: Db, actor: Actor, year: number, state?: string) {
  requirePermission(actor, 'assessment:read');
  const rows = await appealsOfYear(db, actor, year, state);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      assessmentId: Number(r.assessment_id),
      orgName: r.org_name,
      townName: r.town_name,
      secretaryName: r.secretary_name,
      indicator: r.indicator,
      reason: r.reason,
      state: r.state,
      decision: r.decision,
      filedAt: r.filed_at,
      decidedAt: r.decided_at,
      totalBefore: r.total_before,
      gradeBefore: r.grade_before,
      totalAfter: r.total_after,
      gradeAfter: r.grade_after,
    })),
  };
}
