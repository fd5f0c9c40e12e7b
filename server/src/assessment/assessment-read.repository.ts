// SQL of the grading's reads: the board of a scope (filtered, sorted, paged, with its summary by
// category, grade and town), one village's years, and the Excel rows. Every query starts from
// scoped.assessments; `states` limits the rounds a reader may see (a village sees published ones only).
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import { escapeLike } from '../platform/db/like.ts';
import type { DB } from '../platform/db/schema.ts';
import type { RoundState } from './assessment-tables.ts';

export interface BoardFilter {
  year: number;
  basePath: string;
  states: readonly RoundState[];
  category?: string | undefined;
  grade?: string | undefined;
  townId?: number | undefined;
  q?: string | undefined;
  sort?: 'total' | 'rank' | 'town' | undefined;
}

function boardQuery(db: Kysely<DB>, actor: Actor, f: BoardFilter) {
  let q = scoped
    .assessments(db, actor)
    .innerJoin('assessment_round', 'assessment_round.id', 'assessment.round_id')
    .innerJoin('org as board_town', 'board_town.id', 'assessment.town_org_id')
    .leftJoin('assessment_appeal', 'assessment_appeal.assessment_id', 'assessment.id')
    .where('assessed_org.path', 'like', `${f.basePath}%`)
    .where('assessment.year', '=', f.year)
    .where('assessment_round.state', 'in', [...f.states]);
  if (f.category) q = q.where('assessment.category', '=', f.category);
  if (f.grade) q = q.where('assessment.grade', '=', f.grade);
  if (f.townId) q = q.where('assessment.town_org_id', '=', f.townId);
  const text = f.q?.trim();
  if (text) {
    q = /^\d+$/.test(text)
      ? q.where('assessed_org.code', 'like', `${escapeLike(text)}%`)
      : /^[a-z]+$/i.test(text)
        ? q.where('assessed_org.pinyin_initials', 'like', `%${escapeLike(text.toLowerCase())}%`)
        : q.where((eb) =>
            eb.or([
              eb('assessed_org.name', 'like', `%${escapeLike(text)}%`),
              eb('assessment.secretary_name', 'like', `%${escapeLike(text)}%`),
            ]),
          );
  }
  return q;
}

type BoardQuery = ReturnType<typeof boardQuery>;

function sorted(q: BoardQuery, sort: BoardFilter['sort']): BoardQuery {
  if (sort === 'town')
    return q.orderBy('board_town.code').orderBy('assessment.total', 'desc').orderBy('assessment.id');
  if (sort === 'rank')
    return q.orderBy('assessment.category').orderBy('assessment.rank').orderBy('assessment.id') as BoardQuery;
  return q.orderBy('assessment.total', 'desc').orderBy('assessment.id');
}

const ROW = [
  'assessment.id',
  'assessment.org_id',
  'assessed_org.code as org_code',
  'assessed_org.name as org_name',
  'assessed_org.short_name as org_short_name',
  'assessment.town_org_id',
  'board_town.name as town_name',
  'assessment.county_code',
  'assessment.year',
  'assessment.category',
  'assessment.secretary_name',
  'assessment.total',
  'assessment.weight_used',
  'assessment.rank',
  'assessment.group_size',
  'assessment.grade',
  'assessment.allowance_fen',
  'assessment.town_reviewed_at',
  'assessment_round.state as round_state',
  'assessment_round.basis',
  'assessment_appeal.state as appeal_state',
] as const;

export async function boardPage(
  db: Kysely<DB>,
  actor: Actor,
  f: BoardFilter,
  page: number,
  pageSize: number,
) {
  const q = boardQuery(db, actor, f);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    sorted(q, f.sort)
      .select(ROW)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Every row of the board (the Excel export), at most `limit`. */
export function boardAll(db: Kysely<DB>, actor: Actor, f: BoardFilter, limit = 5000) {
  return sorted(boardQuery(db, actor, f), f.sort)
    .select(ROW)
    .limit(limit)
    .execute();
}

/** The board's summary: counts by category × grade, by town, the average and how many were reviewed or appealed. */
export async function boardSummary(db: Kysely<DB>, actor: Actor, f: BoardFilter) {
  const base = boardQuery(db, actor, {
    ...f,
    category: undefined,
    grade: undefined,
    townId: undefined,
    q: undefined,
  });
  const [byCategoryGrade, byTown, totals] = await Promise.all([
    base
      .select([
        'assessment.category',
        'assessment.grade',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`avg(assessment.total)::float8`.as('avg'),
      ])
      .groupBy(['assessment.category', 'assessment.grade'])
      .execute(),
    base
      .select([
        'assessment.town_org_id',
        'board_town.name as town_name',
        'assessment.grade',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`avg(assessment.total)::float8`.as('avg'),
        sql<number>`count(*) filter (where assessment.town_reviewed_at is null)::int`.as('unreviewed'),
      ])
      .groupBy(['assessment.town_org_id', 'board_town.name', 'board_town.code', 'assessment.grade'])
      .orderBy('board_town.code')
      .execute(),
    base
      .select([
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`coalesce(avg(assessment.total), 0)::float8`.as('avg'),
        sql<number>`count(*) filter (where assessment.town_reviewed_at is not null)::int`.as('reviewed'),
        sql<number>`count(assessment_appeal.id)::int`.as('appeals'),
        sql<number>`count(*) filter (where assessment.secretary_name is null)::int`.as('vacant'),
        sql<number>`coalesce(sum(assessment.allowance_fen), 0)::float8`.as('allowance'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { byCategoryGrade, byTown, totals };
}

/** The years of one village (verified) the reader may see, newest first. */
export function villageYears(db: Kysely<DB>, actor: Actor, orgId: number, states: readonly RoundState[]) {
  return scoped
    .assessments(db, actor)
    .innerJoin('assessment_round', 'assessment_round.id', 'assessment.round_id')
    .leftJoin('assessment_appeal', 'assessment_appeal.assessment_id', 'assessment.id')
    .where('assessment.org_id', '=', orgId)
    .where('assessment_round.state', 'in', [...states])
    .select([
      'assessment.id',
      'assessment.year',
      'assessment.category',
      'assessment.secretary_name',
      'assessment.total',
      'assessment.rank',
      'assessment.group_size',
      'assessment.grade',
      'assessment.allowance_fen',
      'assessment_round.state as round_state',
      'assessment_round.basis',
      'assessment_appeal.state as appeal_state',
    ])
    .orderBy('assessment.year', 'desc')
    .execute();
}

export type BoardRow = Awaited<ReturnType<typeof boardAll>>[number];
