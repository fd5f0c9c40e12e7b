// 发展党员 at every stage, each record driven step by step through the recruitment machine
// (recruitment/domain/recruitment-machine.ts) with the dates, mentors, sponsors, training, publicity and
// votes its rules ask for, so that every record is one the API could have written:
// - this year's probationary members and the members converted in the last year: their own records,
//   back from the day the branch meeting admitted them (the register's joined_on);
// - new applicants of the last seventeen months at the branches, from the application to wherever the
//   calendar has brought them today (applicants, activists, development candidates).
import { sql } from 'kysely';
import { encryptPii, piiHash } from '../../platform/crypto/crypto.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import { maskIdNumber, maskPhone } from '../../platform/masking/masking.ts';
import { nameInitials } from '../../platform/text/pinyin.ts';
import { addDays, addMonths, daysBetween, maxDate } from '../../recruitment/domain/dates.ts';
import {
  decideStep,
  type MemberRef,
  nextDue,
  probationEndsOn,
  type Snapshot,
  type StepInput,
} from '../../recruitment/domain/recruitment-machine.ts';
import { RECRUITMENT_SETTINGS_DEFAULTS } from '../../recruitment/domain/rules.ts';
import { stageOfStep } from '../../recruitment/domain/steps.ts';
import { makePerson } from '../people.ts';
import { createRng, type Rng } from '../random.ts';
import type { OrgLifeContext, Tx } from './context.ts';

interface Person {
  member_id: number | null;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string;
  phone_masked: string;
  education: string;
  occupation: string;
  county_code: string | null;
}

interface Draft {
  person: Person;
  orgId: number;
  countyCode: string | null;
  steps: { step: number; on: string; input: StepInput }[];
  snapshot: Snapshot;
  training: { startsOn: string; endsOn: string; hours: number } | null;
  late: boolean;
}

const STEP_NOTES: Record<number, string> = {
  1: '本人递交入党申请书',
  2: '支部委员谈话，了解入党动机',
  3: '经党员推荐、支委会研究确定',
  6: '半年考察：表现良好',
  7: '经支委会讨论确定为发展对象',
  10: '政治审查结论：合格',
  11: '参加县党校发展对象培训班',
  12: '支委会审查通过，进行公示',
  13: '上级党委预审合格',
  15: '支部党员大会讨论通过',
  17: '上级党委审批同意接收为预备党员',
  20: '在支部党员大会上宣誓',
  21: '预备期考察：表现良好',
  22: '本人提出转正申请，进行公示',
  23: '支部党员大会讨论同意按期转正',
  24: '上级党委审批同意转为正式党员',
  25: '入党材料归档',
};

/** The date and input of each step after the previous one (days after it). */
function plan(
  rng: Rng,
  step: number,
  prev: string,
  d: Draft,
  pool: MemberRef[],
  today: string,
): StepInput | null {
  const on = (min: number, max: number) => addDays(prev, rng.int(min, max));
  const first = (s: number) => d.steps.find((x) => x.step === s)?.on ?? prev;
  switch (step) {
    case 2:
      return { step, on: d.late ? on(35, 50) : on(8, 25) };
    case 3:
      return { step, on: on(40, 120) };
    case 5: {
      const mentors = pool.filter((m) => (m.convertedOn ?? '9999') <= prev).slice(0, rng.int(1, 2));
      return mentors.length ? { step, on: on(0, 6), mentors } : null;
    }
    case 6: {
      // every ~five and a half months after the selection, then the candidate after a year
      const assessments = d.steps.filter((x) => x.step === 6).length;
      return { step, on: addDays(addMonths(first(3), 5 * (assessments + 1)), rng.int(0, 20)) };
    }
    case 7:
      return { step, on: addDays(addMonths(first(3), 12), rng.int(5, 40)) };
    case 9: {
      const sponsors = pool.filter((m) => (m.convertedOn ?? '9999') <= prev).slice(-2);
      return sponsors.length === 2 ? { step, on: on(0, 10), sponsors } : null;
    }
    case 10:
      return { step, on: on(10, 30), review: { complete: true, conclusion: 'qualified' } };
    case 11:
      return { step, on: on(10, 25) };
    case 12: {
      const at = on(7, 20);
      return { step, on: at, publicity: { startsOn: at, endsOn: addDays(at, 6) } };
    }
    case 13:
      return { step, on: addDays(d.snapshot.publicity.admission?.endsOn ?? prev, rng.int(1, 10)) };
    case 15:
    case 23: {
      const due = Math.max(3, pool.length);
      const present = Math.max(Math.floor(due / 2) + 1, due - rng.int(0, 2));
      const base = step === 23 ? (d.snapshot.publicity.conversion?.endsOn ?? prev) : prev;
      const earliest = step === 23 ? (probationEndsOn(d.snapshot) ?? base) : base;
      const at = addDays(maxDate(earliest, base), rng.int(1, 12));
      return {
        step,
        on: at,
        vote: { membersDue: due, present, yes: present, no: 0, abstain: 0, writtenYes: 0, writtenNo: 0 },
      };
    }
    case 17:
    case 24: {
      // approval within 20–75 days of the meeting; a member already in the register was approved by now
      const meeting = first(step === 17 ? 15 : 23);
      const room = daysBetween(meeting, today);
      const days =
        d.person.member_id !== null && room >= 7 && room < 75
          ? rng.int(Math.min(20, room), room)
          : rng.int(20, 75);
      return { step, on: addDays(meeting, days) };
    }
    case 21:
      return { step, on: on(80, 100) };
    case 22: {
      const ends = probationEndsOn(d.snapshot) ?? prev;
      const at = addDays(ends, -rng.int(8, 14));
      const start = at > prev ? at : prev;
      return { step, on: start, publicity: { startsOn: start, endsOn: addDays(start, 6) } };
    }
    default:
      return { step, on: on(2, 12) };
  }
}

/** Records the steps one after another while they fall on or before `until`. */
function drive(rng: Rng, d: Draft, until: string, today: string, pool: MemberRef[], lastStep = 25): void {
  const settings = RECRUITMENT_SETTINGS_DEFAULTS;
  for (;;) {
    const last = d.steps[d.steps.length - 1];
    if (!last) return;
    let next = last.step + 1;
    if (last.step === 5 || (last.step === 6 && d.steps.filter((x) => x.step === 6).length < 2)) next = 6;
    if (last.step === 20 || (last.step === 21 && d.steps.filter((x) => x.step === 21).length < 3)) next = 21;
    if (next > lastStep) return;
    if (next === 11 && !d.training) {
      const startsOn = addDays(last.on, rng.int(3, 8));
      d.training = { startsOn, endsOn: addDays(startsOn, 2), hours: 24 };
      d.snapshot = { ...d.snapshot, trainings: [d.training] };
    }
    const input = plan(rng, next, last.on, d, pool, today);
    if (!input || input.on > until || input.on > today) return;
    const decided = decideStep(d.snapshot, input, today, settings);
    if (!decided.ok) return;
    d.steps.push({ step: next, on: input.on, input });
    const fx = decided.effects;
    d.snapshot = {
      ...d.snapshot,
      status: fx.completed ? 'completed' : d.snapshot.status,
      steps: [...d.snapshot.steps, { step: next, on: input.on }],
      publicity: fx.publicity
        ? {
            ...d.snapshot.publicity,
            [fx.publicity.kind]: { startsOn: fx.publicity.startsOn, endsOn: fx.publicity.endsOn },
          }
        : d.snapshot.publicity,
    };
    if (fx.completed) return;
  }
}

function newDraft(
  person: Person,
  orgId: number,
  countyCode: string | null,
  appliedOn: string,
  late: boolean,
): Draft {
  return {
    person,
    orgId,
    countyCode,
    steps: [{ step: 1, on: appliedOn, input: { step: 1, on: appliedOn } }],
    snapshot: {
      status: 'active',
      birthDate: person.birth_date,
      steps: [{ step: 1, on: appliedOn }],
      publicity: { admission: null, conversion: null },
      objections: [],
      trainings: [],
      extensionMonths: null,
    },
    training: null,
    late,
  };
}

export async function seedRecruitment(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ recruitments: number; steps: number }> {
  const { seed, today } = ctx;
  const rng = createRng(seed, 'recruitment');
  // full members of each branch, who may mentor and sponsor
  const full = await sql<{
    life_org_id: number;
    id: number;
    name: string;
    converted_on: string | null;
    county_code: string | null;
  }>`
    select lm.life_org_id, m.id, m.name, m.converted_on, lm.county_code from demo_life_member lm join member m on m.id = lm.member_id
    where m.status = 'full' order by lm.life_org_id, m.id`.execute(tx);
  const pools = new Map<number, MemberRef[]>();
  const countyOf = new Map<number, string | null>();
  for (const r of full.rows) {
    countyOf.set(Number(r.life_org_id), r.county_code);
    const list = pools.get(Number(r.life_org_id)) ?? [];
    list.push({ memberId: Number(r.id), name: r.name, status: 'full', convertedOn: r.converted_on });
    pools.set(Number(r.life_org_id), list);
  }
  const drafts: Draft[] = [];
  // 1. the members admitted in the last two years: their records, back from the admitting meeting
  const admitted = await sql<Person & { life_org_id: number; joined_on: string; status: string }>`
    select m.id as member_id, m.name, m.gender, m.ethnicity, m.birth_date, m.id_number_enc, m.id_number_hash,
      m.id_number_masked, m.phone_enc, m.phone_masked, m.education, m.occupation, m.county_code,
      lm.life_org_id, m.joined_on, m.status
    from member m join demo_life_member lm on lm.member_id = m.id
    where m.joined_on > ${addMonths(today, -24)}::date order by m.id`.execute(tx);
  for (const m of admitted.rows) {
    const pool = (pools.get(Number(m.life_org_id)) ?? []).filter((p) => p.memberId !== Number(m.member_id));
    if (pool.length < 2) continue;
    // about twenty months from the application to the admitting meeting
    const applied = addDays(m.joined_on, -rng.int(600, 690));
    if (addYearsSafe(m.birth_date, 18) > applied) continue;
    const d = newDraft(m, Number(m.life_org_id), m.county_code, applied, rng.chance(0.04));
    drive(rng, d, addDays(m.joined_on, -1), today, pool, 14);
    if (d.steps[d.steps.length - 1]?.step !== 14) continue;
    const vote = plan(rng, 15, d.steps[d.steps.length - 1]?.on ?? applied, d, pool, today);
    if (!vote) continue;
    vote.on = m.joined_on;
    const decided = decideStep(d.snapshot, vote, today, RECRUITMENT_SETTINGS_DEFAULTS);
    if (!decided.ok) continue;
    d.steps.push({ step: 15, on: m.joined_on, input: vote });
    d.snapshot = { ...d.snapshot, steps: [...d.snapshot.steps, { step: 15, on: m.joined_on }] };
    drive(rng, d, today, today, pool);
    drafts.push(d);
  }
  // 2. new applicants at about one branch in three, applied in the last seventeen months
  const branches = [...pools.entries()].filter(([, p]) => p.length >= 5);
  const existing = new Set(
    (await tx.selectFrom('member').select('id_number_hash').execute()).map((r) => r.id_number_hash),
  );
  const used = new Set<string>();
  for (const [orgId, pool] of branches) {
    if (!rng.chance(0.33)) continue;
    const county = countyOf.get(orgId) ?? '440703';
    const p = makePerson(rng, county, 'community', used, today);
    const hash = await piiHash(p.idNumber);
    if (existing.has(hash)) continue;
    const applied = addDays(today, -rng.int(5, 620));
    if (addYearsSafe(p.birthDate, 18) > applied) continue;
    const person: Person = {
      member_id: null,
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      birth_date: p.birthDate,
      id_number_enc: encryptPii(p.idNumber),
      id_number_hash: hash,
      id_number_masked: maskIdNumber(p.idNumber),
      phone_enc: encryptPii(p.phone),
      phone_masked: maskPhone(p.phone),
      education: p.education,
      occupation: p.occupation === 'retired' ? 'in_service' : p.occupation,
      county_code: county,
    };
    const d = newDraft(person, orgId, county, applied, rng.chance(0.06));
    drive(rng, d, today, today, pool, 16);
    drafts.push(d);
  }
  return writeDrafts(tx, drafts, today);
}

function addYearsSafe(date: string, years: number): string {
  return addMonths(date, years * 12);
}

async function writeDrafts(tx: Tx, drafts: Draft[], today: string) {
  if (drafts.length === 0) return { recruitments: 0, steps: 0 };
  const applicants = (await bulkInsert(
    tx,
    'applicant',
    [
      { name: 'name', type: 'text' },
      { name: 'pinyin_initials', type: 'text' },
      { name: 'gender', type: 'text' },
      { name: 'ethnicity', type: 'text' },
      { name: 'birth_date', type: 'date' },
      { name: 'id_number_enc', type: 'text' },
      { name: 'id_number_hash', type: 'text' },
      { name: 'id_number_masked', type: 'text' },
      { name: 'phone_enc', type: 'text' },
      { name: 'phone_masked', type: 'text' },
      { name: 'education', type: 'text' },
      { name: 'occupation', type: 'text' },
      { name: 'county_code', type: 'text' },
    ],
    drafts.map((d) => ({ ...d.person, pinyin_initials: nameInitials(d.person.name) })),
    { returning: ['id'] },
  )) as { id: number }[];
  const rows = drafts.map((d, i) => {
    const last = d.steps[d.steps.length - 1] as { step: number; on: string };
    const due = nextDue(d.snapshot);
    const completed = d.snapshot.status === 'completed';
    return {
      applicant_id: Number(applicants[i]?.id),
      org_id: d.orgId,
      county_code: d.countyCode,
      status: completed ? 'completed' : 'active',
      stage: stageOfStep(last.step),
      last_step: last.step,
      applied_on: d.steps[0]?.on as string,
      last_step_on: last.on,
      talk_late: d.steps.some((s) => s.step === 2 && daysBetween(d.steps[0]?.on as string, s.on) > 31),
      probation_ends_on: d.steps.some((s) => s.step >= 17) ? probationEndsOn(d.snapshot) : null,
      due_on: due?.dueOn ?? null,
      due_kind: due?.kind ?? null,
      member_id: d.person.member_id,
      version: d.steps.length,
    };
  });
  const ids = (await bulkInsert(
    tx,
    'recruitment',
    [
      { name: 'applicant_id', type: 'int8' },
      { name: 'org_id', type: 'int8' },
      { name: 'county_code', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'stage', type: 'text' },
      { name: 'last_step', type: 'int4' },
      { name: 'applied_on', type: 'date' },
      { name: 'last_step_on', type: 'date' },
      { name: 'talk_late', type: 'bool' },
      { name: 'probation_ends_on', type: 'date' },
      { name: 'due_on', type: 'date' },
      { name: 'due_kind', type: 'text' },
      { name: 'member_id', type: 'int8' },
      { name: 'version', type: 'int4' },
    ],
    rows,
    { returning: ['id'] },
  )) as { id: number }[];
  const steps: Record<string, unknown>[] = [];
  const people: Record<string, unknown>[] = [];
  const publicity: Record<string, unknown>[] = [];
  const votes: Record<string, unknown>[] = [];
  const trainings: Record<string, unknown>[] = [];
  drafts.forEach((d, i) => {
    const rid = Number(ids[i]?.id);
    const aid = Number(applicants[i]?.id);
    const county = d.countyCode;
    for (const s of d.steps) {
      const details: Record<string, unknown> = {};
      if (s.input.mentors) details.mentors = s.input.mentors.map((m) => ({ id: m.memberId, name: m.name }));
      if (s.input.sponsors)
        details.sponsors = s.input.sponsors.map((m) => ({ id: m.memberId, name: m.name }));
      if (s.input.review) details.review = s.input.review;
      if (s.input.publicity) details.publicity = s.input.publicity;
      if (s.input.vote) details.vote = { ...s.input.vote, passed: true };
      steps.push({
        recruitment_id: rid,
        county_code: county,
        event: 'step',
        step: s.step,
        occurred_on: s.on,
        note: STEP_NOTES[s.step] ?? '',
        details: Object.keys(details).length ? JSON.stringify(details) : null,
        late: s.step === 2 && daysBetween(d.steps[0]?.on as string, s.on) > 31,
      });
      for (const [role, list] of [
        ['mentor', s.input.mentors],
        ['sponsor', s.input.sponsors],
      ] as const)
        for (const m of list ?? [])
          people.push({ recruitment_id: rid, role, member_id: m.memberId, assigned_on: s.on });
      if (s.input.publicity)
        publicity.push({
          recruitment_id: rid,
          kind: s.step === 12 ? 'admission' : 'conversion',
          starts_on: s.input.publicity.startsOn,
          ends_on: s.input.publicity.endsOn,
        });
      if (s.input.vote) {
        const v = s.input.vote;
        votes.push({
          recruitment_id: rid,
          kind: s.step === 15 ? 'admission' : 'conversion',
          meeting_on: s.on,
          members_due: v.membersDue,
          present: v.present,
          yes: v.yes,
          no: v.no,
          abstain: v.abstain,
          written_yes: v.writtenYes,
          written_no: v.writtenNo,
          passed: true,
        });
      }
    }
    if (d.training && d.training.endsOn <= today) {
      trainings.push({
        applicant_id: aid,
        county_code: county,
        title: '发展对象集中培训班',
        provider: '县（市、区）委党校',
        starts_on: d.training.startsOn,
        ends_on: d.training.endsOn,
        hours: d.training.hours,
      });
      steps.push({
        recruitment_id: rid,
        county_code: county,
        event: 'training',
        step: null,
        occurred_on: d.training.endsOn,
        note: '发展对象集中培训班（3天，24学时）',
        details: null,
        late: false,
      });
    }
  });
  const text = (name: string) => ({ name, type: 'text' as const });
  await bulkInsert(
    tx,
    'recruitment_step',
    [
      { name: 'recruitment_id', type: 'int8' },
      text('county_code'),
      text('event'),
      { name: 'step', type: 'int4' },
      { name: 'occurred_on', type: 'date' },
      text('note'),
      { name: 'details', type: 'jsonb' },
      { name: 'late', type: 'bool' },
    ],
    steps,
  );
  if (people.length)
    await bulkInsert(
      tx,
      'recruitment_person',
      [
        { name: 'recruitment_id', type: 'int8' },
        text('role'),
        { name: 'member_id', type: 'int8' },
        { name: 'assigned_on', type: 'date' },
      ],
      people,
    );
  if (publicity.length)
    await bulkInsert(
      tx,
      'recruitment_publicity',
      [
        { name: 'recruitment_id', type: 'int8' },
        text('kind'),
        { name: 'starts_on', type: 'date' },
        { name: 'ends_on', type: 'date' },
      ],
      publicity,
    );
  if (votes.length)
    await bulkInsert(
      tx,
      'recruitment_vote',
      [
        { name: 'recruitment_id', type: 'int8' },
        text('kind'),
        { name: 'meeting_on', type: 'date' },
        ...(['members_due', 'present', 'yes', 'no', 'abstain', 'written_yes', 'written_no'] as const).map(
          (n) => ({
            name: n,
            type: 'int4' as const,
          }),
        ),
        { name: 'passed', type: 'bool' },
      ],
      votes,
    );
  if (trainings.length)
    await bulkInsert(
      tx,
      'recruitment_training',
      [
        { name: 'applicant_id', type: 'int8' },
        text('county_code'),
        text('title'),
        text('provider'),
        { name: 'starts_on', type: 'date' },
        { name: 'ends_on', type: 'date' },
        { name: 'hours', type: 'float8' },
      ],
      trainings,
    );
  return { recruitments: drafts.length, steps: steps.length };
}
