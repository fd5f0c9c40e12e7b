// Registers of 强村公司 and 富民工坊: who runs each (a town or a village), the villages joined, the jobs
// and the yearly revenue and dividends; registered and updated by a town, a county or the city.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyEnterprise, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { validateUscc } from '../platform/text/uscc.ts';
import { isDate, shanghaiToday } from '../recruitment/domain/dates.ts';
import type { EnterpriseKind } from './economy-tables.ts';
import {
  enterpriseParts,
  enterpriseRows,
  enterpriseYear,
  insertEnterprise,
  upsertEnterpriseYear,
} from './enterprise.repository.ts';
import { economyError } from './income.service.ts';

export const KIND_NAMES: Record<EnterpriseKind, { zh: string; en: string }> = {
  village_company: { zh: '强村公司', en: 'Village company' },
  workshop: { zh: '富民工坊', en: 'Workshop' },
};

function shape(
  e: Awaited<ReturnType<typeof enterpriseRows>>[number],
  parts: Awaited<ReturnType<typeof enterpriseParts>>,
) {
  const years = parts.years.filter((y) => Number(y.enterprise_id) === Number(e.id));
  return {
    id: Number(e.id),
    kind: e.kind,
    kindName: KIND_NAMES[e.kind],
    name: e.name,
    uscc: e.uscc,
    org: { id: Number(e.org_id), name: e.org_name, level: e.org_level },
    countyCode: e.county_code,
    foundedOn: e.founded_on,
    business: e.business,
    manager: e.manager,
    villages: parts.villages
      .filter((v) => Number(v.enterprise_id) === Number(e.id))
      .map((v) => ({ id: Number(v.id), code: v.code, name: v.name })),
    years: years.map((y) => ({
      year: Number(y.year),
      revenueFen: Number(y.revenue_fen),
      dividendsFen: Number(y.dividends_fen),
      jobs: Number(y.jobs),
    })),
  };
}

export async function enterpriseList(
  db: Db,
  actor: Actor,
  query: {
    kind?: EnterpriseKind | undefined;
    orgId?: number | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const all = await enterpriseRows(db, actor, { basePath: scope.path, kind: query.kind, q: query.q });
  const page = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const parts = await enterpriseParts(
    db,
    all.map((e) => Number(e.id)),
  );
  const items = all.map((e) => shape(e, parts));
  const latest = (i: (typeof items)[number]) => i.years[0];
  const summary = (Object.keys(KIND_NAMES) as EnterpriseKind[]).map((kind) => {
    const mine = items.filter((i) => i.kind === kind);
    return {
      kind,
      name: KIND_NAMES[kind],
      count: mine.length,
      villages: new Set(mine.flatMap((i) => i.villages.map((v) => v.id))).size,
      jobs: mine.reduce((t, i) => t + (latest(i)?.jobs ?? 0), 0),
      revenueFen: mine.reduce((t, i) => t + (latest(i)?.revenueFen ?? 0), 0),
      dividendsFen: mine.reduce((t, i) => t + (latest(i)?.dividendsFen ?? 0), 0),
    };
  });
  const pageIds = new Set(page.map((e) => Number(e.id)));
  return {
    scope: { id: scope.id, name: scope.name },
    summary,
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    items: items.filter((i) => pageIds.has(i.id)),
  };
}

export async function enterpriseDetail(db: Db, actor: Actor, id: number) {
  const e = await verifyEnterprise(db, actor, id);
  const parts = await enterpriseParts(db, [e.id]);
  const org = await verifyOrg(db, actor, e.org_id).catch(() => null);
  return shape({ ...e, org_name: e.org_name, org_level: org?.level ?? 'town' }, parts);
}

export interface EnterpriseInput {
  kind: EnterpriseKind;
  name: string;
  uscc?: string | undefined;
  orgId: number;
  foundedOn: string;
  business?: string | undefined;
  manager?: string | undefined;
  villageIds: number[];
}

const bad = (code: string, field: string, zh: string, en: string) => unprocessable(code, zh, en, { field });

export async function createEnterprise(db: Db, write: Write, actor: Actor, input: EnterpriseInput) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(me.level)) throw economyError.level();
  const owner = await verifyOrg(db, actor, input.orgId);
  if (!['town', 'village', 'county'].includes(owner.level))
    throw bad(
      'ENTERPRISE_OWNER_LEVEL',
      'orgId',
      '强村公司、富民工坊须由县、镇（街）或村（社区）组建。',
      'It is run by a county, a town or a village.',
    );
  if (!isDate(input.foundedOn) || input.foundedOn > shanghaiToday())
    throw bad(
      'ENTERPRISE_FOUNDED_ON',
      'foundedOn',
      `成立日期 ${input.foundedOn} 无效或晚于今天。`,
      'The founding date is invalid or in the future.',
    );
  let uscc: string | null = null;
  if (input.uscc?.trim()) {
    const r = validateUscc(input.uscc.trim().toUpperCase());
    if (!r.ok)
      throw bad(
        'ENTERPRISE_USCC',
        'uscc',
        `统一社会信用代码 ${input.uscc} 不正确（${r.reason === 'checksum' ? '校验位不符' : r.reason === 'length' ? '应为 18 位' : '含无效字符'}）。`,
        `The USCC ${input.uscc} is invalid (${r.reason}).`,
      );
    uscc = r.code;
  } else if (input.kind === 'village_company')
    throw bad(
      'ENTERPRISE_USCC_REQUIRED',
      'uscc',
      '强村公司须填写统一社会信用代码。',
      'A village company needs its USCC.',
    );
  const villages: { id: number; name: string }[] = [];
  for (const id of new Set(input.villageIds)) {
    const v = await verifyOrg(db, actor, id);
    if (v.level !== 'village')
      throw bad(
        'ENTERPRISE_VILLAGE',
        'villageIds',
        `${v.name} 不是村（社区）。`,
        `${v.name} is not a village.`,
      );
    villages.push(v);
  }
  if (owner.level === 'village' && !villages.some((v) => v.id === owner.id)) villages.push(owner);
  if (villages.length === 0)
    throw bad(
      'ENTERPRISE_NO_VILLAGE',
      'villageIds',
      '至少关联一个参与的村（社区）。',
      'Join at least one village.',
    );
  return write(async (trx, audit) => {
    const id = await insertEnterprise(
      trx,
      {
        kind: input.kind,
        name: input.name.trim(),
        uscc,
        county_code: owner.county_code ?? owner.code.slice(0, 6),
        org_id: owner.id,
        founded_on: input.foundedOn,
        business: input.business?.trim() ?? '',
        manager: input.manager?.trim() ?? '',
        created_by: actor.accountId,
      },
      villages.map((v) => v.id),
    );
    await audit({
      action: 'collective_economy.enterprise',
      targetType: 'collective_enterprise',
      targetId: id,
      countyCode: owner.county_code,
      after: { ...input, uscc, villageIds: villages.map((v) => v.id) },
    });
    return { id };
  });
}

export async function saveEnterpriseYear(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  input: { year: number; revenueFen: number; dividendsFen: number; jobs: number },
) {
  requirePermission(actor, 'assessment:manage');
  const e = await verifyEnterprise(db, actor, id, 'assessment:manage');
  const current = Number(shanghaiToday().slice(0, 4));
  if (input.year > current) throw economyError.year(input.year, current);
  if (input.dividendsFen > input.revenueFen)
    throw bad(
      'ENTERPRISE_DIVIDENDS',
      'dividendsFen',
      '分红不能超过当年营业收入。',
      'Dividends cannot exceed the revenue.',
    );
  return write(async (trx, audit) => {
    const before = await enterpriseYear(trx, e.id, input.year);
    await upsertEnterpriseYear(trx, {
      enterprise_id: e.id,
      year: input.year,
      county_code: e.county_code,
      revenue_fen: input.revenueFen,
      dividends_fen: input.dividendsFen,
      jobs: input.jobs,
    });
    await audit({
      action: 'collective_economy.enterprise_year',
      targetType: 'collective_enterprise',
      targetId: e.id,
      countyCode: e.county_code,
      before: before ?? null,
      after: input,
    });
    return { id: e.id, ...input };
  });
}
