// 换届 (issue 14 item 4): a county's election calendar for its villages, each village's candidates and
// their joint qualification review (联审: each department's verdict against the negative list, with
// its reason), and the results written into the cadres' terms and the village party organization's
// term — so the org checks' 换届 due and overdue follow the elections recorded here.
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import { encryptPii, piiHash } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, conflict, forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskIdNumber } from '../platform/masking/masking.ts';
import { validateIdNumber } from '../platform/text/id-number.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { memberOfVillage } from './cadre.repository.ts';
import { readCadreSettings } from './cadre.service.ts';
import type { CadrePostKind } from './cadre-tables.ts';
import { POST_NAMES } from './domain/cadre-settings.ts';
import { reviewState, termState } from './domain/election-rules.ts';
import * as repo from './election.repository.ts';

const num = (v: unknown) => Number(v ?? 0);

async function requireCounty(db: Db, actor: Actor) {
  const org = await verifyOrg(db, actor, actor.scopeOrgId);
  if (org.level !== 'county' || !org.county_code)
    throw forbidden(
      'ELECTION_ROUND_BY_COUNTY',
      '换届选举工作计划由县（市、区）委制定。',
      'The election calendar is set by the county.',
    );
  return { ...org, county_code: org.county_code };
}

export async function rounds(db: Db, actor: Actor, countyCode?: string) {
  const rows = await repo.roundsOf(db, actor, actor.scopeCountyCode ?? countyCode ?? null);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      countyCode: r.county_code,
      year: r.year,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      villages: num(r.villages),
      held: num(r.held),
      postponed: num(r.postponed),
      candidates: num(r.candidates),
      disqualified: num(r.disqualified),
    })),
  };
}

export async function createRound(
  db: Db,
  write: Write,
  actor: Actor,
  b: { year: number; title: string; startsOn: string; endsOn: string },
) {
  const county = await requireCounty(db, actor);
  if (b.endsOn < b.startsOn)
    throw badRequest('ELECTION_ROUND_DATES', 'endsOn：结束日期早于开始日期。', 'endsOn is before startsOn.', {
      field: 'endsOn',
    });
  if (await repo.roundOfCounty(db, county.county_code, b.year))
    throw conflict(
      'ELECTION_ROUND_EXISTS',
      `${b.year} 年的换届工作计划已经制定。`,
      `A round of ${b.year} exists.`,
      { field: 'year' },
    );
  return write(async (trx, audit) => {
    const out = await repo.insertRound(trx, {
      county_code: county.county_code,
      org_id: county.id,
      year: b.year,
      title: b.title,
      starts_on: b.startsOn,
      ends_on: b.endsOn,
      created_by: actor.accountId,
    });
    await audit({
      action: 'election.round_create',
      targetType: 'election_round',
      targetId: out.id,
      countyCode: county.county_code,
      after: { ...b, villages: out.villages },
    });
    return out;
  });
}

export async function electionCalendar(
  db: Db,
  actor: Actor,
  q: { orgId?: number; roundId?: number; status?: string; page?: number; pageSize?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const s = await readCadreSettings(db);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.calendar(
    db,
    actor,
    { basePath: base.path, roundId: q.roundId, status: q.status },
    page,
    pageSize,
  );
  return {
    items: items.map((r) => ({
      id: Number(r.id),
      org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
      town: r.town_name,
      year: r.year,
      roundTitle: r.round_title,
      plannedOn: r.planned_on,
      heldOn: r.held_on,
      status: r.status,
      delayApprovedUntil: r.delay_approved_until,
      note: r.note,
      term: r.elected_on ? { electedOn: r.elected_on, ...termState(r.elected_on, s.termYears, today) } : null,
      candidates: num(r.candidates),
      cleared: num(r.cleared),
      disqualified: num(r.disqualified),
    })),
    total,
    page,
    pageSize,
  };
}

export async function electionDetail(db: Db, actor: Actor, id: number) {
  const e = await repo.findElection(db, actor, id);
  const s = await readCadreSettings(db);
  const candidates = await repo.candidatesOf(db, e.id);
  const reviews = await repo.reviewsOf(
    db,
    candidates.map((c) => Number(c.id)),
  );
  const negative = new Map(s.negativeList.map((n) => [n.code, n.zh]));
  const dept = new Map(s.reviewDepartments.map((d) => [d.code, d.zh]));
  return {
    id: Number(e.id),
    org: { id: Number(e.org_id), code: e.org_code, name: e.org_name },
    year: e.year,
    roundTitle: e.round_title,
    plannedOn: e.planned_on,
    heldOn: e.held_on,
    status: e.status,
    delayApprovedUntil: e.delay_approved_until,
    note: e.note,
    departments: s.reviewDepartments.map((d) => ({ code: d.code, name: d.zh })),
    negativeList: s.negativeList.map((n) => ({ code: n.code, name: n.zh })),
    candidates: candidates.map((c) => {
      const mine = reviews.filter((r) => Number(r.candidate_id) === Number(c.id));
      const state = reviewState(
        mine,
        s.reviewDepartments.map((d) => d.code),
      );
      return {
        id: Number(c.id),
        name: c.name,
        gender: c.gender,
        birthDate: c.birth_date,
        idNumberMasked: c.id_number_masked,
        education: c.education,
        partyMember: c.party_member,
        posts: c.posts.map((p) => ({ post: p, name: POST_NAMES[p]?.zh ?? p })),
        reviewStatus: c.review_status,
        missing: state.missing.map((m) => dept.get(m) ?? m),
        reviews: mine.map((r) => ({
          department: r.department,
          departmentName: dept.get(r.department) ?? r.department,
          verdict: r.verdict,
          negativeItem: r.negative_item,
          negativeItemName: r.negative_item ? (negative.get(r.negative_item) ?? r.negative_item) : null,
          reason: r.reason,
          reviewedOn: r.reviewed_on,
        })),
        electedPost: c.elected_post,
        electedPostName: c.elected_post ? (POST_NAMES[c.elected_post]?.zh ?? c.elected_post) : null,
      };
    }),
  };
}

export async function scheduleElection(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: { plannedOn: string; status?: 'planned' | 'postponed'; delayApprovedUntil?: string; note?: string },
) {
  const e = await repo.findElection(db, actor, id, 'village:supervise');
  if (e.status === 'held')
    throw conflict('ELECTION_HELD', `该村已于 ${e.held_on} 完成换届。`, `Held on ${e.held_on}.`);
  const status = b.status ?? 'planned';
  if (status === 'postponed' && !b.delayApprovedUntil)
    throw badRequest(
      'ELECTION_DELAY_APPROVAL',
      'delayApprovedUntil：推迟换届须登记上级批准的期限。',
      'delayApprovedUntil: a postponement needs the approved date.',
      { field: 'delayApprovedUntil' },
    );
  await write(async (trx, audit) => {
    await repo.schedule(trx, e.id, {
      planned_on: b.plannedOn,
      status,
      delay_approved_until: b.delayApprovedUntil ?? null,
      note: b.note ?? '',
    });
    await audit({
      action: 'election.schedule',
      targetType: 'village_election',
      targetId: e.id,
      countyCode: e.county_code,
      before: { plannedOn: e.planned_on, status: e.status },
      after: { ...b, status },
    });
  });
  return electionDetail(db, actor, e.id);
}

export interface CandidateBody {
  name: string;
  idNumber: string;
  education?: string;
  memberId?: number;
  partyMember: boolean;
  posts: CadrePostKind[];
}

export async function addCandidate(db: Db, write: Write, actor: Actor, id: number, b: CandidateBody) {
  const e = await repo.findElection(db, actor, id, 'village:supervise');
  if (e.status === 'held')
    throw conflict('ELECTION_HELD', '该村已完成换届，不能再登记候选人。', 'The election was held.');
  const checked = validateIdNumber(b.idNumber);
  if (!checked.ok)
    throw badRequest(
      'ID_NUMBER_INVALID',
      `idNumber：身份证号码无效（${{ length: '应为 18 位', format: '格式不对', birth_date: '出生日期不存在', checksum: '校验码不符' }[checked.reason]}）。`,
      `idNumber: invalid (${checked.reason}).`,
      { field: 'idNumber', reason: checked.reason },
    );
  const unknown = b.posts.filter((p) => !POST_NAMES[p]);
  if (unknown.length || b.posts.length === 0)
    throw badRequest('CADRE_POST_UNKNOWN', 'posts：请选择拟任职务。', 'posts: choose the posts sought.', {
      field: 'posts',
    });
  let memberId: number | null = null;
  if (b.memberId !== undefined) {
    const m = await memberOfVillage(db, e.org_path, b.memberId);
    if (!m)
      throw badRequest(
        'CADRE_MEMBER_UNKNOWN',
        `memberId：${b.memberId} 不是本村的党员。`,
        'memberId: not a member of this village.',
        { field: 'memberId' },
      );
    memberId = Number(m.id);
  }
  const idNumber = b.idNumber.trim().toUpperCase();
  return write(async (trx, audit) => {
    const cid = await repo.insertCandidate(trx, {
      election_id: e.id,
      org_id: Number(e.org_id),
      county_code: e.county_code,
      name: b.name,
      gender: checked.gender,
      birth_date: checked.birthDate,
      id_number_enc: encryptPii(idNumber),
      id_number_hash: await piiHash(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      education: b.education ?? '',
      member_id: memberId,
      party_member: b.partyMember || memberId !== null,
      posts: b.posts,
      created_by: actor.accountId,
    });
    if (cid === null)
      throw conflict(
        'CANDIDATE_DUPLICATE',
        'idNumber：该人员已是本次选举的候选人。',
        'idNumber: already a candidate.',
        { field: 'idNumber' },
      );
    await audit({
      action: 'election.candidate_add',
      targetType: 'election_candidate',
      targetId: cid,
      countyCode: e.county_code,
      after: { electionId: e.id, name: b.name, idNumber: maskIdNumber(idNumber), posts: b.posts },
    });
    return { id: cid };
  });
}

export interface ReviewBody {
  department: string;
  verdict: 'pass' | 'fail';
  negativeItem?: string;
  reason: string;
  reviewedOn: string;
}

/** One department's verdict on a candidate (联审); the candidate is cleared when all have passed. */
export async function reviewCandidate(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: ReviewBody,
  today = shanghaiToday(),
) {
  const c = await repo.findCandidate(db, actor, id, 'village:supervise');
  const s = await readCadreSettings(db);
  if (!s.reviewDepartments.some((d) => d.code === b.department))
    throw badRequest(
      'REVIEW_DEPARTMENT_UNKNOWN',
      `department：「${b.department}」不是联审部门。`,
      'department: not a reviewing department.',
      { field: 'department' },
    );
  if (b.verdict === 'fail' && !s.negativeList.some((n) => n.code === b.negativeItem))
    throw badRequest(
      'REVIEW_NEGATIVE_ITEM',
      'negativeItem：不通过须指明负面清单中的情形。',
      'negativeItem: a failing verdict names the negative-list item.',
      { field: 'negativeItem' },
    );
  if (b.reviewedOn > today)
    throw unprocessable(
      'REVIEW_DATE',
      `reviewedOn：${b.reviewedOn} 晚于今天。`,
      'reviewedOn is after today.',
      { field: 'reviewedOn' },
    );
  if (c.election_status === 'held')
    throw conflict('ELECTION_HELD', '该村已完成换届。', 'The election was held.');
  const existing = await repo.reviewsOf(db, [Number(c.id)]);
  const verdicts = [
    ...existing
      .filter((r) => r.department !== b.department)
      .map((r) => ({ department: r.department, verdict: r.verdict })),
    { department: b.department, verdict: b.verdict },
  ];
  const state = reviewState(
    verdicts,
    s.reviewDepartments.map((d) => d.code),
  );
  await write(async (trx, audit) => {
    await repo.upsertReview(trx, {
      candidate_id: c.id,
      county_code: c.county_code,
      department: b.department,
      verdict: b.verdict,
      negative_item: b.verdict === 'fail' ? (b.negativeItem ?? null) : null,
      reason: b.reason,
      reviewed_on: b.reviewedOn,
      recorded_by: actor.accountId,
    });
    await repo.setReviewStatus(trx, c.id, state.state);
    await audit({
      action: 'election.candidate_review',
      targetType: 'election_candidate',
      targetId: c.id,
      countyCode: c.county_code,
      before: { reviewStatus: c.review_status },
      after: { ...b, reviewStatus: state.state },
    });
  });
  return { id: Number(c.id), reviewStatus: state.state, missing: state.missing };
}
