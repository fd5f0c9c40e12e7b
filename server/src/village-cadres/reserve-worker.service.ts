// Reserve cadres (后备干部) with training and mentoring, and community workers and full-time grid
// workers on the career ladder (岗位等级序列, 三岗十八级: post, grade, years, training, promotion).
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { daysBetween, shanghaiToday } from '../recruitment/domain/dates.ts';
import { readCadreSettings } from './cadre.service.ts';
import { overallLevel, promotionCheck } from './domain/ladder.ts';
import * as repo from './reserve-worker.repository.ts';
import { verifyVillage } from './village-common.ts';

const num = (v: unknown) => Number(v ?? 0);

export async function reservePage(
  db: Db,
  actor: Actor,
  q: { orgId?: number; status?: string; page?: number; pageSize?: number },
) {
  const base = await basePathOf(db, actor, q.orgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.listReserves(db, actor, base.path, q.status, page, pageSize);
  return {
    items: items.map((r) => ({
      id: Number(r.id),
      org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
      name: r.name,
      gender: r.gender,
      birthDate: r.birth_date,
      education: r.education,
      partyMember: r.party_member,
      since: r.since,
      mentorName: r.mentor_name,
      status: r.status,
      trainingHours: num(r.training_hours),
      mentoring: num(r.mentoring),
    })),
    total,
    page,
    pageSize,
  };
}

export async function reserveDetail(db: Db, actor: Actor, id: number) {
  const r = await repo.findReserve(db, actor, id);
  const acts = await repo.activitiesOf(db, r.id);
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    education: r.education,
    partyMember: r.party_member,
    since: r.since,
    mentorName: r.mentor_name,
    status: r.status,
    endedOn: r.ended_on,
    note: r.note,
    activities: acts.map((a) => ({
      id: Number(a.id),
      kind: a.kind,
      on: a.on_date,
      title: a.title,
      hours: num(a.hours),
      mentorName: a.mentor_name,
    })),
  };
}

export async function addReserve(
  db: Db,
  write: Write,
  actor: Actor,
  b: {
    orgId: number;
    name: string;
    gender: 'male' | 'female';
    birthDate?: string;
    education?: string;
    partyMember: boolean;
    since: string;
    mentorName?: string;
    note?: string;
  },
  today = shanghaiToday(),
) {
  const v = await verifyVillage(db, actor, b.orgId);
  if (b.since > today)
    throw unprocessable('RESERVE_DATE', `since：${b.since} 晚于今天。`, 'since is after today.', {
      field: 'since',
    });
  return write(async (trx, audit) => {
    const id = await repo.insertReserve(trx, {
      org_id: v.id,
      county_code: v.county_code,
      name: b.name,
      gender: b.gender,
      birth_date: b.birthDate ?? null,
      education: b.education ?? '',
      member_id: null,
      party_member: b.partyMember,
      since: b.since,
      mentor_name: b.mentorName ?? '',
      note: b.note ?? '',
    });
    await audit({
      action: 'reserve_cadre.add',
      targetType: 'reserve_cadre',
      targetId: id,
      countyCode: v.county_code,
      after: b,
    });
    return { id };
  });
}

export async function addReserveActivity(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: {
    kind: 'training' | 'mentoring' | 'practice';
    on: string;
    title: string;
    hours?: number;
    mentorName?: string;
  },
  today = shanghaiToday(),
) {
  const r = await repo.findReserve(db, actor, id, 'village:manage');
  if (r.status !== 'active')
    throw conflict('RESERVE_NOT_ACTIVE', '该后备干部已使用或退出，不再登记培养。', 'No longer a reserve.', {
      status: r.status,
    });
  if (b.on > today || b.on < r.since)
    throw unprocessable(
      'RESERVE_DATE',
      `on：日期须在 ${r.since} 至今天之间。`,
      `on: between ${r.since} and today.`,
      { field: 'on' },
    );
  await write(async (trx, audit) => {
    const aid = await repo.insertActivity(trx, {
      reserve_id: r.id,
      county_code: r.county_code,
      kind: b.kind,
      on_date: b.on,
      title: b.title,
      hours: b.hours ?? 0,
      mentor_name: b.mentorName ?? '',
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'reserve_cadre.activity',
      targetType: 'reserve_cadre',
      targetId: r.id,
      countyCode: r.county_code,
      after: { activityId: aid, ...b },
    });
  });
  return reserveDetail(db, actor, r.id);
}

export async function setReserveStatus(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: { status: 'appointed' | 'left'; on: string; note?: string },
) {
  const r = await repo.findReserve(db, actor, id, 'village:supervise');
  if (r.status !== 'active')
    throw conflict('RESERVE_NOT_ACTIVE', '该后备干部已使用或退出。', 'No longer a reserve.', {
      status: r.status,
    });
  await write(async (trx, audit) => {
    await repo.setReserveStatus(trx, r.id, b.status, b.on, b.note ?? '');
    await audit({
      action: 'reserve_cadre.status',
      targetType: 'reserve_cadre',
      targetId: r.id,
      countyCode: r.county_code,
      after: b,
    });
  });
  return reserveDetail(db, actor, r.id);
}

async function workerOut(db: Db, r: repo.WorkerRow, today: string) {
  const s = await readCadreSettings(db);
  const tier = s.ladder.tiers.find((t) => t.tier === r.tier);
  const check = promotionCheck(
    {
      tier: r.tier,
      grade: r.grade,
      gradeSince: r.grade_since,
      hoursSince: num(r.hours_since),
      lastAssessment: r.last_assessment,
    },
    s.ladder,
    today,
  );
  return {
    id: Number(r.id),
    org: { id: Number(r.org_id), code: r.org_code, name: r.org_name },
    gridWorker: r.grid_worker_id !== null,
    name: r.name,
    gender: r.gender,
    education: r.education,
    tier: r.tier,
    tierName: tier?.zh ?? String(r.tier),
    grade: r.grade,
    level: overallLevel(s.ladder.tiers, r.tier, r.grade),
    gradeSince: r.grade_since,
    startedOn: r.started_on,
    yearsOfService: Math.floor(daysBetween(r.started_on, today) / 365.25),
    hoursSince: num(r.hours_since),
    lastAssessment: r.last_assessment,
    promotion: {
      eligible: check.eligible,
      next: check.next,
      yearsMetOn: check.yearsMetOn,
      reasons: check.reasons.map((x) => ({ code: x.code, messageZh: x.zh, messageEn: x.en })),
    },
  };
}

export async function workerPage(
  db: Db,
  actor: Actor,
  q: { orgId?: number; tier?: number; gridWorkers?: boolean; page?: number; pageSize?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { items, total } = await repo.listWorkers(
    db,
    actor,
    { basePath: base.path, tier: q.tier, gridWorkers: q.gridWorkers },
    page,
    pageSize,
  );
  return { items: await Promise.all(items.map((r) => workerOut(db, r, today))), total, page, pageSize };
}

export async function workerDetail(db: Db, actor: Actor, id: number, today = shanghaiToday()) {
  const r = await repo.findWorker(db, actor, id);
  const events = await repo.eventsOf(db, r.id);
  return {
    ...(await workerOut(db, r, today)),
    events: events.map((e) => ({
      id: Number(e.id),
      kind: e.kind,
      on: e.on_date,
      fromTier: e.from_tier,
      fromGrade: e.from_grade,
      toTier: e.to_tier,
      toGrade: e.to_grade,
      hours: e.hours === null ? null : num(e.hours),
      result: e.result,
      note: e.note,
    })),
  };
}

export async function hireWorker(
  db: Db,
  write: Write,
  actor: Actor,
  b: {
    orgId: number;
    name: string;
    gender: 'male' | 'female';
    birthDate?: string;
    education?: string;
    tier: number;
    gridWorkerId?: number;
    startedOn: string;
  },
  today = shanghaiToday(),
) {
  const v = await verifyVillage(db, actor, b.orgId);
  const s = await readCadreSettings(db);
  if (!s.ladder.tiers.some((t) => t.tier === b.tier))
    throw badRequest(
      'LADDER_TIER_UNKNOWN',
      `tier：岗位序列中没有第 ${b.tier} 岗。`,
      `tier: no post tier ${b.tier}.`,
      { field: 'tier' },
    );
  if (b.startedOn > today)
    throw unprocessable('LADDER_DATE', `startedOn：${b.startedOn} 晚于今天。`, 'startedOn is after today.', {
      field: 'startedOn',
    });
  if (b.gridWorkerId !== undefined && !(await repo.gridWorkerOfVillage(db, v.id, b.gridWorkerId)))
    throw badRequest(
      'LADDER_GRID_WORKER_UNKNOWN',
      `gridWorkerId：${b.gridWorkerId} 不是本村（社区）的网格员。`,
      'gridWorkerId: not a grid worker of this village.',
      { field: 'gridWorkerId' },
    );
  return write(async (trx, audit) => {
    const id = await repo.insertWorker(trx, {
      org_id: v.id,
      county_code: v.county_code,
      grid_worker_id: b.gridWorkerId ?? null,
      name: b.name,
      gender: b.gender,
      birth_date: b.birthDate ?? null,
      education: b.education ?? '',
      tier: b.tier,
      grade: 1,
      grade_since: b.startedOn,
      started_on: b.startedOn,
    });
    await repo.insertWorkerEvent(trx, {
      worker_id: id,
      county_code: v.county_code,
      kind: 'hire',
      on_date: b.startedOn,
      to_tier: b.tier,
      to_grade: 1,
      note: '聘用',
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'community_worker.add',
      targetType: 'community_worker',
      targetId: id,
      countyCode: v.county_code,
      after: b,
    });
    return { id };
  });
}

export async function addWorkerEvent(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: { kind: 'training' | 'assessment'; on: string; hours?: number; result?: string; note?: string },
  today = shanghaiToday(),
) {
  const w = await repo.findWorker(db, actor, id, 'village:supervise');
  if (b.on > today)
    throw unprocessable('LADDER_DATE', `on：${b.on} 晚于今天。`, 'on is after today.', { field: 'on' });
  if (b.kind === 'training' && !(b.hours && b.hours > 0))
    throw badRequest('LADDER_HOURS', 'hours：培训须登记学时。', 'hours: training needs hours.', {
      field: 'hours',
    });
  if (b.kind === 'assessment' && !b.result)
    throw badRequest('LADDER_RESULT', 'result：考核须登记结果。', 'result: an assessment needs a result.', {
      field: 'result',
    });
  await write(async (trx, audit) => {
    await repo.insertWorkerEvent(trx, {
      worker_id: w.id,
      county_code: w.county_code,
      kind: b.kind,
      on_date: b.on,
      hours: b.hours ?? null,
      result: b.result ?? null,
      note: b.note ?? '',
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'community_worker.event',
      targetType: 'community_worker',
      targetId: w.id,
      countyCode: w.county_code,
      after: b,
    });
  });
  return workerDetail(db, actor, w.id, today);
}

/** Moves a worker up one grade within the post when the ladder's rules allow it (422 names what is missing). */
export async function promoteWorker(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  on: string,
  today = shanghaiToday(),
) {
  const w = await repo.findWorker(db, actor, id, 'village:supervise');
  const s = await readCadreSettings(db);
  const check = promotionCheck(
    {
      tier: w.tier,
      grade: w.grade,
      gradeSince: w.grade_since,
      hoursSince: num(w.hours_since),
      lastAssessment: w.last_assessment,
    },
    s.ladder,
    on > today ? today : on,
  );
  if (!check.eligible || !check.next) {
    const first = check.reasons[0];
    throw new AppError(
      422,
      first?.code ?? 'LADDER_NOT_ELIGIBLE',
      `暂不符合晋级条件：${check.reasons.map((r) => r.zh).join('；')}`,
      `Not eligible: ${check.reasons.map((r) => r.en).join('; ')}`,
      {
        reasons: check.reasons.map((r) => r.code),
      },
    );
  }
  const next = check.next;
  await write(async (trx, audit) => {
    const ok = await repo.promoteWorker(trx, w.id, { tier: w.tier, grade: w.grade }, next, on);
    if (!ok)
      throw conflict(
        'LADDER_CHANGED',
        '该人员的等级已被他人更新，请刷新后重试。',
        'The grade changed meanwhile.',
      );
    await repo.insertWorkerEvent(trx, {
      worker_id: w.id,
      county_code: w.county_code,
      kind: 'promotion',
      on_date: on,
      from_tier: w.tier,
      from_grade: w.grade,
      to_tier: next.tier,
      to_grade: next.grade,
      note: '按期晋级',
      recorded_by: actor.accountId,
    });
    await audit({
      action: 'community_worker.promote',
      targetType: 'community_worker',
      targetId: w.id,
      countyCode: w.county_code,
      before: { tier: w.tier, grade: w.grade },
      after: { ...next, on },
    });
  });
  return workerDetail(db, actor, w.id, today);
}
