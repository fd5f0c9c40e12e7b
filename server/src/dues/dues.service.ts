// 党费: the rate table (versions by effective month), members' declared bases, a branch's payments for
// a month, the branch's dues (due / paid / arrears) and the six-month warnings. Every write is one
// transaction with its audit row; a refusal writes nothing.
import type { Actor } from '../platform/access/actor.ts';
import { verifyMember, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  addMonth,
  arrears,
  type BaseDeclaration,
  categoryOf,
  duesByMonth,
  isMonth,
  type RateTable,
  type RateVersion,
  rateTableProblem,
  WARNING_MONTHS,
} from './domain/dues-rules.ts';
import * as repo from './dues.repository.ts';
import { duesErrors } from './dues-errors.ts';

const P = 'dues:manage' as const;

export async function rateVersions(db: Db): Promise<(RateVersion & { id: number; note: string })[]> {
  const rows = await repo.rateVersionRows(db);
  return rows.map((r) => ({ id: r.id, effectiveMonth: r.effective_month, rates: r.rates, note: r.note }));
}

/** Adds (or replaces) the version taking effect in a month. Only an account scoped at the city. */
export async function saveRateVersion(
  db: Db,
  write: Write,
  actor: Actor,
  input: { effectiveMonth: string; rates: RateTable; note?: string | undefined },
) {
  const scope = await verifyOrg(db, actor, actor.scopeOrgId);
  if (scope.level !== 'city') throw duesErrors.cityOnly();
  if (!isMonth(input.effectiveMonth)) throw duesErrors.badMonth('effectiveMonth', input.effectiveMonth);
  const problem = rateTableProblem(input.rates);
  if (problem) throw duesErrors.rateTable(problem);
  return write(async (trx, audit) => {
    const before = await repo.rateVersionOf(trx, input.effectiveMonth);
    const id = await repo.upsertRateVersion(trx, {
      effective_month: input.effectiveMonth,
      rates: JSON.stringify(input.rates),
      note: input.note?.trim() ?? '',
      created_by: actor.accountId,
    });
    await audit({
      action: 'dues.rates',
      targetType: 'dues_rate_version',
      targetId: id,
      before: before ?? null,
      after: { effectiveMonth: input.effectiveMonth, rates: input.rates },
      countyCode: null,
    });
    return id;
  });
}

/** A member's declared monthly base in fen, from a month on. */
export async function declareBase(
  db: Db,
  write: Write,
  actor: Actor,
  memberId: number,
  input: { baseFen: number; fromMonth: string },
) {
  const member = await verifyMember(db, actor, memberId, P);
  if (!Number.isInteger(input.baseFen) || input.baseFen < 0) throw duesErrors.badBase(input.baseFen);
  if (!isMonth(input.fromMonth)) throw duesErrors.badMonth('fromMonth', input.fromMonth);
  await write(async (trx, audit) => {
    await repo.upsertBase(trx, {
      member_id: member.id,
      from_month: input.fromMonth,
      county_code: member.county_code,
      base_fen: input.baseFen,
      declared_by: actor.accountId,
    });
    await audit({
      action: 'dues.declare_base',
      targetType: 'member',
      targetId: member.id,
      after: input,
      countyCode: member.county_code,
    });
  });
}

interface MemberDuesRow {
  id: number;
  name: string;
  occupation: string;
  org_name: string;
}

/** Dues of the members of an org's subtree for a month: base, due, paid, arrears (domain/dues-rules.ts). */
async function duesOf(db: Db, members: MemberDuesRow[], month: string) {
  const ids = members.map((m) => m.id);
  const versions = await rateVersions(db);
  const [bases, payments] = ids.length
    ? await Promise.all([repo.basesOf(db, ids), repo.paymentsUpTo(db, ids, month)])
    : [[], []];
  const basesOf = new Map<number, BaseDeclaration[]>();
  for (const b of bases)
    basesOf.set(b.member_id, [
      ...(basesOf.get(b.member_id) ?? []),
      { fromMonth: b.from_month, baseFen: Number(b.base_fen) },
    ]);
  const paidOf = new Map<number, Map<string, number>>();
  for (const p of payments) {
    const m = paidOf.get(p.member_id) ?? new Map<string, number>();
    m.set(p.month, Number(p.paid_fen));
    paidOf.set(p.member_id, m);
  }
  return members.map((m) => {
    const declared = basesOf.get(m.id) ?? [];
    const paid = paidOf.get(m.id) ?? new Map<string, number>();
    const category = categoryOf(m.occupation);
    // the dues record starts with the first declaration or payment: no arrears before it
    const starts = [...declared.map((b) => b.fromMonth), ...paid.keys()].sort()[0];
    const due =
      starts && starts <= month ? duesByMonth(versions, category, declared, starts, month) : new Map();
    const owed = arrears(due, paid);
    const current = declared
      .filter((b) => b.fromMonth <= month)
      .sort((a, b) => (a.fromMonth < b.fromMonth ? 1 : -1))[0];
    const dueNow = duesByMonth(versions, category, declared, month, month).get(month) ?? null;
    return {
      member: { id: m.id, name: m.name, orgName: m.org_name },
      category,
      baseFen: current?.baseFen ?? null,
      dueFen: dueNow,
      paidFen: paid.get(month) ?? 0,
      arrearsMonths: owed.months,
      arrearsFen: owed.fen,
    };
  });
}

export async function branchDues(db: Db, actor: Actor, orgId: number, month: string) {
  if (!isMonth(month)) throw duesErrors.badMonth('month', month);
  const org = await verifyOrg(db, actor, orgId);
  const members = await repo.branchMembers(db, actor, org.path);
  const rows = await duesOf(db, members, month);
  const totals = { members: rows.length, dueFen: 0, paidFen: 0, arrearsFen: 0, unpaid: 0 };
  for (const r of rows) {
    totals.dueFen += r.dueFen ?? 0;
    totals.paidFen += r.paidFen;
    totals.arrearsFen += r.arrearsFen;
    if ((r.dueFen ?? 0) > r.paidFen) totals.unpaid += 1;
  }
  return { org: { id: org.id, name: org.name }, month, members: rows, totals };
}

export interface PaymentsInput {
  month: string;
  paidOn: string;
  payments: { memberId: number; paidFen: number }[];
}

/** A branch records a month's payments (batch); a second record of the same month replaces the first. */
export async function recordPayments(
  db: Db,
  write: Write,
  actor: Actor,
  orgId: number,
  input: PaymentsInput,
  today = shanghaiToday(),
) {
  if (!isMonth(input.month)) throw duesErrors.badMonth('month', input.month);
  if (input.month > today.slice(0, 7)) throw duesErrors.futureMonth(input.month, today.slice(0, 7));
  if (!isDate(input.paidOn)) throw duesErrors.badMonth('paidOn', input.paidOn);
  const org = await verifyOrg(db, actor, orgId);
  const seen = new Set<number>();
  for (const p of input.payments) {
    if (seen.has(p.memberId)) throw duesErrors.duplicate(p.memberId);
    seen.add(p.memberId);
    if (!Number.isInteger(p.paidFen) || p.paidFen <= 0) throw duesErrors.badPayment(p.memberId, p.paidFen);
  }
  const ids = [...seen];
  const found = ids.length ? await repo.membersUnder(db, actor, ids, org.path) : [];
  const inBranch = new Set(found.map((m) => m.id));
  const outside = ids.filter((id) => !inBranch.has(id));
  if (outside.length) throw duesErrors.notInBranch(outside, org.name);
  const dues = new Map((await duesOf(db, found, input.month)).map((d) => [d.member.id, d.dueFen ?? 0]));
  await write(async (trx, audit) => {
    await repo.upsertPayments(
      trx,
      input.payments.map((p) => ({
        member_id: p.memberId,
        month: input.month,
        org_id: org.id,
        county_code: org.county_code,
        due_fen: dues.get(p.memberId) ?? 0,
        paid_fen: p.paidFen,
        paid_on: input.paidOn,
        recorded_by: actor.accountId,
      })),
    );
    await audit({
      action: 'dues.payments',
      targetType: 'org',
      targetId: org.id,
      after: { month: input.month, paidOn: input.paidOn, payments: input.payments },
      countyCode: org.county_code,
    });
  });
  return branchDues(db, actor, org.id, input.month);
}

/**
 * 连续6个月不交纳党费 / 不参加组织生活 in an org's subtree, as of a month: the SQL form of
 * sixMonthWarning (domain/dues-rules.ts), one scan of the scope's members.
 */
export async function sixMonthWarnings(
  db: Db,
  actor: Actor,
  q: {
    orgId?: number | undefined;
    month?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const month = q.month ?? shanghaiToday().slice(0, 7);
  if (!isMonth(month)) throw duesErrors.badMonth('month', month);
  const org = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const from = addMonth(month, -WARNING_MONTHS);
  const to = addMonth(month, -1);
  const fromDay = `${from}-01`;
  const toDay = `${month}-01`;
  const size = Math.min(q.pageSize ?? 50, 500);
  const pageNo = Math.max(q.page ?? 1, 1);
  const { total, items } = await repo.sixMonthWarningPage(
    db,
    actor,
    { path: org.path, from, to, fromDay, toDay },
    size,
    (pageNo - 1) * size,
  );
  return {
    month,
    window: { from, to },
    total,
    items: items.map((r) => ({
      member: { id: r.id, name: r.name },
      org: { id: r.org_id, name: r.org_name },
      dues: Boolean(r.no_dues),
      orgLife: Boolean(r.no_org_life),
    })),
  };
}
