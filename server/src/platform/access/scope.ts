// THE access layer. Every query of scoped data starts here: it adds "inside the actor's org subtree"
// and checks the role's permission, so feature code cannot forget either. An id that comes from a
// request is unverified until one of the `verify*` functions (verify.ts) has placed it inside the
// scope. The starts live by job in scoped-*.ts; the documented exceptions to the subtree rule in
// exceptions.ts; the last check of the rows a read returns in in-scope.ts.
import { assessmentScopes } from './scoped-assessment.ts';
import { caseScopes } from './scoped-cases.ts';
import { partyScopes } from './scoped-party.ts';
import { peopleScopes } from './scoped-people.ts';
import { villageScopes } from './scoped-village.ts';

export type { CaseAccess, CaseScope } from './case-scope.ts';
export { caseAccessParts, caseScopeCondition, caseScopeOfOrg } from './case-scope.ts';
export { inGrids, requirePermission, subtreePattern } from './subtree.ts';
export {
  chainOf,
  verifyAccount,
  verifyAssessment,
  verifyCase,
  verifyContest,
  verifyEnterprise,
  verifyGrid,
  verifyMember,
  verifyOrg,
  verifyWeakOrg,
} from './verify.ts';

/** Every scoped start: `scoped.<records>(db, actor[, permission])`. */
export const scoped = {
  ...peopleScopes,
  ...caseScopes,
  ...partyScopes,
  ...assessmentScopes,
  ...villageScopes,
};
