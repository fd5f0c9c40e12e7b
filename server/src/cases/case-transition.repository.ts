// The SQL of a case's transitions and 吹哨报到 summons: the versioned update (of two concurrent transitions
// exactly one wins), the step row, the summons rows, attachments linked to the case, and who is told.
// The case itself is read through the access layer (verifyCase) by the service.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CaseState, SummonsState } from './domain/case-machine.ts';
import type { CaseStepTable } from './domain/case-tables.ts';
import type { TimeLimit } from './domain/sla.ts';

type Handle = Kysely<DB> | Transaction<DB>;

/** The department of a department staff account (null for any other account). */
export async function departmentOfAccount(db: Handle, accountId: number): Promise<number | null> {
  const row = await db
    .selectFrom('department_account')
    .select('department_id')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.department_id ?? null;
}

export function summonsOfCase(db: Handle, caseId: number) {
  return db
    .selectFrom('case_summons')
    .select(['department_id', 'state'])
    .where('case_id', '=', caseId)
    .execute();
}

/** The extension the department asked for last (the machine grants it when an approval names none). */
export async function lastRequestedExtension(db: Handle, caseId: number): Promise<TimeLimit | null> {
  const row = await db
    .selectFrom('case_step')
    .select('details')
    .where('case_id', '=', caseId)
    .where('action', '=', 'request_extension')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return (row?.details as { extension?: TimeLimit } | null)?.extension ?? null;
}

/** Sets the columns and raises the version when the case is still at `version`; false when it is not. */
export async function updateCaseAtVersion(
  trx: Handle,
  caseId: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('civic_case')
    .set({ ...set, version: version + 1 } as never)
    .where('id', '=', caseId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

export function caseVersion(
  db: Handle,
  caseId: number,
): Promise<{ version: number; state: CaseState } | undefined> {
  return db.selectFrom('civic_case').select(['version', 'state']).where('id', '=', caseId).executeTakeFirst();
}

export function attachmentOwners(db: Handle, ids: number[]) {
  return db
    .selectFrom('case_attachment')
    .select(['id', 'case_id', 'uploaded_by'])
    .where('id', 'in', ids)
    .execute();
}

/** Links the still unlinked attachments to the case. */
export async function linkAttachments(
  trx: Handle,
  ids: number[],
  c: { id: number; county_code: string },
): Promise<void> {
  await trx
    .updateTable('case_attachment')
    .set({ case_id: c.id, county_code: c.county_code })
    .where('id', 'in', ids)
    .where('case_id', 'is', null)
    .execute();
}

export async function insertStep(trx: Handle, step: Insertable<CaseStepTable>): Promise<void> {
  await trx.insertInto('case_step').values(step).execute();
}

export async function insertSummons(
  trx: Handle,
  c: { id: number; county_code: string },
  departmentIds: number[],
  summonedAt: Date,
  reportDeadline: Date,
): Promise<void> {
  await trx
    .insertInto('case_summons')
    .values(
      departmentIds.map((d) => ({
        case_id: c.id,
        county_code: c.county_code,
        department_id: d,
        summoned_at: summonedAt,
        report_deadline: reportDeadline,
      })),
    )
    .execute();
}

export function summonsOfDepartment(db: Handle, caseId: number, departmentId: number) {
  return db
    .selectFrom('case_summons')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
}

/** Moves a summons on when it is still in `from`; false when another action moved it first. */
export async function updateSummons(
  trx: Handle,
  id: number,
  from: SummonsState,
  next: { state: SummonsState; reportedAt: Date | null; doneAt: Date | null; note: string | null },
): Promise<boolean> {
  const updated = await trx
    .updateTable('case_summons')
    .set({ state: next.state, reported_at: next.reportedAt, done_at: next.doneAt, note: next.note })
    .where('id', '=', id)
    .where('state', '=', from)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Raises the case's version (a change of one of its parts: clients holding the old version must reload). */
export async function raiseCaseVersion(trx: Handle, caseId: number, at: Date): Promise<void> {
  await trx
    .updateTable('civic_case')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', caseId)
    .execute();
}

/** The dispatchers of a case: the org admins and secretaries of its village and town. */
export async function dispatcherAccounts(db: Handle, orgIds: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('account')
    .select('id')
    .where('scope_org_id', 'in', orgIds)
    .where('role', 'in', ['org_admin', 'secretary'])
    .execute();
  return rows.map((r) => r.id);
}

/** The grid workers of the grid's org. */
export async function gridWorkerAccounts(db: Handle, gridId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('account')
    .innerJoin('grid', 'grid.org_id', 'account.scope_org_id')
    .select('account.id')
    .where('grid.id', '=', gridId)
    .where('account.role', '=', 'grid_worker')
    .execute();
  return rows.map((r) => r.id);
}

export async function departmentAccounts(db: Handle, departmentIds: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('department_account')
    .select('account_id')
    .where('department_id', 'in', departmentIds)
    .execute();
  return rows.map((r) => r.account_id);
}

export async function insertCaseNotifications(
  trx: Handle,
  accountIds: number[],
  n: { kind: string; title: string; body: string; caseId: number },
): Promise<void> {
  await trx
    .insertInto('notification')
    .values(
      accountIds.map((id) => ({
        account_id: id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        case_id: n.caseId,
      })),
    )
    .execute();
}
