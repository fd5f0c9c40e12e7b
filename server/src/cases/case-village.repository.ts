// Case figures per village for other capabilities (the assessment of village secretaries, the weak-org
// check): the case loop's counts of each village under a scope over a span, in one grouped pass, with
// the same definitions as the statistics (domain/metrics.ts: 响应率, 按期结案率, 满意率), and one
// village's cases with what each contributed. Both start from the access layer's scoped.cases.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';

export interface VillageCaseCounts {
  received: number;
  respondedInTime: number;
  dueToClose: number;
  closedOnTime: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  petitions: number;
}

export interface CaseSpan {
  /** the village orgs under this path */
  basePath: string;
  /** created at or after */
  from: Date;
  /** created before */
  to: Date;
  /** the moment "due" and "closed" are judged at (default now) */
  now?: Date;
}

const villagesUnder = (db: Kysely<DB>, basePath: string) =>
  db
    .selectFrom('org as village_of_case')
    .select('village_of_case.id')
    .where('village_of_case.path', 'like', `${basePath}%`)
    .where('village_of_case.level', '=', 'village');

/** Counts of the cases of each village under the base created in [from, to). */
export async function caseCountsByVillage(
  db: Kysely<DB>,
  actor: Actor,
  span: CaseSpan,
): Promise<Map<number, VillageCaseCounts>> {
  const now = span.now ?? new Date();
  const nr = sql`civic_case.state <> 'rejected'`;
  const closed = sql`${nr} and civic_case.closed_at is not null and civic_case.closed_at <= ${now}`;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  const rows = await scoped
    .cases(db, actor)
    .where('civic_case.village_org_id', 'in', villagesUnder(db, span.basePath))
    .where('civic_case.created_at', '>=', span.from)
    .where('civic_case.created_at', '<', span.to)
    .select([
      'civic_case.village_org_id',
      sql<number>`count(*)::int`.as('received'),
      n(
        sql`civic_case.responded_at is not null and civic_case.responded_at <= ${now} and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by)`,
      ).as('respondedInTime'),
      n(
        sql`${nr} and ((civic_case.closed_at is not null and civic_case.closed_at <= ${now}) or civic_case.due_at <= ${now})`,
      ).as('dueToClose'),
      n(sql`${closed} and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at)`).as(
        'closedOnTime',
      ),
      n(sql`${nr} and civic_case.evaluation is not null`).as('evaluated'),
      n(sql`${nr} and civic_case.evaluation = 'satisfied'`).as('satisfied'),
      n(sql`${nr} and civic_case.evaluation = 'basically_satisfied'`).as('basicallySatisfied'),
      n(sql`civic_case.channel = 'petition'`).as('petitions'),
    ])
    .groupBy('civic_case.village_org_id')
    .execute();
  const out = new Map<number, VillageCaseCounts>();
  for (const r of rows) {
    if (r.village_org_id === null) continue;
    out.set(Number(r.village_org_id), {
      received: Number(r.received),
      respondedInTime: Number(r.respondedInTime),
      dueToClose: Number(r.dueToClose),
      closedOnTime: Number(r.closedOnTime),
      evaluated: Number(r.evaluated),
      satisfied: Number(r.satisfied),
      basicallySatisfied: Number(r.basicallySatisfied),
      petitions: Number(r.petitions),
    });
  }
  return out;
}

export type VillageCaseFilter = 'received' | 'due_to_close' | 'evaluated';

/**
 * One village's cases of [from, to), newest first, with what each counts for: responded in time,
 * due to close and closed on time, the evaluation. `filter` keeps the cases of one figure's denominator.
 */
export async function villageCaseRecords(
  db: Kysely<DB>,
  actor: Actor,
  villageOrgId: number,
  span: Omit<CaseSpan, 'basePath'>,
  filter: VillageCaseFilter,
  page: number,
  pageSize: number,
) {
  const now = span.now ?? new Date();
  let q = scoped
    .cases(db, actor)
    .where('civic_case.village_org_id', '=', villageOrgId)
    .where('civic_case.created_at', '>=', span.from)
    .where('civic_case.created_at', '<', span.to);
  if (filter === 'due_to_close')
    q = q.where(
      sql<boolean>`civic_case.state <> 'rejected' and ((civic_case.closed_at is not null and civic_case.closed_at <= ${now}) or civic_case.due_at <= ${now})`,
    );
  if (filter === 'evaluated')
    q = q.where('civic_case.state', '<>', 'rejected').where('civic_case.evaluation', 'is not', null);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .leftJoin('grid', 'grid.id', 'civic_case.grid_id')
      .select([
        'civic_case.id',
        'civic_case.case_no',
        'civic_case.title',
        'civic_case.state',
        'civic_case.channel',
        'civic_case.created_at',
        'civic_case.closed_at',
        'civic_case.evaluation',
        'grid.name as grid_name',
        sql<boolean>`civic_case.responded_at is not null and civic_case.responded_at <= ${now} and (civic_case.respond_by is null or civic_case.responded_at <= civic_case.respond_by)`.as(
          'responded_in_time',
        ),
        sql<boolean>`civic_case.closed_at is not null and civic_case.closed_at <= ${now} and (civic_case.due_at is null or civic_case.closed_at <= civic_case.due_at)`.as(
          'closed_on_time',
        ),
      ])
      .orderBy('civic_case.created_at', 'desc')
      .orderBy('civic_case.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      caseNo: r.case_no,
      title: r.title,
      state: r.state,
      channel: r.channel,
      gridName: r.grid_name,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      evaluation: r.evaluation,
      respondedInTime: Boolean(r.responded_in_time),
      closedOnTime: Boolean(r.closed_on_time),
    })),
  };
}
