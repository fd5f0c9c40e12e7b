// The demo of issue 15, deterministic from the seed and dated up to the seeding day: village categories;
// collective incomes and the registers (economy-demo.ts); last year's 擂台赛
// (contest-demo.ts); two years of assessments — last year's taken over from the paper ledgers
// and published (with appeals), this year's computed from the platform's records in six counties at
// every stage (江海区's left for its county to run); the weak-org lists with ledgers in every state
// (weak-org-demo.ts).
import type { Kysely, Transaction } from 'kysely';
import { decideAppeal, fileAppeal } from '../../assessment/appeal.service.ts';
import { saveRound } from '../../assessment/assessment.repository.ts';
import {
  ASSESSMENT_SETTINGS_DEFAULTS,
  type AssessmentSettings,
} from '../../assessment/domain/assessment-settings.ts';
import { buildRound, computeFigures, periodOfYear } from '../../assessment/grading.service.ts';
import { type VillageRef, villageSecretaries, villagesUnder } from '../../assessment/village.repository.ts';
import { type Actor, makeActor } from '../../platform/access/actor.ts';
import type { DB, Role } from '../../platform/db/schema.ts';
import type { Write } from '../../platform/http/route.ts';
import { addDays } from '../../recruitment/domain/dates.ts';
import { createRng } from '../random.ts';
import { seedContests } from './contest-demo.ts';
import { type DemoVillage, seedCollectiveEconomy } from './economy-demo.ts';
import { ledgerFigures, manualEntry } from './ledger-year-demo.ts';
import { seedWeakOrgs } from './weak-org-demo.ts';

type Tx = Transaction<DB> | Kysely<DB>;

/** This year's round of each county: its stage (江海区 440704 has none: its county runs it). */
export const DEMO_ROUND_STAGE: Record<string, 'published' | 'approved' | 'partly_reviewed' | 'computed'> = {
  '440703': 'published',
  '440705': 'published',
  '440781': 'approved',
  '440783': 'published',
  '440784': 'partly_reviewed',
  '440785': 'computed',
};

function categoryFor(v: DemoVillage, townKind: string, r: number): string {
  if (v.divisionKind === 'community') return 'community';
  if (townKind === 'street') return r < 0.7 ? 'urban_village' : 'suburban';
  const c = v.countyCode;
  const pick = (table: [string, number][]) => {
    let acc = 0;
    for (const [cat, w] of table) {
      acc += w;
      if (r < acc) return cat;
    }
    return table[table.length - 1]?.[0] ?? 'farming';
  };
  if (c === '440703' || c === '440704')
    return pick([
      ['suburban', 0.6],
      ['farming', 0.4],
    ]);
  if (c === '440705')
    return pick([
      ['suburban', 0.3],
      ['farming', 0.55],
      ['overseas', 0.15],
    ]);
  if (c === '440784')
    return pick([
      ['farming', 0.5],
      ['mountain', 0.25],
      ['suburban', 0.2],
      ['overseas', 0.05],
    ]);
  return pick([
    ['overseas', 0.45],
    ['farming', 0.35],
    ['mountain', 0.15],
    ['suburban', 0.05],
  ]);
}

async function accountsByName(tx: Tx, names: string[]) {
  const rows = await tx
    .selectFrom('account')
    .select(['id', 'username'])
    .where('username', 'in', names)
    .execute();
  return new Map(rows.map((r) => [r.username, Number(r.id)]));
}

/** An actor for the demo's service calls (the org's demo account). */
async function actorOf(tx: Tx, code: string, role: Role): Promise<Actor> {
  const org = await tx
    .selectFrom('org')
    .select(['id', 'path', 'county_code'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const account = await tx
    .selectFrom('account')
    .select('id')
    .where('username', '=', code)
    .executeTakeFirstOrThrow();
  return makeActor({
    accountId: Number(account.id),
    username: code,
    displayName: code,
    role,
    scopeOrgId: Number(org.id),
    scopePath: org.path,
    scopeCountyCode: org.county_code,
    mustChangePassword: false,
    clientIp: '127.0.0.1',
  });
}

export async function seedAssessmentDemo(tx: Transaction<DB>, options: { seed: number; today: string }) {
  const { today } = options;
  const year = Number(today.slice(0, 4));
  const last = year - 1;
  const rng = createRng(options.seed, 'assessment');
  const settings: AssessmentSettings = ASSESSMENT_SETTINGS_DEFAULTS;
  const city = await actorOf(tx, '4407', 'org_admin');
  const refs = await villagesUnder(tx, city, city.scopePath);
  const towns = await tx
    .selectFrom('org')
    .leftJoin('division', 'division.code', 'org.division_code')
    .select(['org.id', 'org.code', 'org.short_name', 'division.kind'])
    .where('org.level', '=', 'town')
    .execute();
  const townOf = new Map(towns.map((t) => [Number(t.id), t]));
  const villages: (DemoVillage & { ref: VillageRef })[] = refs.map((r) => {
    const t = townOf.get(r.townId);
    return {
      id: r.id,
      code: r.code,
      shortName: r.shortName,
      townId: r.townId,
      townCode: t?.code ?? '',
      townShort: (t?.short_name ?? '').replace(/党(工)?委$/, ''),
      countyCode: r.countyCode,
      divisionKind: r.divisionKind,
      ref: r,
    };
  });
  // categories, and each village's latent quality (how well its work goes)
  const quality = new Map<number, number>();
  const categories = villages.map((v) => {
    quality.set(v.id, rng.normal());
    return {
      org_id: v.id,
      county_code: v.countyCode,
      category: categoryFor(v, townOf.get(v.townId)?.kind ?? 'town', rng.next()),
    };
  });
  await tx.insertInto('village_category').values(categories).execute();
  for (const v of villages) v.ref.category = categories.find((c) => c.org_id === v.id)?.category ?? null;

  const economy = await seedCollectiveEconomy(tx, { seed: options.seed, today, villages });
  const contests = await seedContests(tx, { seed: options.seed, today, villages, quality });

  const counties = [...new Set(villages.map((v) => v.countyCode))].sort();
  const accounts = await accountsByName(tx, [...counties, ...towns.map((t) => t.code)]);
  const countyOrg = new Map(
    (await tx.selectFrom('org').select(['id', 'code']).where('code', 'in', counties).execute()).map((o) => [
      o.code,
      Number(o.id),
    ]),
  );
  const members = new Map(
    (await tx.selectFrom('org').select(['id', 'member_count']).where('level', '=', 'village').execute()).map(
      (o) => [Number(o.id), Number(o.member_count)],
    ),
  );
  const incomes = await tx
    .selectFrom('collective_income')
    .select(['org_id', 'year', 'source', 'amount_fen'])
    .where('year', 'in', [last - 1, last])
    .where('source', '<>', 'subsidy')
    .execute();
  const operating = new Map<string, number>();
  for (const i of incomes)
    operating.set(
      `${i.org_id}:${i.year}`,
      (operating.get(`${i.org_id}:${i.year}`) ?? 0) + Number(i.amount_fen),
    );
  const manualCodes = settings.indicators.filter((i) => i.source === 'manual').map((i) => i.code);
  const clampDay = (d: string) => (d < today ? d : addDays(today, -1));
  const at = (d: string, h = 10) => new Date(`${clampDay(d)}T${String(h).padStart(2, '0')}:00:00+08:00`);

  // —— last year: from the paper ledgers, published in February, a few appeals rejected
  const lastSecretaries = await villageSecretaries(tx, city, city.scopePath, refs, `${last}-12-31`);
  const ledgerRounds: number[] = [];
  for (const county of counties) {
    const own = villages.filter((v) => v.countyCode === county);
    const figures = new Map(
      own.map((v) => [
        v.id,
        ledgerFigures(rng, quality.get(v.id) ?? 0, Math.max(3, members.get(v.id) ?? 10), {
          current: operating.get(`${v.id}:${last}`) ?? null,
          previous: operating.get(`${v.id}:${last - 1}`) ?? null,
        }),
      ]),
    );
    const townAccount = (v: DemoVillage) => accounts.get(v.townCode) ?? null;
    const manual = new Map(
      own.map((v) => [
        v.id,
        new Map(manualCodes.map((c) => [c, manualEntry(rng, quality.get(v.id) ?? 0, c)])),
      ]),
    );
    const built = buildRound(
      settings,
      last,
      own.map((v) => v.ref),
      (orgId, i) => figures.get(orgId)?.[i] ?? null,
      (orgId, i) => {
        const m = manual.get(orgId)?.get(i);
        const v = own.find((x) => x.id === orgId);
        return m && v ? { ...m, enteredBy: townAccount(v), enteredAt: at(`${year}-01-15`) } : null;
      },
      lastSecretaries,
    );
    for (const a of built.assessments) {
      const v = own.find((x) => x.id === a.org_id);
      a.town_reviewed_at = at(`${year}-01-25`);
      a.town_reviewed_by = v ? townAccount(v) : null;
    }
    const roundId = await saveRound(
      tx,
      {
        county_org_id: countyOrg.get(county) as number,
        county_code: county,
        year: last,
        basis: 'ledger',
        state: 'published',
        settings,
        grade_lines: built.lines,
        computed_at: at(`${year}-01-10`),
        computed_by: accounts.get(county) ?? null,
        approved_at: at(`${year}-02-10`),
        approved_by: accounts.get(county) ?? null,
        published_at: at(`${year}-02-20`),
        published_by: accounts.get(county) ?? null,
        appeal_until: clampDay(`${year}-03-07`),
      },
      built.assessments,
      built.indicators,
    );
    ledgerRounds.push(roundId);
    const lowest = await tx
      .selectFrom('assessment')
      .select(['id', 'total', 'grade', 'county_code'])
      .where('round_id', '=', roundId)
      .where('grade', '=', 'third')
      .where('secretary_name', 'is not', null)
      .orderBy('total')
      .limit(2)
      .execute();
    for (const a of lowest)
      await tx
        .insertInto('assessment_appeal')
        .values({
          assessment_id: Number(a.id),
          county_code: a.county_code,
          indicator: 'case_satisfaction',
          reason: '本村群众满意率受一宗历史遗留征地纠纷影响，该纠纷已于年底化解，请求复核。',
          filed_at: at(`${year}-02-26`),
          state: 'rejected',
          decision: '经核查，满意率按全年已评价事件统计，计分依据充分，维持原考核结果。',
          decided_by: accounts.get(county) ?? null,
          decided_at: at(`${year}-03-05`),
          total_before: a.total,
          grade_before: a.grade,
        })
        .execute();
  }

  // —— this year: computed from the records in six counties, each at its stage
  const period = periodOfYear(year, today);
  const stages = counties.filter((c) => DEMO_ROUND_STAGE[c]);
  const computedVillages = refs.filter((r) => stages.includes(r.countyCode));
  const [figures, secretaries] = await Promise.all([
    computeFigures(tx, city, city.scopePath, period, computedVillages, settings),
    villageSecretaries(tx, city, city.scopePath, computedVillages, today),
  ]);
  const published: { county: string; roundId: number }[] = [];
  for (const county of stages) {
    const stage = DEMO_ROUND_STAGE[county];
    const own = villages.filter((v) => v.countyCode === county);
    const ownTowns = [...new Set(own.map((v) => v.townCode))].sort();
    const reviewedTowns = new Set(
      stage === 'computed'
        ? []
        : stage === 'partly_reviewed'
          ? ownTowns.slice(0, Math.ceil(ownTowns.length / 2))
          : ownTowns,
    );
    const built = buildRound(
      settings,
      year,
      own.map((v) => v.ref),
      (orgId, i) => figures.get(i)?.get(orgId) ?? null,
      (orgId, i) => {
        const v = own.find((x) => x.id === orgId);
        if (!v || !reviewedTowns.has(v.townCode)) return null;
        return {
          ...manualEntry(rng, quality.get(orgId) ?? 0, i),
          enteredBy: accounts.get(v.townCode) ?? null,
          enteredAt: at(addDays(today, -12)),
        };
      },
      secretaries,
    );
    for (const a of built.assessments) {
      const v = own.find((x) => x.id === a.org_id);
      if (v && reviewedTowns.has(v.townCode)) {
        a.town_reviewed_at = at(addDays(today, -10));
        a.town_reviewed_by = accounts.get(v.townCode) ?? null;
      }
    }
    const done = stage === 'published' || stage === 'approved';
    const roundId = await saveRound(
      tx,
      {
        county_org_id: countyOrg.get(county) as number,
        county_code: county,
        year,
        basis: 'computed',
        state: stage === 'published' ? 'published' : stage === 'approved' ? 'approved' : 'draft',
        settings,
        grade_lines: built.lines,
        computed_at: at(addDays(today, -14)),
        computed_by: accounts.get(county) ?? null,
        approved_at: done ? at(addDays(today, -6)) : null,
        approved_by: done ? (accounts.get(county) ?? null) : null,
        published_at: stage === 'published' ? at(addDays(today, -3)) : null,
        published_by: stage === 'published' ? (accounts.get(county) ?? null) : null,
        appeal_until: stage === 'published' ? addDays(today, settings.appealDays - 3) : null,
      },
      built.assessments,
      built.indicators,
    );
    if (stage === 'published') published.push({ county, roundId });
  }

  // appeals of this year through the services: in the first published county one decided, one open
  const write: Write = (fn) => fn(tx, async () => 0);
  const first = published[0];
  if (first) {
    const low = await tx
      .selectFrom('assessment')
      .innerJoin('org', 'org.id', 'assessment.org_id')
      .select(['assessment.id', 'org.code'])
      .where('assessment.round_id', '=', first.roundId)
      .where('assessment.secretary_name', 'is not', null)
      .where('org.code', 'not like', '440704%')
      .orderBy('assessment.total')
      .limit(2)
      .execute();
    const county = await actorOf(tx, first.county, 'org_admin');
    for (const [k, a] of low.entries()) {
      const secretary = await actorOf(tx, a.code, 'secretary');
      const filed = await fileAppeal(
        tx,
        write,
        secretary,
        Number(a.id),
        {
          reason:
            k === 0
              ? '本村 6 月台风期间集中处置的 12 件事件因系统断网延迟登记，导致按期结案率偏低，现提交处置记录，请求复核。'
              : '本村 10 月化解的两宗土地纠纷已有调解协议，镇街评分时尚未计入平安建设，请求复核。',
          indicator: k === 0 ? 'case_on_time' : 'safety',
        },
        today,
      );
      if (k === 0)
        await decideAppeal(tx, write, county, filed.id, {
          outcome: 'upheld',
          decision: '经核查处置记录属实，台风期间延迟登记的事件按实际处置时间计算，更正按期结案率得分。',
          corrections: [{ indicator: 'case_on_time', score: 95, note: '按实际处置时间重新计算' }],
        });
    }
  }
  const weakOrgs = await seedWeakOrgs(tx, {
    seed: options.seed,
    today,
    villages,
    quality,
    accounts,
    countyActor: (code) => actorOf(tx, code, 'org_admin'),
  });
  return {
    categories: categories.length,
    ...economy,
    ...contests,
    ledgerRounds: ledgerRounds.length,
    computedRounds: stages.length,
    ...weakOrgs,
  };
}
