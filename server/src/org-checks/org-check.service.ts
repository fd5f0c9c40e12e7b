// Organization checks per scope (issue 5 item 7): the figures of each org are computed in one SQL
// query from the scope (members and full members of its subtree, its current term and committee);
// the rules in domain/org-rules.ts turn them into findings. Elections are recorded by a higher org.
// SQL: org-check.repository.ts.

import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { addYears, isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  checkOrg,
  committeeProblem,
  electsCommittee,
  type OrgFacts,
  RULE_NAMES,
  termYearsFor,
} from './domain/org-rules.ts';
import * as repo from './org-check.repository.ts';
import type { CommitteePosition } from './org-check-tables.ts';

export interface CheckedOrg {
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: OrgFacts['kind'];
  level: OrgFacts['level'];
  path: string;
  members: number;
  fullMembers: number;
  term: (OrgFacts['term'] & { id: number; endsOn: string }) | null;
}

/**
 * The checked orgs of a subtree (the actor's scope, or an org inside it) with their figures;
 * `q` keeps the orgs whose code, pinyin initials or name match (their figures stay whole-subtree).
 */
export async function orgFacts(
  db: Db,
  actor: Actor,
  basePath: string,
  q?: string,
): Promise<(CheckedOrg & { facts: OrgFacts })[]> {
  const rows = await repo.orgFactRows(db, actor, basePath, q);
  return rows.map((r) => {
    const term =
      r.term_id === null || r.elected_on === null || r.term_years === null
        ? null
        : {
            id: Number(r.term_id),
            electedOn: r.elected_on,
            termYears: Number(r.term_years),
            secretaries: Number(r.secretaries),
            deputies: Number(r.deputies),
            others: Number(r.others),
            endsOn: addYears(r.elected_on, Number(r.term_years)),
          };
    const facts: OrgFacts = {
      kind: r.kind,
      level: r.level,
      category: r.category,
      members: Number(r.members),
      fullMembers: Number(r.full_members),
      term,
    };
    return {
      id: Number(r.id),
      code: r.code,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind,
      level: r.level,
      path: r.path,
      members: facts.members,
      fullMembers: facts.fullMembers,
      term,
      facts,
    };
  });
}

/** One org's current term with its committee, its earlier terms and its own findings. */
export async function orgTerms(db: Db, actor: Actor, orgId: number, today = shanghaiToday()) {
  const org = await verifyOrg(db, actor, orgId);
  const [self] = (await orgFacts(db, actor, org.path)).filter((o) => o.id === org.id);
  const terms = await repo.termsOf(db, org.id);
  const committee = terms[0] ? await repo.committeeOf(db, terms[0].id) : [];
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind, level: org.level },
    termYears: termYearsFor(org),
    electsCommittee: electsCommittee(org),
    members: self?.members ?? 0,
    fullMembers: self?.fullMembers ?? 0,
    terms: terms.map((t) => ({
      id: Number(t.id),
      electedOn: t.elected_on,
      termYears: Number(t.term_years),
      endsOn: addYears(t.elected_on, Number(t.term_years)),
      note: t.note,
    })),
    committee: committee.map((c) => ({
      memberId: c.member_id === null ? null : Number(c.member_id),
      name: c.name,
      position: c.position,
    })),
    findings: self ? checkOrg(self.facts, today) : [],
  };
}

export interface ElectionInput {
  electedOn: string;
  note?: string;
  committee: { memberId: number; position: CommitteePosition }[];
}

const electionError = (code: string, zh: string, en: string, details?: unknown) =>
  unprocessable(code, zh, en, details);

/** 换届选举: a new term with its committee, recorded by a higher org of the org (audited). */
export async function recordElection(
  db: Db,
  write: Write,
  actor: Actor,
  orgId: number,
  input: ElectionInput,
  today = shanghaiToday(),
) {
  const org = await verifyOrg(db, actor, orgId);
  if (org.id === actor.scopeOrgId)
    throw forbidden(
      'ORG_ELECTION_BY_HIGHER_ORG',
      '换届选举结果由上级党组织登记（审批），本组织不能登记自己的选举。',
      'An election is recorded (approved) by a higher org; an org cannot record its own.',
    );
  if (!electsCommittee(org))
    throw electionError(
      'ORG_ELECTION_NOT_APPLICABLE',
      '该组织类型不在此登记换届（党支部、联合党支部、党总支）。',
      'Elections are recorded here for branches, joint branches and general branches only.',
    );
  if (!isDate(input.electedOn) || input.electedOn > today)
    throw electionError(
      'ORG_ELECTION_DATE',
      `选举日期 ${input.electedOn} 无效或晚于今天（${today}）。`,
      `Election date ${input.electedOn} is invalid or after today (${today}).`,
    );
  const [self] = (await orgFacts(db, actor, org.path)).filter((o) => o.id === org.id);
  const previous = self?.term;
  if (previous && input.electedOn <= previous.electedOn)
    throw electionError(
      'ORG_ELECTION_DATE',
      `选举日期须晚于上一届的选举日期 ${previous.electedOn}。`,
      `The election date must be after the previous term's (${previous.electedOn}).`,
    );
  const ids = input.committee.map((c) => c.memberId);
  if (new Set(ids).size !== ids.length)
    throw electionError('ORG_COMMITTEE_DUPLICATE', '同一党员在委员中出现两次。', 'A member is listed twice.');
  const people = await repo.membersUnder(db, actor, ids, org.path);
  const byId = new Map(people.map((p) => [Number(p.id), p]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length)
    throw electionError(
      'ORG_COMMITTEE_NOT_MEMBER',
      `委员须是本组织的党员：编号 ${missing.join('、')} 不是。`,
      `Committee members must belong to the org: ${missing.join(', ')} do not.`,
      { missing },
    );
  const probationary = people.filter((p) => p.status !== 'full').map((p) => p.name);
  if (probationary.length)
    throw electionError(
      'ORG_COMMITTEE_FULL_MEMBERS',
      `预备党员没有被选举权：${probationary.join('、')}。`,
      `Probationary members cannot be elected: ${probationary.join(', ')}.`,
    );
  const count = (p: CommitteePosition) => input.committee.filter((c) => c.position === p).length;
  const fullMembers = self?.fullMembers ?? 0;
  const problem = committeeProblem(fullMembers, {
    secretaries: count('secretary'),
    deputies: count('deputy_secretary'),
    others: count('member'),
  });
  if (problem)
    throw electionError(
      'ORG_COMMITTEE_SIZE',
      `【${RULE_NAMES.committee_size.zh}】${problem.zh}。`,
      `[${RULE_NAMES.committee_size.en}] ${problem.en}.`,
      { fullMembers },
    );
  const termYears = termYearsFor(org);
  return write(async (trx, audit) => {
    const termId = await repo.insertTerm(
      trx,
      {
        org_id: org.id,
        county_code: org.county_code,
        elected_on: input.electedOn,
        term_years: termYears,
        note: input.note ?? '',
        recorded_by_org_id: actor.scopeOrgId,
        recorded_by: actor.accountId,
      },
      input.committee.map((c) => ({
        member_id: c.memberId,
        name: byId.get(c.memberId)?.name ?? '',
        position: c.position,
      })),
    );
    await audit({
      action: 'org.election',
      targetType: 'org',
      targetId: org.id,
      countyCode: org.county_code,
      before: previous ? { termId: previous.id, electedOn: previous.electedOn } : null,
      after: { termId, electedOn: input.electedOn, termYears, committee: input.committee },
    });
    return termId;
  });
}
