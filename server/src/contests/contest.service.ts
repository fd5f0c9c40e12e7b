// 擂台赛: a town, a county (or the city) holds a contest; its villages' secretaries enter with a topic,
// promised goals and evidence; the organizer records the judges' scores and the audience's votes and
// closes it with results (ranks, awards); the next year, the towns follow up each promised goal, and
// the follow-up counts in that year's assessment (contest_promise).
import { villageSecretaries } from '../assessment/village.repository.ts';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyContest, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { errors, forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  contestsOf,
  entriesOf,
  entryOfOrg,
  goalsInScope,
  insertContest,
  insertEntry,
  saveFollowups,
  saveResults,
  saveScores,
} from './contest.repository.ts';
import {
  CONTEST_SETTINGS_DEFAULTS,
  CONTEST_SETTINGS_KEY,
  contestResults,
  type GoalFollowup,
} from './domain/contest-scoring.ts';

const err = {
  level: () =>
    forbidden(
      'CONTEST_ORGANIZER_LEVEL',
      '擂台赛由县（市、区）委或镇（街）党（工）委组织。',
      'A contest is held by a county or a town.',
    ),
  notOrganizer: () =>
    forbidden(
      'CONTEST_NOT_ORGANIZER',
      '只有主办单位（或其上级）能记录评分和公布结果。',
      'Only the organizer (or an org above it) records scores and results.',
    ),
  finished: () =>
    unprocessable('CONTEST_FINISHED', '擂台赛已结束，不能再报名或改分。', 'The contest is finished.'),
  notFinished: () =>
    unprocessable(
      'CONTEST_NOT_FINISHED',
      '擂台赛结束后才能跟进承诺目标。',
      'Goals are followed up once the contest is finished.',
    ),
  notVillage: () =>
    forbidden(
      'CONTEST_ENTRY_VILLAGE',
      '由村（社区）党组织书记报名参赛。',
      'A village’s secretary enters the contest.',
    ),
  outside: () =>
    unprocessable(
      'CONTEST_ENTRY_OUTSIDE',
      '本村（社区）不在主办单位的辖区内，不能报名。',
      'The village is not under the organizer.',
    ),
  duplicate: () =>
    unprocessable('CONTEST_ENTRY_EXISTS', '本村（社区）已报名参赛。', 'The village has already entered.'),
  entry: (id: number) =>
    unprocessable(
      'CONTEST_ENTRY_UNKNOWN',
      `参赛项目 ${id} 不属于本次擂台赛。`,
      `Entry ${id} is not in this contest.`,
      {
        field: 'entryId',
      },
    ),
  unscored: (names: string[]) =>
    unprocessable(
      'CONTEST_UNSCORED',
      `还有参赛村没有评委评分：${names.join('、')}。`,
      `Entries without judges’ scores: ${names.join(', ')}.`,
    ),
  empty: () => unprocessable('CONTEST_NO_ENTRIES', '还没有参赛村，不能公布结果。', 'No entries yet.'),
  heldOn: (d: string) =>
    unprocessable('CONTEST_DATE', `比赛日期 ${d} 与年度不符。`, `The date ${d} does not match the year.`, {
      field: 'heldOn',
    }),
};

export async function contestList(db: Db, actor: Actor, query: { year?: number | undefined }) {
  requirePermission(actor, 'assessment:read');
  const rows = await contestsOf(db, actor, query);
  return {
    items: rows.map((c) => ({
      id: Number(c.id),
      year: c.year,
      title: c.title,
      theme: c.theme,
      heldOn: c.held_on,
      state: c.state,
      organizer: { id: Number(c.organizer_org_id), name: c.organizer_name, level: c.organizer_level },
      entries: Number(c.entries ?? 0),
    })),
  };
}

export interface ContestInput {
  year: number;
  title: string;
  theme?: string | undefined;
  heldOn: string;
}

export async function createContest(db: Db, write: Write, actor: Actor, input: ContestInput) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(me.level)) throw err.level();
  if (input.heldOn.slice(0, 4) !== String(input.year)) throw err.heldOn(input.heldOn);
  const settings = await readSetting(db, CONTEST_SETTINGS_KEY, CONTEST_SETTINGS_DEFAULTS);
  return write(async (trx, audit) => {
    const id = await insertContest(trx, {
      organizer_org_id: me.id,
      county_code: me.county_code ?? me.code,
      year: input.year,
      title: input.title.trim(),
      theme: input.theme?.trim() ?? '',
      held_on: input.heldOn,
      settings: JSON.stringify(settings),
      created_by: actor.accountId,
    });
    await audit({
      action: 'contest.create',
      targetType: 'contest',
      targetId: id,
      countyCode: me.county_code,
      after: input,
    });
    return { id };
  });
}

const canManage = (actor: Actor, organizerPath: string) => organizerPath.startsWith(actor.scopePath);

export async function contestDetail(db: Db, actor: Actor, id: number) {
  const c = await verifyContest(db, actor, id);
  const { entries, goals, scores } = await entriesOf(db, c.id);
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  const mine = entries.find((e) => Number(e.org_id) === me.id);
  // the goals of a finished contest are followed up by a town, county or the city over its own villages
  const followsUp =
    c.state === 'finished' &&
    actor.permissions.has('assessment:manage') &&
    ['town', 'county', 'city'].includes(me.level);
  return {
    id: Number(c.id),
    year: c.year,
    title: c.title,
    theme: c.theme,
    heldOn: c.held_on,
    state: c.state,
    organizer: { id: Number(c.organizer_org_id), name: c.organizer_name },
    settings: c.settings,
    canManage: actor.permissions.has('assessment:manage') && canManage(actor, c.organizer_path),
    canEnter:
      actor.permissions.has('assessment:submit') &&
      me.level === 'village' &&
      c.state === 'open' &&
      !mine &&
      me.path.startsWith(c.organizer_path),
    entries: entries
      .map((e) => ({
        id: Number(e.id),
        org: { id: Number(e.org_id), name: e.org_name, code: e.org_code, townName: e.town_name },
        secretaryName: e.secretary_name,
        topic: e.topic,
        evidence: e.evidence,
        votes: e.votes,
        judgeScore: e.judge_score,
        audienceScore: e.audience_score,
        finalScore: e.final_score,
        rank: e.rank,
        award: e.award,
        awardName: c.settings.awards.find((a) => a.code === e.award)?.name ?? null,
        submittedAt: e.submitted_at,
        canFollowUp: followsUp && e.org_path.startsWith(actor.scopePath),
        scores: scores
          .filter((s) => Number(s.entry_id) === Number(e.id))
          .map((s) => ({ judge: s.judge, score: s.score })),
        goals: goals
          .filter((g) => Number(g.entry_id) === Number(e.id))
          .map((g) => ({
            id: Number(g.id),
            seq: g.seq,
            goal: g.goal,
            followup: g.followup,
            note: g.followup_note,
            followedAt: g.followed_at,
          })),
      }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.id - b.id),
  };
}

export interface EntryInput {
  topic: string;
  evidence?: string | undefined;
  goals: string[];
}

/** A village's secretary enters the contest of its town or county. */
export async function enterContest(db: Db, write: Write, actor: Actor, contestId: number, input: EntryInput) {
  requirePermission(actor, 'assessment:submit');
  const c = await verifyContest(db, actor, contestId);
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level !== 'village') throw err.notVillage();
  if (!me.path.startsWith(c.organizer_path)) throw err.outside();
  if (c.state !== 'open') throw err.finished();
  if (await entryOfOrg(db, c.id, me.id)) throw err.duplicate();
  const secretary = (
    await villageSecretaries(db, actor, me.path, [{ id: me.id, since: shanghaiToday() }])
  ).get(me.id);
  const goals = input.goals.map((g) => g.trim()).filter(Boolean);
  return write(async (trx, audit) => {
    const id = await insertEntry(
      trx,
      {
        contest_id: c.id,
        org_id: me.id,
        county_code: me.county_code ?? me.code.slice(0, 6),
        secretary_name: secretary?.name ?? null,
        topic: input.topic.trim(),
        evidence: input.evidence?.trim() ?? '',
        submitted_by: actor.accountId,
      },
      goals,
    );
    await audit({
      action: 'contest.entry',
      targetType: 'contest',
      targetId: c.id,
      countyCode: me.county_code,
      after: { entryId: id, org: me.name, topic: input.topic, goals },
    });
    return { id };
  });
}

export interface ScoresInput {
  scores: { entryId: number; judge: string; score: number }[];
  votes: { entryId: number; votes: number }[];
}

async function managedContest(db: Db, actor: Actor, contestId: number) {
  requirePermission(actor, 'assessment:manage');
  const c = await verifyContest(db, actor, contestId, 'assessment:manage');
  if (!canManage(actor, c.organizer_path)) throw err.notOrganizer();
  if (c.state !== 'open') throw err.finished();
  return c;
}

/** The organizer records judges' scores and audience votes (repeatable until the results are out). */
export async function recordScores(
  db: Db,
  write: Write,
  actor: Actor,
  contestId: number,
  input: ScoresInput,
) {
  const c = await managedContest(db, actor, contestId);
  const { entries } = await entriesOf(db, c.id);
  const ids = new Set(entries.map((e) => Number(e.id)));
  for (const x of [...input.scores, ...input.votes]) if (!ids.has(x.entryId)) throw err.entry(x.entryId);
  const scores = input.scores.map((s) => ({ ...s, judge: s.judge.trim() }));
  return write(async (trx, audit) => {
    await saveScores(trx, c.county_code, actor.accountId, scores, input.votes);
    await audit({
      action: 'contest.scores',
      targetType: 'contest',
      targetId: c.id,
      countyCode: c.county_code,
      after: { scores, votes: input.votes },
    });
    return { id: Number(c.id), scores: scores.length, votes: input.votes.length };
  });
}

/** Closes the contest with its results: ranks and awards from the judges' scores and the votes. */
export async function finishContest(db: Db, write: Write, actor: Actor, contestId: number) {
  const c = await managedContest(db, actor, contestId);
  const { entries, scores } = await entriesOf(db, c.id);
  if (entries.length === 0) throw err.empty();
  const unscored = entries.filter((e) => !scores.some((s) => Number(s.entry_id) === Number(e.id)));
  if (unscored.length) throw err.unscored(unscored.map((e) => e.org_name));
  const results = contestResults(
    entries.map((e) => ({
      id: Number(e.id),
      votes: e.votes,
      judgeScores: scores.filter((s) => Number(s.entry_id) === Number(e.id)).map((s) => s.score),
    })),
    c.settings,
  );
  const rows = results.map((r) => ({
    ...r,
    award: r.award === null ? null : (c.settings.awards[r.award]?.code ?? null),
  }));
  return write(async (trx, audit) => {
    await saveResults(trx, c.id, actor.accountId, rows);
    await audit({
      action: 'contest.finish',
      targetType: 'contest',
      targetId: c.id,
      countyCode: c.county_code,
      after: {
        results: rows.map((r) => ({ entryId: r.id, finalScore: r.finalScore, rank: r.rank, award: r.award })),
      },
    });
    return { id: Number(c.id), state: 'finished' as const, results: rows };
  });
}

/** A town (or above) follows up the goals its villages promised (counted in the next year's assessment). */
export async function followUpGoals(
  db: Db,
  write: Write,
  actor: Actor,
  items: { goalId: number; followup: GoalFollowup; note?: string | undefined }[],
) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(me.level)) throw err.level();
  const found = await goalsInScope(
    db,
    actor,
    items.map((i) => i.goalId),
  );
  const byId = new Map(found.map((g) => [Number(g.id), g]));
  for (const i of items) {
    const goal = byId.get(i.goalId);
    if (!goal) throw errors.outOfScope('contest_goal', i.goalId);
    if (goal.state !== 'finished') throw err.notFinished();
  }
  const checked = items.map((i) => ({ goalId: i.goalId, followup: i.followup, note: i.note?.trim() ?? '' }));
  return write(async (trx, audit) => {
    await saveFollowups(trx, actor.accountId, checked);
    await audit({
      action: 'contest.followup',
      targetType: 'contest_goal',
      targetId: checked[0]?.goalId ?? 0,
      countyCode: found[0]?.county_code ?? null,
      before: found.map((g) => ({ goalId: Number(g.id), followup: g.followup })),
      after: checked,
    });
    return { saved: checked.length };
  });
}
