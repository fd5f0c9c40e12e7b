// The only place with the SQL of village decisions. Every query of scoped rows starts from
// scoped.deliberations (platform/access/scope.ts).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { scoped } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { errors } from '../platform/errors/errors.ts';
import type { Attendees, StoredBreach } from './deliberation-tables.ts';
import type { StepRecord } from './domain/deliberation-machine.ts';
import type { BodyKind, StepKey } from './domain/templates.ts';

type Db = Kysely<DB> | Transaction<DB>;

const MATTER_COLUMNS = [
  'deliberation.id',
  'deliberation.org_id',
  'deliberation.county_code',
  'deliberation.grid_id',
  'deliberation.template',
  'deliberation.title',
  'deliberation.category',
  'deliberation.amount_fen',
  'deliberation.description',
  'deliberation.retrospective',
  'deliberation.status',
  'deliberation.validity',
  'deliberation.breaches',
  'deliberation.next_step',
  'deliberation.next_due_on',
  'deliberation.proposed_on',
  'deliberation.resolved_on',
  'deliberation.completed_on',
  'deliberation.version',
  'deliberation.created_at',
  'village_org.code as org_code',
  'village_org.name as org_name',
  'village_org.short_name as org_short_name',
  'village_org.path as org_path',
] as const;

/** A matter inside the actor's scope, or 404 DELIBERATION_NOT_FOUND. */
export async function findDeliberation(
  db: Db,
  actor: Actor,
  unverifiedId: number,
  permission: 'village:read' | 'village:manage' = 'village:read',
) {
  const row = await scoped
    .deliberations(db as Kysely<DB>, actor, permission)
    .select(MATTER_COLUMNS)
    .where('deliberation.id', '=', unverifiedId)
    .executeTakeFirst();
  if (!row) throw errors.outOfScope('deliberation', unverifiedId);
  return row;
}
export type MatterRow = Awaited<ReturnType<typeof findDeliberation>>;

export function loadSteps(db: Db, deliberationId: number) {
  return db
    .selectFrom('deliberation_step')
    .selectAll()
    .where('deliberation_id', '=', deliberationId)
    .orderBy('seq')
    .orderBy('id')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof loadSteps>>[number];

export function toStepRecord(r: StepRow): StepRecord {
  const meeting = r.due_count !== null && r.present_count !== null;
  return {
    step: r.step as StepKey,
    mergedWith: (r.merged_with as StepKey | null) ?? null,
    body: r.body as BodyKind,
    heldOn: r.held_on,
    noticeOn: r.notice_on,
    counts: meeting
      ? {
          due: Number(r.due_count),
          present: Number(r.present_count),
          householdsDue: r.households_due === null ? null : Number(r.households_due),
          householdsPresent: r.households_present === null ? null : Number(r.households_present),
        }
      : null,
    votes:
      r.yes_count === null
        ? null
        : { yes: Number(r.yes_count), no: Number(r.no_count ?? 0), abstain: Number(r.abstain_count ?? 0) },
    publicity:
      r.publicity_starts_on && r.publicity_ends_on
        ? { startsOn: r.publicity_starts_on, endsOn: r.publicity_ends_on }
        : null,
    implementedOn: r.implemented_on,
  };
}

export interface NewMatter {
  org_id: number;
  county_code: string;
  grid_id: number | null;
  template: string;
  title: string;
  category: string;
  amount_fen: number | null;
  description: string;
  retrospective: boolean;
  proposed_on: string;
  created_by: number;
}

export async function insertMatter(trx: Transaction<DB>, m: NewMatter): Promise<number> {
  const row = await trx
    .insertInto('deliberation')
    .values({ ...m, breaches: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface NewStep {
  deliberation_id: number;
  county_code: string;
  seq: number;
  record: StepRecord;
  place: string;
  attendees: Attendees;
  quorum_met: boolean | null;
  passed: boolean | null;
  minutes: string;
  content: string;
  attachments: number[];
  recorded_by: number;
}

export async function insertStep(trx: Transaction<DB>, s: NewStep): Promise<number> {
  const r = s.record;
  const row = await trx
    .insertInto('deliberation_step')
    .values({
      deliberation_id: s.deliberation_id,
      county_code: s.county_code,
      seq: s.seq,
      step: r.step,
      merged_with: r.mergedWith ?? null,
      body: r.body,
      held_on: r.heldOn,
      notice_on: r.noticeOn ?? null,
      place: s.place,
      due_count: r.counts?.due ?? null,
      present_count: r.counts?.present ?? null,
      households_due: r.counts?.householdsDue ?? null,
      households_present: r.counts?.householdsPresent ?? null,
      attendees: JSON.stringify(s.attendees),
      yes_count: r.votes?.yes ?? null,
      no_count: r.votes?.no ?? null,
      abstain_count: r.votes?.abstain ?? null,
      quorum_met: s.quorum_met,
      passed: s.passed,
      minutes: s.minutes,
      content: s.content,
      publicity_starts_on: r.publicity?.startsOn ?? null,
      publicity_ends_on: r.publicity?.endsOn ?? null,
      implemented_on: r.implementedOn ?? null,
      attachments: JSON.stringify(s.attachments),
      recorded_by: s.recorded_by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface MatterState {
  status: 'open' | 'completed' | 'rejected' | 'withdrawn';
  validity: 'pending' | 'valid' | 'invalid';
  breaches: StoredBreach[];
  next_step: string | null;
  next_due_on: string | null;
  proposed_on?: string;
  resolved_on: string | null;
  completed_on: string | null;
}

/** Stores the engine's evaluation; with `version`, only if nobody changed the matter since (optimistic). */
export async function updateState(
  trx: Db,
  id: number,
  state: MatterState,
  version?: number,
): Promise<boolean> {
  let q = trx
    .updateTable('deliberation')
    .set({
      ...state,
      breaches: JSON.stringify(state.breaches),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Attachments uploaded by the village (ids not of the village are answered back). */
export async function foreignAttachments(db: Db, villageId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('village_attachment')
    .select('id')
    .where('id', 'in', ids)
    .where('org_id', '=', villageId)
    .execute();
  const own = new Set(rows.map((r) => Number(r.id)));
  return ids.filter((id) => !own.has(id));
}

/** A grid (villager group) of the village, or undefined. */
export function gridOfVillage(db: Db, villageId: number, gridId: number) {
  return db
    .selectFrom('grid')
    .select(['id', 'name'])
    .where('id', '=', gridId)
    .where('village_org_id', '=', villageId)
    .executeTakeFirst();
}

/** Open matters whose next deadline has passed and may have become invalid with time (the job). */
export function dueForRefresh(db: Db, today: string, limit: number) {
  return db
    .selectFrom('deliberation')
    .innerJoin('org as village_org', 'village_org.id', 'deliberation.org_id')
    .select(MATTER_COLUMNS)
    .where('deliberation.status', '=', 'open')
    .where('deliberation.validity', '!=', 'invalid')
    .where('deliberation.next_step', '=', 'publish_resolution')
    .where('deliberation.next_due_on', '<', today)
    .orderBy('deliberation.id')
    .limit(limit)
    .execute();
}

/** Name and type of the village's files among `ids`. */
export async function attachmentsMeta(db: Db, villageId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, { id: number; mime: string; fileName: string }>();
  const rows = await db
    .selectFrom('village_attachment')
    .select(['id', 'mime', 'file_name'])
    .where('id', 'in', ids)
    .where('org_id', '=', villageId)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), mime: r.mime, fileName: r.file_name }]));
}
