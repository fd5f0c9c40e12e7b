// What a department may still learn about a case that has left it: a department that returned a case
// (or lost a race to another action) no longer sees it through the access layer, yet it acted on it a
// moment ago. These reads answer "was this case ever yours, and where does it stand now" — the state
// and number only, never the content.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CaseState } from './domain/case-machine.ts';

export interface LeftCase {
  id: number;
  caseNo: string;
  state: CaseState;
  version: number;
}

/** The case's number, state and version when it was ever dispatched or summoned to the department. */
export async function caseOnceOfDepartment(
  db: Kysely<DB>,
  caseId: number,
  departmentId: number,
): Promise<LeftCase | null> {
  const row = await db
    .selectFrom('civic_case')
    .select(['civic_case.id', 'civic_case.case_no', 'civic_case.state', 'civic_case.version'])
    .where('civic_case.id', '=', caseId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('case_step')
            .select(sql`1`.as('one'))
            .whereRef('case_step.case_id', '=', 'civic_case.id')
            .where('case_step.action', '=', 'dispatch')
            .where(sql<string>`case_step.details->>'departmentId'`, '=', String(departmentId)),
        ),
        eb.exists(
          eb
            .selectFrom('case_summons')
            .select(sql`1`.as('one'))
            .whereRef('case_summons.case_id', '=', 'civic_case.id')
            .where('case_summons.department_id', '=', departmentId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row ? { id: row.id, caseNo: row.case_no, state: row.state, version: row.version } : null;
}
