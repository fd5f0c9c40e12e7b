// 小微权力清单 that runs (issue 14 item 3): each county keeps its positive list (every power with its
// procedure) and negative list; a village exercising a power opens a record that must follow that
// procedure step by step; a record matching nothing on the list, or matching the negative list, is
// flagged to the town, which reviews it; counts by village and by power.
import { childOrgs } from '../deliberation/deliberation-read.repository.ts';
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, badRequest, conflict, forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { verifyVillage } from '../village-cadres/village-common.ts';
import { notifyAccountsOf } from '../village-publication/village-notify.repository.ts';
import { checkPowerStep, type ListItem, matchPower } from './domain/power-rules.ts';
import { CATEGORY_NAMES } from './power-catalog.ts';
import * as repo from './power-list.repository.ts';
import type { PowerFlag, ProcedureStep } from './power-list-tables.ts';

const toListItem = (r: repo.ItemRow): ListItem => ({
  id: Number(r.id),
  kind: r.kind,
  code: r.code,
  name: r.name,
  keywords: r.keywords,
  active: r.active,
});

function itemOut(r: repo.ItemRow) {
  return {
    id: Number(r.id),
    countyCode: r.county_code,
    kind: r.kind,
    code: r.code,
    name: r.name,
    category: r.category,
    categoryName: CATEGORY_NAMES[r.category] ?? r.category,
    actor: r.actor,
    basis: r.basis,
    steps: r.steps,
    keywords: r.keywords,
    active: r.active,
  };
}

/** The list of the actor's county (the city names a county). */
export async function powerList(db: Db, actor: Actor, countyCode?: string) {
  const county = actor.scopeCountyCode ?? countyCode ?? null;
  if (!county)
    throw badRequest('COUNTY_REQUIRED', 'countyCode：请选择县（市、区）。', 'countyCode: choose a county.', {
      field: 'countyCode',
    });
  const rows = await repo.listItems(db, actor, county);
  return {
    countyCode: county,
    positive: rows.filter((r) => r.kind === 'positive').map(itemOut),
    negative: rows.filter((r) => r.kind === 'negative').map(itemOut),
  };
}

/** Only a county's committee keeps its county's list. */
async function requireCountyActor(db: Db, actor: Actor, countyCode: string) {
  const org = await verifyOrg(db, actor, actor.scopeOrgId);
  if (org.level !== 'county' || org.county_code !== countyCode)
    throw forbidden(
      'POWER_LIST_BY_COUNTY',
      '小微权力清单由县（市、区）委组织部门制定和修改。',
      'The power list is kept by the county.',
      { countyCode },
    );
}

export interface ItemBody {
  kind: 'positive' | 'negative';
  code: string;
  name: string;
  category: string;
  actor?: string;
  basis?: string;
  steps?: ProcedureStep[];
  keywords?: string[];
}

export async function createItem(db: Db, write: Write, actor: Actor, b: ItemBody) {
  const county = actor.scopeCountyCode;
  if (!county)
    throw forbidden(
      'POWER_LIST_BY_COUNTY',
      '小微权力清单由县（市、区）委组织部门制定和修改。',
      'The power list is kept by the county.',
    );
  await requireCountyActor(db, actor, county);
  if (b.kind === 'positive' && !b.steps?.length)
    throw badRequest(
      'POWER_PROCEDURE_REQUIRED',
      'steps：正面清单的权力事项须列明办理流程。',
      'steps: a positive power lists its procedure.',
      { field: 'steps' },
    );
  const existing = await repo.itemsOfCounty(db, county);
  if (existing.some((i) => i.code === b.code))
    throw conflict(
      'POWER_CODE_TAKEN',
      `code：编号 ${b.code} 已在本县清单中。`,
      `code: ${b.code} is already on the list.`,
      { field: 'code' },
    );
  return write(async (trx, audit) => {
    const id = await repo.insertItem(trx, {
      county_code: county,
      kind: b.kind,
      code: b.code,
      name: b.name,
      category: b.category,
      actor: b.actor ?? '',
      basis: b.basis ?? '',
      steps: b.steps ?? [],
      keywords: b.keywords ?? [],
      updated_by: actor.accountId,
    });
    await audit({
      action: 'power_list.item_create',
      targetType: 'power_item',
      targetId: id,
      countyCode: county,
      after: { ...b },
    });
    return { id };
  });
}

export async function updateItem(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: Partial<Omit<ItemBody, 'kind' | 'code'>> & { active?: boolean },
) {
  const item = await repo.findItem(db, actor, id);
  await requireCountyActor(db, actor, item.county_code);
  if (item.kind === 'positive' && b.steps && b.steps.length === 0)
    throw badRequest(
      'POWER_PROCEDURE_REQUIRED',
      'steps：正面清单的权力事项须列明办理流程。',
      'steps: a positive power lists its procedure.',
      { field: 'steps' },
    );
  await write(async (trx, audit) => {
    await repo.updateItem(trx, item.id, b, actor.accountId);
    await audit({
      action: 'power_list.item_update',
      targetType: 'power_item',
      targetId: item.id,
      countyCode: item.county_code,
      before: { name: item.name, steps: item.steps, keywords: item.keywords, active: item.active },
      after: b,
    });
  });
  return itemOut(await repo.findItem(db, actor, item.id));
}

function useOut(r: repo.UseRow) {
  const procedure = r.procedure;
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
    item:
      r.item_id === null ? null : { id: Number(r.item_id), code: r.item_code ?? '', name: r.item_name ?? '' },
    title: r.title,
    description: r.description,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    startedOn: r.started_on,
    status: r.status,
    completedOn: r.completed_on,
    stepsDone: Number(r.steps_done),
    stepsTotal: procedure.length,
    nextStep:
      r.status === 'open' && procedure[Number(r.steps_done)]
        ? { index: Number(r.steps_done) + 1, ...(procedure[Number(r.steps_done)] as ProcedureStep) }
        : null,
    flag: r.flag,
    flagDetail: r.flag_detail,
    flagReviewedAt: r.flag_reviewed_at ? new Date(r.flag_reviewed_at).toISOString() : null,
    flagReviewNote: r.flag_review_note,
    deliberationId: r.deliberation_id === null ? null : Number(r.deliberation_id),
  };
}

export interface UseQuery {
  orgId?: number;
  itemId?: number;
  flag?: PowerFlag | 'any';
  unreviewed?: boolean;
  status?: string;
  year?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function usePage(db: Db, actor: Actor, q: UseQuery) {
  const base = await basePathOf(db, actor, q.orgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.listUses(
    db,
    actor,
    {
      basePath: base.path,
      countyCode: base.county_code,
      itemId: q.itemId,
      flag: q.flag,
      unreviewed: q.unreviewed,
      status: q.status,
      year: q.year,
      q: q.q,
    },
    page,
    pageSize,
  );
  return { items: items.map(useOut), total, page, pageSize };
}

export async function useDetail(db: Db, actor: Actor, id: number) {
  const r = await repo.findUse(db, actor, id);
  const steps = await repo.stepsOf(db, r.id);
  return {
    ...useOut(r),
    procedure: r.procedure.map((p, i) => ({ index: i + 1, ...p })),
    steps: steps.map((s) => ({
      index: Number(s.step_index),
      doneOn: s.done_on,
      actorName: s.actor_name,
      evidence: s.evidence,
      attachments: s.attachments,
    })),
  };
}

export interface UseBody {
  orgId: number;
  itemId?: number;
  title: string;
  description?: string;
  amountFen?: number;
  startedOn: string;
  deliberationId?: number;
}

/** Opens a record of power use; unmatched or negative-list records are flagged to the town. */
export async function createUse(db: Db, write: Write, actor: Actor, b: UseBody, today = shanghaiToday()) {
  const village = await verifyVillage(db, actor, b.orgId);
  if (b.startedOn > today)
    throw unprocessable(
      'POWER_STEP_DATE',
      `startedOn：${b.startedOn} 晚于今天。`,
      'startedOn is after today.',
      { field: 'startedOn' },
    );
  const items = await repo.itemsOfCounty(db, village.county_code);
  const chosen = b.itemId === undefined ? null : items.find((i) => Number(i.id) === b.itemId);
  if (b.itemId !== undefined && !chosen?.active)
    throw badRequest(
      'POWER_ITEM_UNKNOWN',
      `itemId：${b.itemId} 不是本县清单中的有效事项。`,
      `itemId: ${b.itemId} is not an active item of this county's list.`,
      { field: 'itemId' },
    );
  if (b.deliberationId !== undefined && !(await repo.deliberationOfVillage(db, village.id, b.deliberationId)))
    throw badRequest(
      'POWER_DELIBERATION_UNKNOWN',
      `deliberationId：${b.deliberationId} 不是本村的决策事项。`,
      'deliberationId: not a matter of this village.',
      { field: 'deliberationId' },
    );
  const match = matchPower(
    `${b.title} ${b.description ?? ''}`,
    items.map(toListItem),
    chosen ? toListItem(chosen) : null,
  );
  const item = match.item ? items.find((i) => Number(i.id) === match.item?.id) : undefined;
  const detail = match.negative
    ? {
        negativeItemId: match.negative.item.id,
        negativeCode: match.negative.item.code,
        negativeName: match.negative.item.name,
        words: match.negative.words,
      }
    : match.flag === 'unmatched'
      ? { reason: '未匹配小微权力清单中的事项' }
      : null;
  return write(async (trx, audit) => {
    const id = await repo.insertUse(trx, {
      org_id: village.id,
      county_code: village.county_code,
      item_id: item ? Number(item.id) : null,
      title: b.title,
      description: b.description ?? '',
      amount_fen: b.amountFen ?? null,
      started_on: b.startedOn,
      procedure: item?.steps ?? [],
      flag: match.flag,
      flag_detail: detail,
      deliberation_id: b.deliberationId ?? null,
      created_by: actor.accountId,
    });
    await audit({
      action: 'power_use.create',
      targetType: 'power_use',
      targetId: id,
      countyCode: village.county_code,
      after: { ...b, itemId: item ? Number(item.id) : null, flag: match.flag, flagDetail: detail },
    });
    if (match.flag)
      await notifyAccountsOf(trx, village.id, 'town', {
        kind: 'power_use_flagged',
        title: `小微权力待审核：${village.name}`,
        body: `${b.title}：${match.negative ? `触及负面清单“${match.negative.item.name}”` : '未匹配小微权力清单中的事项'}，请在“小微权力”中审核。`,
      });
    return { id, itemId: item ? Number(item.id) : null, flag: match.flag, flagDetail: detail };
  });
}

export interface UseStepBody {
  index: number;
  doneOn: string;
  actorName: string;
  evidence?: string;
  attachments?: number[];
}

/** Records the next step of the record's procedure, strictly in order. */
export async function recordUseStep(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: UseStepBody,
  today = shanghaiToday(),
) {
  const u = await repo.findUse(db, actor, id, 'village:manage');
  const steps = await repo.stepsOf(db, u.id);
  const problem = checkPowerStep(
    u.procedure,
    { status: u.status, done: Number(u.steps_done), lastOn: steps.at(-1)?.done_on ?? u.started_on },
    { index: b.index, on: b.doneOn, actorName: b.actorName, evidence: b.evidence ?? '' },
    today,
  );
  if (problem) throw new AppError(problem.status, problem.code, problem.zh, problem.en, problem.details);
  const complete = b.index === u.procedure.length;
  await write(async (trx, audit) => {
    const ok = await repo.insertUseStep(
      trx,
      {
        use_id: u.id,
        county_code: u.county_code,
        step_index: b.index,
        done_on: b.doneOn,
        actor_name: b.actorName,
        evidence: b.evidence ?? '',
        attachments: b.attachments ?? [],
        recorded_by: actor.accountId,
      },
      complete,
    );
    if (!ok)
      throw conflict(
        'POWER_USE_CHANGED',
        '该记录已被他人更新，请刷新后重试。',
        'The record changed meanwhile: reload.',
      );
    await audit({
      action: 'power_use.step',
      targetType: 'power_use',
      targetId: u.id,
      countyCode: u.county_code,
      after: { ...b, complete },
    });
  });
  return useDetail(db, actor, u.id);
}

/** The town (or county) reviews a flagged record, with its note. */
export async function reviewUse(db: Db, write: Write, actor: Actor, id: number, note: string) {
  const u = await repo.findUse(db, actor, id, 'village:supervise');
  const org = await verifyOrg(db, actor, actor.scopeOrgId);
  if (org.level !== 'town' && org.level !== 'county' && org.level !== 'city')
    throw forbidden(
      'POWER_REVIEW_BY_TOWN',
      '标记的权力运行记录由镇（街）或县（市、区）核查。',
      'Flagged records are reviewed by the town or county.',
    );
  if (!u.flag)
    throw unprocessable('POWER_USE_NOT_FLAGGED', '该记录未被标记，无需核查。', 'This record is not flagged.');
  if (u.flag_reviewed_at)
    throw conflict('POWER_USE_REVIEWED', '该记录已核查。', 'This record was reviewed already.');
  await write(async (trx, audit) => {
    const ok = await repo.reviewUse(trx, u.id, note, actor.accountId);
    if (!ok) throw conflict('POWER_USE_REVIEWED', '该记录已核查。', 'This record was reviewed already.');
    await audit({
      action: 'power_use.review',
      targetType: 'power_use',
      targetId: u.id,
      countyCode: u.county_code,
      after: { flag: u.flag, note },
    });
  });
  return useDetail(db, actor, u.id);
}

/** Power use per town or village and per power in a year. */
export async function powerFigures(
  db: Db,
  actor: Actor,
  q: { orgId?: number; year?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const year = q.year ?? Number(today.slice(0, 4));
  const [children, byChild, byItem] = await Promise.all([
    childOrgs(db, actor, base.id),
    repo.usesByChild(db, actor, base, year),
    repo.usesByItem(db, actor, base.path, year),
  ]);
  const of = new Map(byChild.map((c) => [c.childId, c]));
  const zero = { uses: 0, open: 0, completed: 0, unmatched: 0, negative: 0, unreviewed: 0 };
  const rows = children.map((c) => {
    const { childId: _c, ...f } = of.get(Number(c.id)) ?? { childId: 0, ...zero };
    return { org: { id: Number(c.id), code: c.code, name: c.name, level: c.level }, ...f };
  });
  const totals = rows.reduce(
    (a, r) => ({
      uses: a.uses + r.uses,
      open: a.open + r.open,
      completed: a.completed + r.completed,
      unmatched: a.unmatched + r.unmatched,
      negative: a.negative + r.negative,
      unreviewed: a.unreviewed + r.unreviewed,
    }),
    zero,
  );
  return {
    base: { id: base.id, code: base.code, name: base.name, level: base.level },
    year,
    rows,
    totals,
    byPower: byItem.map((i) => ({
      code: i.code ?? '',
      name: i.name ?? '未匹配清单',
      uses: i.uses,
      completed: i.completed,
    })),
  };
}
