// Recruitment's writes inside the caller's transaction: the applicant and the recruitment of an
// application, each step with its people, publicity and vote, the version check, and step 17's new member
// (with the subtree totals on its org's chain). Reads: recruitment.repository.ts.
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

type Trx = Transaction<DB>;

/** An applicant with this ID number (keyed hash), if any. */
export function applicantByIdHash(trx: Trx, hash: string) {
  return trx.selectFrom('applicant').select('id').where('id_number_hash', '=', hash).executeTakeFirst();
}

/** The applicant's recruitment not closed, if any. */
export function openRecruitmentOf(trx: Trx, applicantId: number) {
  return trx
    .selectFrom('recruitment')
    .select('id')
    .where('applicant_id', '=', applicantId)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
}

export async function insertApplicant(trx: Trx, values: Insertable<DB['applicant']>): Promise<number> {
  return (await trx.insertInto('applicant').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertRecruitment(trx: Trx, values: Insertable<DB['recruitment']>) {
  return trx.insertInto('recruitment').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertStep(trx: Trx, values: Insertable<DB['recruitment_step']>) {
  await trx.insertInto('recruitment_step').values(values).execute();
}

/** Changes a recruitment at the version read (optimistic); whether it changed. */
export async function updateRecruitmentAtVersion(
  trx: Trx,
  id: number,
  version: number,
  set: Updateable<DB['recruitment']>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('recruitment')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return Boolean(updated);
}

/** Mentors (step 5) and sponsors (step 9). */
export async function insertPeople(trx: Trx, rows: Insertable<DB['recruitment_person']>[]) {
  await trx.insertInto('recruitment_person').values(rows).execute();
}

export async function insertPublicity(trx: Trx, values: Insertable<DB['recruitment_publicity']>) {
  await trx.insertInto('recruitment_publicity').values(values).execute();
}

export async function insertVote(trx: Trx, values: Insertable<DB['recruitment_vote']>) {
  await trx.insertInto('recruitment_vote').values(values).execute();
}

/** A probationary member becomes a full member on a day. */
export async function convertMember(trx: Trx, memberId: number, convertedOn: string) {
  await trx
    .updateTable('member')
    .set({ status: 'full', converted_on: convertedOn })
    .where('id', '=', memberId)
    .execute();
}

export function applicantById(trx: Trx, applicantId: number) {
  return trx.selectFrom('applicant').selectAll().where('id', '=', applicantId).executeTakeFirstOrThrow();
}

export function insertMember(trx: Trx, values: Insertable<DB['member']>) {
  return trx.insertInto('member').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The recruitment's member, once step 17 made one. */
export async function linkMember(trx: Trx, recruitmentId: number, memberId: number) {
  await trx.updateTable('recruitment').set({ member_id: memberId }).where('id', '=', recruitmentId).execute();
}

/** Subtree member totals: one more on each org of the chain. */
export async function addOneMember(trx: Trx, orgIds: number[]) {
  await trx
    .updateTable('org')
    .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
    .where('id', 'in', orgIds)
    .execute();
}

export async function insertTraining(trx: Trx, values: Insertable<DB['recruitment_training']>) {
  await trx.insertInto('recruitment_training').values(values).execute();
}

export function insertObjection(trx: Trx, values: Insertable<DB['recruitment_objection']>) {
  return trx.insertInto('recruitment_objection').values(values).returning('id').executeTakeFirstOrThrow();
}

/** An objection's resolution, once (only while unresolved). */
export async function resolveObjection(
  trx: Trx,
  objectionId: number,
  set: { resolved_on: string; resolution: string; resolved_by: number },
) {
  await trx
    .updateTable('recruitment_objection')
    .set(set)
    .where('id', '=', objectionId)
    .where('resolved_on', 'is', null)
    .execute();
}
