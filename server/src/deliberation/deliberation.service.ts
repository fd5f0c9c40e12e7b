// Village decisions (issue 14 item 1): open a matter, record its steps live in strict order (the
// engine refuses what breaks a rule: 422 naming the rule, the counts and what to do), enter a matter
// decided before (补录: recorded as it happened, every broken rule named), withdraw it. Attendees come
// from the village's rosters on the day; each write is one transaction with its audit row.
import type { Actor } from '../platform/access/actor.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import { AppError, badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import { isOneShoulder, type Roster, rosterOf } from '../village-cadres/roster.repository.ts';
import { type VillageOrg, verifyVillage } from '../village-cadres/village-common.ts';
import * as repo from './deliberation.repository.ts';
import {
  evaluationState,
  factsOf,
  readDeliberationSettings,
  syncPublications,
} from './deliberation-state.ts';
import type { Attendees } from './deliberation-tables.ts';
import { checkStep, type MatterFacts, type StepRecord, stepProblems } from './domain/deliberation-machine.ts';
import type { DeliberationSettings } from './domain/deliberation-settings.ts';
import type { Problem } from './domain/rules.ts';
import { type BodyKind, COUNTED_BODIES, type StepKey, type TemplateKey } from './domain/templates.ts';

export interface StepBody {
  step: StepKey;
  mergedWith?: 'consult';
  body: BodyKind;
  heldOn: string;
  noticeOn?: string;
  place?: string;
  attendees?: { members?: number[]; cadres?: number[]; representatives?: number[] };
  presentCount?: number;
  householdsPresent?: number;
  votes?: { yes: number; no: number; abstain: number };
  minutes?: string;
  content?: string;
  publicity?: { startsOn: string; endsOn: string };
  implementedOn?: string;
  photoTakenAt?: string;
  attachments?: number[];
  version?: number;
}

export interface MatterBody {
  orgId: number;
  template: TemplateKey;
  title: string;
  category: string;
  amountFen?: number;
  description?: string;
  gridId?: number;
  /** 补录: a matter decided before, entered with all its steps as they happened */
  retrospective?: boolean;
  steps?: StepBody[];
}

export const problemError = (p: Problem) =>
  new AppError(p.status, p.code, p.zh, p.en, { ...p.details, rule: p.code, step: p.step });

/** The step as the engine sees it, with who attended taken from the roster of the day. */
async function resolveStep(
  db: Db | Trx,
  village: { id: number; path: string },
  gridId: number | null,
  b: StepBody,
  s: DeliberationSettings,
  template: TemplateKey,
): Promise<{ record: StepRecord; attendees: Attendees }> {
  const def = s.templates[template].steps.find((x) => x.key === b.step);
  const record: StepRecord = {
    step: b.step,
    mergedWith: b.mergedWith ?? null,
    body: b.body,
    heldOn: b.heldOn,
    noticeOn: b.noticeOn ?? null,
    votes: b.votes ?? null,
    publicity: b.publicity ?? null,
    implementedOn: b.implementedOn ?? null,
  };
  const attendees: Attendees = {};
  if (!def || def.kind === 'publication' || b.body === 'notice_board') {
    if (def?.kind === 'publication' && !b.content?.trim())
      throw badRequest(
        'DELIB_CONTENT_REQUIRED',
        'content：请填写公开的内容。',
        'content: the published text is required.',
        {
          field: 'content',
        },
      );
    return { record, attendees };
  }
  const roster: Roster = await rosterOf(db, village, b.body, b.heldOn, gridId);
  if (roster.kind === 'none')
    throw unprocessable(
      'DELIB_GROUP_REQUIRED',
      '村民小组的会议须指明村民小组（gridId）。',
      'A villager group meeting needs its group (gridId).',
      { field: 'gridId' },
    );
  if (roster.kind === 'counted' || COUNTED_BODIES.includes(b.body)) {
    if (b.presentCount === undefined)
      throw badRequest(
        'DELIB_PRESENT_REQUIRED',
        'presentCount：请填写实到人数。',
        'presentCount: give the number present.',
        {
          field: 'presentCount',
        },
      );
    const c = roster.kind === 'counted' ? roster : { adults: 0, households: 0 };
    record.counts = {
      due: c.adults,
      present: b.presentCount,
      householdsDue: c.households,
      householdsPresent: b.householdsPresent ?? 0,
    };
    return { record, attendees };
  }
  const given = {
    member: b.attendees?.members ?? [],
    cadre: b.attendees?.cadres ?? [],
    representative: b.attendees?.representatives ?? [],
  };
  const on = new Set(roster.people.map((p) => `${p.kind}:${p.id}`));
  const strangers = Object.entries(given).flatMap(([kind, ids]) =>
    ids.filter((id) => !on.has(`${kind}:${id}`)),
  );
  const all = Object.values(given).flat();
  if (
    strangers.length ||
    new Set(Object.entries(given).flatMap(([k, ids]) => ids.map((i) => `${k}:${i}`))).size !== all.length
  )
    throw badRequest(
      'DELIB_ATTENDEE_NOT_ON_ROSTER',
      `attendees：编号 ${strangers.join('、') || '（重复）'} 不在该会议 ${b.heldOn} 的应到名册中（或重复）。请从名册中选择到会人员。`,
      `attendees: ${strangers.join(', ') || '(duplicates)'} are not on the roster of this body on ${b.heldOn} (or are repeated).`,
      { field: 'attendees', ids: strangers },
    );
  record.counts = { due: roster.people.length, present: all.length };
  if (given.member.length) attendees.members = given.member;
  if (given.cadre.length) attendees.cadres = given.cadre;
  if (given.representative.length) attendees.representatives = given.representative;
  return { record, attendees };
}

async function checkAttachments(db: Db, villageId: number, ids: number[] | undefined) {
  const foreign = await repo.foreignAttachments(db, villageId, ids ?? []);
  if (foreign.length)
    throw badRequest(
      'DELIB_ATTACHMENT_UNKNOWN',
      `attachments：附件 ${foreign.join('、')} 不是本村上传的文件。`,
      `attachments: ${foreign.join(', ')} were not uploaded by this village.`,
      { field: 'attachments', ids: foreign },
    );
}

const stepRow = (
  matterId: number,
  countyCode: string,
  seq: number,
  b: StepBody,
  resolved: Awaited<ReturnType<typeof resolveStep>>,
  o: { quorumMet: boolean | null; passed: boolean | null },
  by: number,
): repo.NewStep => ({
  deliberation_id: matterId,
  county_code: countyCode,
  seq,
  record: resolved.record,
  place: b.place ?? '',
  attendees: resolved.attendees,
  quorum_met: o.quorumMet,
  passed: o.passed,
  minutes: b.minutes ?? '',
  content: b.content ?? '',
  attachments: b.attachments ?? [],
  recorded_by: by,
});

/** Opens a matter (live), or enters one decided before with all its steps (补录). */
export async function createMatter(
  db: Db,
  write: Write,
  actor: Actor,
  body: MatterBody,
  today = shanghaiToday(),
) {
  const village: VillageOrg = await verifyVillage(db, actor, body.orgId);
  const s = await readDeliberationSettings(db);
  const template = s.templates[body.template];
  let gridId: number | null = null;
  if (body.template === 'villager_group' || body.gridId !== undefined) {
    if (body.gridId === undefined)
      throw badRequest(
        'DELIB_GROUP_REQUIRED',
        'gridId：村民小组的事项须选择村民小组。',
        'gridId: a villager group matter names its group.',
        {
          field: 'gridId',
        },
      );
    const grid = await repo.gridOfVillage(db, village.id, body.gridId);
    if (!grid)
      throw badRequest(
        'DELIB_GROUP_UNKNOWN',
        `gridId：${body.gridId} 不是本村的村民小组（网格）。`,
        `gridId: ${body.gridId} is not a group of this village.`,
        {
          field: 'gridId',
        },
      );
    gridId = body.gridId;
  }
  const steps = body.retrospective ? (body.steps ?? []) : [];
  if (!body.retrospective && body.steps?.length)
    throw badRequest(
      'DELIB_STEPS_RETROSPECTIVE_ONLY',
      'steps：只有补录事项才能一次登记多个步骤，请逐步登记。',
      'steps: only a retrospective entry records steps at once.',
      {
        field: 'steps',
      },
    );
  const keys = steps.map((x) => x.step);
  if (new Set(keys).size !== keys.length)
    throw badRequest('DELIB_STEP_DUPLICATE', 'steps：同一步骤登记了两次。', 'steps: a step is given twice.', {
      field: 'steps',
    });
  const resolved: Awaited<ReturnType<typeof resolveStep>>[] = [];
  for (const st of steps) {
    if (st.heldOn > today)
      throw unprocessable(
        'DELIB_DATE_IN_FUTURE',
        `steps：日期 ${st.heldOn} 晚于今天（${today}）。`,
        `steps: ${st.heldOn} is after today (${today}).`,
        {
          field: 'steps',
        },
      );
    await checkAttachments(db, village.id, st.attachments);
    resolved.push(await resolveStep(db, village, gridId, st, s, body.template));
  }
  const proposedOn = steps[0]?.heldOn ?? today;
  const facts: MatterFacts = {
    template,
    category: body.category,
    amountFen: body.amountFen ?? null,
    status: 'open',
    oneShoulder: steps.length ? await isOneShoulder(db, village.id, proposedOn) : false,
    steps: resolved.map((r) => r.record),
  };
  // input errors stop a retrospective entry too; every other rule is recorded as broken
  facts.steps.forEach((_, i) => {
    const bad = stepProblems(facts, facts.steps, i, s).find((p) => p.status === 400);
    if (bad) throw problemError(bad);
  });
  return write(async (trx, audit) => {
    const id = await repo.insertMatter(trx, {
      org_id: village.id,
      county_code: village.county_code,
      grid_id: gridId,
      template: body.template,
      title: body.title,
      category: body.category,
      amount_fen: body.amountFen ?? null,
      description: body.description ?? '',
      retrospective: Boolean(body.retrospective),
      proposed_on: proposedOn,
      created_by: actor.accountId,
    });
    for (const [i, st] of steps.entries()) {
      const r = resolved[i] as Awaited<ReturnType<typeof resolveStep>>;
      const def = template.steps.findIndex((x) => x.key === st.step);
      await repo.insertStep(
        trx,
        stepRow(id, village.county_code, def + 1, st, r, { quorumMet: null, passed: null }, actor.accountId),
      );
    }
    const state = evaluationState(facts, s, today);
    await repo.updateState(trx, id, { ...state, proposed_on: proposedOn });
    await syncPublications(
      trx,
      { id, org_id: village.id, county_code: village.county_code, title: body.title },
      facts,
      steps,
      s,
      actor.accountId,
    );
    await audit({
      action: body.retrospective ? 'deliberation.create_retrospective' : 'deliberation.create',
      targetType: 'deliberation',
      targetId: id,
      countyCode: village.county_code,
      after: {
        orgId: village.id,
        template: body.template,
        title: body.title,
        category: body.category,
        amountFen: body.amountFen ?? null,
        steps: keys,
        validity: state.validity,
        breaches: state.breaches.map((b) => b.code),
      },
    });
    return { id, validity: state.validity, breaches: state.breaches };
  });
}

/** Records the next step of an open matter, in strict order; a refusal writes nothing. */
export async function recordStep(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: StepBody,
  today = shanghaiToday(),
) {
  const m = await repo.findDeliberation(db, actor, id, 'village:manage');
  if (b.version !== undefined && b.version !== Number(m.version))
    throw conflict(
      'DELIB_VERSION_CONFLICT',
      '该事项已被他人更新，请刷新后重试。',
      'The matter changed meanwhile: reload and try again.',
      {
        version: Number(m.version),
      },
    );
  const s = await readDeliberationSettings(db);
  const template = m.template as TemplateKey;
  await checkAttachments(db, m.org_id, b.attachments);
  const village = { id: Number(m.org_id), path: m.org_path };
  const rows = await repo.loadSteps(db, m.id);
  const facts = await factsOf(db, m, rows, s, b.heldOn);
  // the order and the closed state first: a roster is only looked up for the step that comes next
  const pre = checkStep(
    facts,
    { step: b.step, body: b.body, heldOn: b.heldOn, mergedWith: b.mergedWith ?? null },
    s,
    today,
  );
  if (
    !pre.ok &&
    ['DELIB_MATTER_CLOSED', 'DELIB_STEP_ORDER', 'DELIB_MERGE_NOT_ALLOWED', 'DELIB_DATE_IN_FUTURE'].includes(
      pre.problem.code,
    )
  )
    throw problemError(pre.problem);
  const resolved = await resolveStep(
    db,
    village,
    m.grid_id === null ? null : Number(m.grid_id),
    b,
    s,
    template,
  );
  const decision = checkStep(facts, resolved.record, s, today);
  if (!decision.ok) throw problemError(decision.problem);
  const after: MatterFacts = {
    ...facts,
    status: decision.outcome.status,
    steps: [...facts.steps, resolved.record],
  };
  const state = evaluationState(after, s, today);
  await write(async (trx, audit) => {
    await repo.insertStep(
      trx,
      stepRow(m.id, m.county_code, decision.outcome.seq, b, resolved, decision.outcome, actor.accountId),
    );
    const updated = await repo.updateState(
      trx,
      m.id,
      { ...state, ...(b.step === 'propose' ? { proposed_on: b.heldOn } : {}) },
      Number(m.version),
    );
    if (!updated)
      throw conflict(
        'DELIB_VERSION_CONFLICT',
        '该事项已被他人更新，请刷新后重试。',
        'The matter changed meanwhile: reload and try again.',
      );
    const bodies = [...rows.map(stepBodyOf), b];
    await syncPublications(
      trx,
      { id: m.id, org_id: Number(m.org_id), county_code: m.county_code, title: m.title },
      after,
      bodies,
      s,
      actor.accountId,
    );
    await audit({
      action: 'deliberation.step',
      targetType: 'deliberation',
      targetId: m.id,
      countyCode: m.county_code,
      before: { status: m.status, validity: m.validity, nextStep: m.next_step },
      after: {
        step: b.step,
        mergedWith: b.mergedWith ?? null,
        body: b.body,
        heldOn: b.heldOn,
        counts: resolved.record.counts ?? null,
        votes: b.votes ?? null,
        passed: decision.outcome.passed,
        status: state.status,
        validity: state.validity,
        breaches: state.breaches.map((x) => x.code),
      },
    });
  });
  return {
    id: m.id,
    status: state.status,
    validity: state.validity,
    breaches: state.breaches,
    nextStep: state.next_step,
    nextDueOn: state.next_due_on,
  };
}

/** The publication fields of a stored step, as a step body (for re-syncing the calendar). */
function stepBodyOf(r: repo.StepRow): StepBody {
  const rec = repo.toStepRecord(r);
  return {
    step: rec.step,
    body: rec.body,
    heldOn: rec.heldOn,
    place: r.place,
    content: r.content,
    attachments: r.attachments,
    ...(rec.publicity ? { publicity: rec.publicity } : {}),
  };
}

/** Withdraws an open matter (撤回) with a reason. */
export async function withdrawMatter(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  reason: string,
  today = shanghaiToday(),
) {
  const m = await repo.findDeliberation(db, actor, id, 'village:manage');
  if (m.status !== 'open')
    throw conflict(
      'DELIB_MATTER_CLOSED',
      '只有进行中的事项可以撤回。',
      'Only an open matter can be withdrawn.',
      { status: m.status },
    );
  const s = await readDeliberationSettings(db);
  const facts = await factsOf(db, m, await repo.loadSteps(db, m.id), s, today);
  const state = evaluationState({ ...facts, status: 'withdrawn' }, s, today);
  await write(async (trx, audit) => {
    const ok = await repo.updateState(trx, m.id, state, Number(m.version));
    if (!ok)
      throw conflict(
        'DELIB_VERSION_CONFLICT',
        '该事项已被他人更新，请刷新后重试。',
        'The matter changed meanwhile: reload and try again.',
      );
    await audit({
      action: 'deliberation.withdraw',
      targetType: 'deliberation',
      targetId: m.id,
      countyCode: m.county_code,
      before: { status: m.status },
      after: { status: 'withdrawn', reason },
    });
  });
  return { id: m.id, status: 'withdrawn' as const };
}
