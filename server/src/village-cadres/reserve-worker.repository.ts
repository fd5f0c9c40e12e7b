// The SQL of reserve cadres (with their training and mentoring) and of community workers on the
// career ladder (with their hiring, training, assessments and promotions). Scoped through the access layer.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';

type Db = Kysely<DB> | Transaction<DB>;
type Perm = 'village:read' | 'village:manage' | 'village:supervise';

export async function listReserves(
  db: Kysely<DB>,
  actor: Actor,
  basePath: string,
  status: string | undefined,
  page: number,
  pageSize: number,
) {
  let q = scoped.reserveCadres(db, actor).where('village_org.path', 'like', `${basePath}%`);
  if (status) q = q.where('reserve_cadre.status', '=', status as never);
  const [items, count] = await Promise.all([
    q
      .select([
        'reserve_cadre.id',
        'reserve_cadre.name',
        'reserve_cadre.gender',
        'reserve_cadre.birth_date',
        'reserve_cadre.education',
        'reserve_cadre.party_member',
        'reserve_cadre.since',
        'reserve_cadre.mentor_name',
        'reserve_cadre.status',
        'village_org.id as org_id',
        'village_org.code as org_code',
        'village_org.name as org_name',
        sql<number>`(select coalesce(sum(a.hours), 0) from reserve_activity a where a.reserve_id = reserve_cadre.id and a.kind = 'training')`.as(
          'training_hours',
        ),
        sql<number>`(select count(*) from reserve_activity a where a.reserve_id = reserve_cadre.id and a.kind = 'mentoring')`.as(
          'mentoring',
        ),
      ])
      .orderBy('village_org.path')
      .orderBy('reserve_cadre.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findReserve(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: Perm = 'village:read',
) {
  const row = await scoped
    .reserveCadres(db as Kysely<DB>, actor, permission)
    .selectAll('reserve_cadre')
    .select(['village_org.code as org_code', 'village_org.name as org_name'])
    .where('reserve_cadre.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('reserve_cadre', unverifiedId);
  return row;
}

export function activitiesOf(db: Db, reserveId: number) {
  return db
    .selectFrom('reserve_activity')
    .select(['id', 'kind', 'on_date', 'title', 'hours', 'mentor_name'])
    .where('reserve_id', '=', reserveId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}

export async function insertReserve(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    name: string;
    gender: 'male' | 'female';
    birth_date: string | null;
    education: string;
    member_id: number | null;
    party_member: boolean;
    since: string;
    mentor_name: string;
    note: string;
  },
) {
  const row = await trx.insertInto('reserve_cadre').values(v).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertActivity(
  trx: Transaction<DB>,
  v: {
    reserve_id: number;
    county_code: string;
    kind: 'training' | 'mentoring' | 'practice';
    on_date: string;
    title: string;
    hours: number;
    mentor_name: string;
    recorded_by: number;
  },
) {
  const row = await trx.insertInto('reserve_activity').values(v).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function setReserveStatus(
  trx: Transaction<DB>,
  id: number,
  status: 'appointed' | 'left',
  on: string,
  note: string,
) {
  await trx.updateTable('reserve_cadre').set({ status, ended_on: on, note }).where('id', '=', id).execute();
}

const WORKER_COLUMNS = [
  'community_worker.id',
  'community_worker.org_id',
  'community_worker.county_code',
  'community_worker.grid_worker_id',
  'community_worker.name',
  'community_worker.gender',
  'community_worker.birth_date',
  'community_worker.education',
  'community_worker.tier',
  'community_worker.grade',
  'community_worker.grade_since',
  'community_worker.started_on',
  'community_worker.status',
  'village_org.code as org_code',
  'village_org.name as org_name',
] as const;

const hoursSince = sql<number>`(select coalesce(sum(e.hours), 0) from community_worker_event e
  where e.worker_id = community_worker.id and e.kind = 'training' and e.on_date >= community_worker.grade_since)`;
const lastAssessment = sql<string | null>`(select e.result from community_worker_event e
  where e.worker_id = community_worker.id and e.kind = 'assessment' order by e.on_date desc, e.id desc limit 1)`;

export async function listWorkers(
  db: Kysely<DB>,
  actor: Actor,
  f: { basePath: string; tier?: number | undefined; gridWorkers?: boolean | undefined },
  page: number,
  pageSize: number,
) {
  let q = scoped
    .communityWorkers(db, actor)
    .where('village_org.path', 'like', `${f.basePath}%`)
    .where('community_worker.status', '=', 'active');
  if (f.tier) q = q.where('community_worker.tier', '=', f.tier);
  if (f.gridWorkers !== undefined)
    q = q.where('community_worker.grid_worker_id', f.gridWorkers ? 'is not' : 'is', null);
  const [items, count] = await Promise.all([
    q
      .select([...WORKER_COLUMNS, hoursSince.as('hours_since'), lastAssessment.as('last_assessment')])
      .orderBy('village_org.path')
      .orderBy('community_worker.tier')
      .orderBy('community_worker.grade', 'desc')
      .orderBy('community_worker.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type WorkerRow = Awaited<ReturnType<typeof listWorkers>>['items'][number];

export async function findWorker(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: Perm = 'village:read',
) {
  const row = await scoped
    .communityWorkers(db as Kysely<DB>, actor, permission)
    .select([...WORKER_COLUMNS, hoursSince.as('hours_since'), lastAssessment.as('last_assessment')])
    .where('community_worker.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('community_worker', unverifiedId);
  return row;
}

export function eventsOf(db: Db, workerId: number) {
  return db
    .selectFrom('community_worker_event')
    .select([
      'id',
      'kind',
      'on_date',
      'from_tier',
      'from_grade',
      'to_tier',
      'to_grade',
      'hours',
      'result',
      'note',
    ])
    .where('worker_id', '=', workerId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}

export async function insertWorker(
  trx: Transaction<DB>,
  v: {
    org_id: number;
    county_code: string;
    grid_worker_id: number | null;
    name: string;
    gender: 'male' | 'female';
    birth_date: string | null;
    education: string;
    tier: number;
    grade: number;
    grade_since: string;
    started_on: string;
  },
) {
  const row = await trx.insertInto('community_worker').values(v).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertWorkerEvent(
  trx: Transaction<DB>,
  v: {
    worker_id: number;
    county_code: string;
    kind: 'hire' | 'promotion' | 'training' | 'assessment';
    on_date: string;
    from_tier?: number | null;
    from_grade?: number | null;
    to_tier?: number | null;
    to_grade?: number | null;
    hours?: number | null;
    result?: string | null;
    note: string;
    recorded_by: number;
  },
) {
  await trx.insertInto('community_worker_event').values(v).execute();
}

export async function promoteWorker(
  trx: Transaction<DB>,
  id: number,
  from: { tier: number; grade: number },
  to: { tier: number; grade: number },
  on: string,
) {
  const res = await trx
    .updateTable('community_worker')
    .set({ tier: to.tier, grade: to.grade, grade_since: on })
    .where('id', '=', id)
    .where('tier', '=', from.tier)
    .where('grade', '=', from.grade)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function gridWorkerOfVillage(db: Db, villageId: number, gridWorkerId: number) {
  return db
    .selectFrom('grid_worker')
    .innerJoin('grid', 'grid.id', 'grid_worker.grid_id')
    .select(['grid_worker.id', 'grid_worker.name'])
    .where('grid_worker.id', '=', gridWorkerId)
    .where('grid.village_org_id', '=', villageId)
    .executeTakeFirst();
}
