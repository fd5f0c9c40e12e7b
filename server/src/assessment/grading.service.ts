// 分级分档: a county (or the city, for all its counties at once) computes the year's assessment of its
// village secretaries. Every indicator's figures come from the sources (indicators/indicator-sources.ts)
// for all villages at once; each village is scored with its category's set; each county's villages are
// ranked and graded; one transaction writes every county's round with its audit row. A round stays
// open for the towns' review (draft) and may be recomputed until the county approves it; manual
// scores entered by the towns are kept.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, scoped, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Org } from '../platform/db/schema.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  manualEntries,
  type NewAssessment,
  type NewIndicator,
  roundOfCounty,
  saveRound,
} from './assessment.repository.ts';
import { assessmentErrors, ROUND_STATE_NAMES } from './assessment-errors.ts';
import { readAssessmentSettings } from './assessment-settings.service.ts';
import type { AssessmentSettings } from './domain/assessment-settings.ts';
import { type FigureIn, gradeCounty, type ManualIn, scoreVillage } from './domain/grading.ts';
import {
  type AssessmentPeriod,
  declaredNote,
  type Figure,
  SOURCES,
  sourceContext,
} from './indicators/indicator-sources.ts';
import {
  type VillageRef,
  type VillageSecretary,
  villageSecretaries,
  villagesUnder,
} from './village.repository.ts';

export function periodOfYear(year: number, today: string): AssessmentPeriod {
  const last = `${year}-12-31`;
  return { year, from: `${year}-01-01`, to: last < today ? last : today };
}

/** The category a village is assessed in: as classified, else the default of its kind. */
export function categoryOf(v: Pick<VillageRef, 'category' | 'divisionKind'>, s: AssessmentSettings): string {
  if (v.category && s.sets[v.category]) return v.category;
  return v.divisionKind === 'community' ? s.categoryOfCommunity : s.categoryOfVillage;
}

/** The counties a grading run covers: the actor's own county, or (the city) one or all of its counties. */
export async function countiesToGrade(
  db: Db,
  actor: Actor,
  countyOrgId?: number,
): Promise<{ me: Org; counties: Org[] }> {
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level === 'county') {
    if (countyOrgId !== undefined && countyOrgId !== me.id) await verifyOrg(db, actor, countyOrgId);
    return { me, counties: [me] };
  }
  if (me.level !== 'city') throw assessmentErrors.runLevel();
  if (countyOrgId !== undefined) {
    const county = await verifyOrg(db, actor, countyOrgId);
    if (county.level !== 'county') throw assessmentErrors.runLevel();
    return { me, counties: [county] };
  }
  const counties = await scoped
    .orgs(db, actor)
    .selectAll('org')
    .where('org.level', '=', 'county')
    .where('org.category', '=', 'territorial')
    .orderBy('org.code')
    .execute();
  return { me, counties };
}

/** Every indicator's figures for the villages (the sources the settings' sets use, computed once each). */
export async function computeFigures(
  db: Db,
  actor: Actor,
  basePath: string,
  period: AssessmentPeriod,
  villages: readonly VillageRef[],
  settings: AssessmentSettings,
): Promise<Map<string, Map<number, Figure>>> {
  const used = new Set(Object.values(settings.sets).flatMap((set) => set.map((w) => w.indicator)));
  const defs = settings.indicators.filter((i) => used.has(i.code) && i.source !== 'manual');
  const ctx = sourceContext({ db, actor, basePath, period, villages });
  const computed = await Promise.all(
    defs.map(async (d) => {
      const source = SOURCES[d.source];
      if (source.status === 'declared') {
        const note = declaredNote(source.origin);
        return [
          d.code,
          new Map(villages.map((v) => [v.id, { value: null, numerator: null, denominator: null, note }])),
        ] as const;
      }
      return [d.code, await source.compute(ctx)] as const;
    }),
  );
  return new Map(computed);
}

export interface BuiltRound {
  assessments: NewAssessment[];
  indicators: NewIndicator[];
  lines: Record<string, (number | null)[]>;
}

/** Scores and grades one county's villages (pure: figures, manual scores and secretaries given). */
export function buildRound(
  settings: AssessmentSettings,
  year: number,
  villages: readonly VillageRef[],
  figureOf: (orgId: number, indicator: string) => FigureIn | null,
  manualOf: (
    orgId: number,
    indicator: string,
  ) => (ManualIn & { evidence?: string; enteredBy?: number | null; enteredAt?: Date | null }) | null,
  secretaries: ReadonlyMap<number, VillageSecretary>,
): BuiltRound {
  const scored = villages.map((v) => {
    const category = categoryOf(v, settings);
    return {
      v,
      category,
      ...scoreVillage(
        settings,
        category,
        (i) => figureOf(v.id, i),
        (i) => manualOf(v.id, i),
      ),
    };
  });
  const { results, lines } = gradeCounty(
    scored.map((s) => ({ id: s.v.id, category: s.category, total: s.total })),
    settings,
  );
  const assessments: NewAssessment[] = [];
  const indicators: NewIndicator[] = [];
  for (const s of scored) {
    const g = results.get(s.v.id);
    if (!g) continue;
    const sec = secretaries.get(s.v.id);
    assessments.push({
      org_id: s.v.id,
      town_org_id: s.v.townId,
      county_code: s.v.countyCode,
      year,
      category: s.category,
      secretary_member_id: sec?.memberId ?? null,
      secretary_name: sec?.name ?? null,
      total: s.total,
      weight_used: s.weightUsed,
      rank: g.rank,
      group_size: g.groupSize,
      grade: settings.grades[g.grade]?.code ?? '',
      allowance_fen: sec?.name ? g.allowanceFen : 0,
      town_reviewed_at: null,
      town_reviewed_by: null,
    });
    for (const r of s.rows) {
      const m = manualOf(s.v.id, r.indicator);
      indicators.push({
        org_id: s.v.id,
        indicator: r.indicator,
        seq: r.seq,
        county_code: s.v.countyCode,
        weight: r.weight,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        score: r.score,
        contribution: r.contribution,
        note: r.note,
        evidence: m?.evidence ?? '',
        entered_by: m?.enteredBy ?? null,
        entered_at: m?.enteredAt ?? null,
      });
    }
  }
  return { assessments, indicators, lines };
}

export interface GradingInput {
  year: number;
  countyOrgId?: number | undefined;
}

/** Computes (or recomputes) the year's rounds of the counties the actor grades. */
export async function runGrading(
  db: Db,
  write: Write,
  actor: Actor,
  input: GradingInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const started = performance.now();
  const { me, counties } = await countiesToGrade(db, actor, input.countyOrgId);
  const currentYear = Number(today.slice(0, 4));
  if (input.year > currentYear) throw assessmentErrors.futureYear(input.year, currentYear);
  const rounds = await Promise.all(counties.map((c) => roundOfCounty(db, c.id, input.year)));
  const locked = counties.filter((_, k) => rounds[k] && rounds[k]?.state !== 'draft');
  if (locked.length) {
    const state = rounds.find((r) => r && r.state !== 'draft')?.state ?? 'approved';
    throw assessmentErrors.roundLocked(
      locked.map((c) => c.name),
      ROUND_STATE_NAMES[state],
    );
  }
  const settings = await readAssessmentSettings(db);
  const basePath = counties.length === 1 ? (counties[0] as Org).path : me.path;
  const period = periodOfYear(input.year, today);
  const villages = await villagesUnder(db, actor, basePath);
  const [figures, secretaries, manual] = await Promise.all([
    computeFigures(db, actor, basePath, period, villages, settings),
    villageSecretaries(db, actor, basePath, villages, period.to),
    Promise.all(rounds.map((r) => (r ? manualEntries(db, Number(r.id)) : null))),
  ]);
  const entered: Awaited<ReturnType<typeof manualEntries>> = new Map();
  for (const m of manual) if (m) for (const [orgId, entries] of m) entered.set(orgId, entries);
  const computedMs = Math.round(performance.now() - started);

  const built = counties.map((c) => {
    const own = villages.filter((v) => v.countyCode === c.county_code);
    return {
      county: c,
      villages: own.length,
      round: buildRound(
        settings,
        input.year,
        own,
        (orgId, i) => figures.get(i)?.get(orgId) ?? null,
        (orgId, i) => {
          const e = entered.get(orgId)?.get(i);
          return e
            ? {
                score: e.score,
                note: e.note,
                evidence: e.evidence,
                enteredBy: e.entered_by,
                enteredAt: e.entered_at,
              }
            : null;
        },
        secretaries,
      ),
    };
  });
  const now = new Date();
  const saved = await write(async (trx, audit) => {
    const out: {
      countyOrgId: number;
      countyName: string;
      roundId: number;
      villages: number;
      grades: Record<string, number>;
    }[] = [];
    for (const b of built) {
      const roundId = await saveRound(
        trx,
        {
          county_org_id: b.county.id,
          county_code: b.county.county_code ?? b.county.code,
          year: input.year,
          basis: 'computed',
          settings,
          grade_lines: b.round.lines,
          computed_at: now,
          computed_by: actor.accountId,
          approved_at: null,
          approved_by: null,
          published_at: null,
          published_by: null,
          appeal_until: null,
        },
        b.round.assessments,
        b.round.indicators,
      );
      const grades: Record<string, number> = {};
      for (const a of b.round.assessments) grades[a.grade] = (grades[a.grade] ?? 0) + 1;
      await audit({
        action: 'assessment.compute',
        targetType: 'assessment_round',
        targetId: roundId,
        countyCode: b.county.county_code,
        after: { year: input.year, villages: b.villages, grades, period },
      });
      out.push({
        countyOrgId: b.county.id,
        countyName: b.county.name,
        roundId,
        villages: b.villages,
        grades,
      });
    }
    return out;
  });
  return {
    year: input.year,
    period,
    counties: saved,
    villages: villages.length,
    ms: { figures: computedMs, total: Math.round(performance.now() - started) },
  };
}
