// Writes of recruitment: the application (step 1) and every later step and event. The machine
// (domain/recruitment-machine.ts) decides; this gathers what it needs (the mentors' and sponsors'
// register entries, the branch's full members on the meeting date, the training hours), then persists
// the decision in one transaction with its audit row. A refusal writes nothing.
import { educationCode, occupationCode } from '../members/member-check.ts';
import { openMembership } from '../members/member-profile.repository.ts';
import type { Actor } from '../platform/access/actor.ts';
import { registeredAnywhere } from '../platform/access/exceptions.ts';
import { verifyOrg } from '../platform/access/scope.ts';
import { encryptPii, piiHash } from '../platform/crypto/crypto.ts';
import type { Db, Trx } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { maskIdNumber, maskPhone } from '../platform/masking/masking.ts';
import { validateIdNumber } from '../platform/text/id-number.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { nameInitials } from '../platform/text/pinyin.ts';
import { shanghaiToday } from './domain/dates.ts';
import {
  decideApplication,
  decideStep,
  nextDue,
  type Snapshot,
  type StepEffects,
  type StepInput,
} from './domain/recruitment-machine.ts';
import { stageOfStep } from './domain/steps.ts';
import {
  BRANCH_KINDS,
  findRecruitment,
  fullMembersOn,
  loadSnapshot,
  memberRefs,
  type RecruitmentRow,
} from './recruitment.repository.ts';
import {
  allowed,
  isUniqueViolation,
  readRecruitmentSettings,
  recruitmentErrors,
} from './recruitment-common.ts';
import * as writes from './recruitment-write.repository.ts';

export interface ApplicationInput {
  orgId: number;
  name: string;
  idNumber: string;
  phone: string;
  ethnicity: string;
  education: string;
  occupation: string;
  appliedOn: string;
  note?: string | undefined;
  attachments?: string[] | undefined;
}

export async function createApplication(
  db: Db,
  write: Write,
  actor: Actor,
  input: ApplicationInput,
  today = shanghaiToday(),
): Promise<number> {
  const org = await verifyOrg(db, actor, input.orgId);
  if (!(BRANCH_KINDS as readonly string[]).includes(org.kind)) throw recruitmentErrors.notBranch(org.name);
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) throw recruitmentErrors.idNumber(id.reason);
  const phone = validateMobile(input.phone);
  if (!phone.ok) throw recruitmentErrors.phone();
  allowed(decideApplication(id.birthDate, input.appliedOn, today));
  const idNumber = input.idNumber.trim().toUpperCase();
  const hash = await piiHash(idNumber);
  const firstDue = nextDue({
    status: 'active',
    birthDate: id.birthDate,
    steps: [{ step: 1, on: input.appliedOn }],
    publicity: { admission: null, conversion: null },
    objections: [],
    trainings: [],
    extensionMonths: null,
  });
  try {
    return await write(async (trx, audit) => {
      if ((await registeredAnywhere(trx, actor, [hash])).size > 0) throw recruitmentErrors.alreadyMember();
      const existing = await writes.applicantByIdHash(trx, hash);
      if (existing && (await writes.openRecruitmentOf(trx, existing.id))) throw recruitmentErrors.duplicate();
      const applicantId =
        existing?.id ??
        (await writes.insertApplicant(trx, {
          name: input.name.trim(),
          pinyin_initials: nameInitials(input.name.trim()),
          gender: id.gender,
          ethnicity: input.ethnicity,
          birth_date: id.birthDate,
          id_number_enc: encryptPii(idNumber),
          id_number_hash: hash,
          id_number_masked: maskIdNumber(idNumber),
          phone_enc: encryptPii(phone.phone),
          phone_masked: maskPhone(phone.phone),
          education: input.education,
          occupation: input.occupation,
          county_code: org.county_code,
        }));
      const rec = await writes.insertRecruitment(trx, {
        applicant_id: applicantId,
        org_id: org.id,
        county_code: org.county_code,
        stage: 'applicant',
        last_step: 1,
        applied_on: input.appliedOn,
        last_step_on: input.appliedOn,
        due_on: firstDue?.dueOn ?? null,
        due_kind: firstDue?.kind ?? null,
        created_by: actor.accountId,
      });
      await writes.insertStep(trx, {
        recruitment_id: rec.id,
        county_code: org.county_code,
        step: 1,
        occurred_on: input.appliedOn,
        note: input.note?.trim() ?? '',
        attachments: JSON.stringify(input.attachments ?? []),
        recorded_by: actor.accountId,
      });
      await audit({
        action: 'recruitment.apply',
        targetType: 'recruitment',
        targetId: rec.id,
        after: {
          orgId: org.id,
          applicantId,
          appliedOn: input.appliedOn,
          idNumberMasked: maskIdNumber(idNumber),
        },
        countyCode: org.county_code,
      });
      return rec.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw recruitmentErrors.duplicate();
    throw error;
  }
}

export interface StepBody {
  step: number;
  on: string;
  note?: string | undefined;
  attachments?: string[] | undefined;
  by?: string | undefined;
  recommendedBy?: string | undefined;
  mentorIds?: number[] | undefined;
  sponsorIds?: number[] | undefined;
  review?: { complete: boolean; conclusion: 'qualified' | 'unqualified' } | undefined;
  publicity?: { startsOn: string; endsOn: string } | undefined;
  vote?:
    | { present: number; yes: number; no: number; abstain: number; writtenYes?: number; writtenNo?: number }
    | undefined;
  delayReason?: string | undefined;
  version?: number | undefined;
}

export async function recordStep(
  db: Db,
  write: Write,
  actor: Actor,
  recruitmentId: number,
  body: StepBody,
  today = shanghaiToday(),
): Promise<void> {
  const r = await findRecruitment(db, actor, recruitmentId);
  if (body.version !== undefined && body.version !== r.version)
    throw recruitmentErrors.version(body.version, r.version);
  const snapshot = await loadSnapshot(db, r);
  const input: StepInput = {
    step: body.step,
    on: body.on,
    delayReason: body.delayReason,
    review: body.review,
  };
  if (body.step === 5) input.mentors = await memberRefs(db, actor, body.mentorIds ?? []);
  if (body.step === 9) input.sponsors = await memberRefs(db, actor, body.sponsorIds ?? []);
  if (body.publicity) input.publicity = body.publicity;
  if (body.vote && /^\d{4}-\d{2}-\d{2}$/.test(body.on))
    input.vote = {
      membersDue: await fullMembersOn(db, actor, r.org_path, body.on),
      writtenYes: 0,
      writtenNo: 0,
      ...body.vote,
    };
  const fx = allowed(decideStep(snapshot, input, today, await readRecruitmentSettings(db)));
  const after: Snapshot = { ...snapshot, steps: [...snapshot.steps, { step: body.step, on: body.on }] };
  if (fx.publicity)
    after.publicity = {
      ...after.publicity,
      [fx.publicity.kind]: { startsOn: fx.publicity.startsOn, endsOn: fx.publicity.endsOn },
    };
  if (fx.completed) after.status = 'completed';
  const due = nextDue(after);
  const details = stepDetails(body, input, fx);

  await write(async (trx, audit) => {
    const set = {
      stage: fx.stage,
      last_step: fx.lastStep,
      last_step_on: body.on,
      due_on: due?.dueOn ?? null,
      due_kind: due?.kind ?? null,
      version: r.version + 1,
      updated_at: new Date(),
      ...(body.step === 2 ? { talk_late: fx.late } : {}),
      ...(fx.completed ? { status: 'completed' as const } : {}),
      ...(fx.createMember ? { probation_ends_on: fx.createMember.probationEndsOn } : {}),
    };
    if (!(await writes.updateRecruitmentAtVersion(trx, r.id, r.version, set)))
      throw recruitmentErrors.version(r.version, r.version + 1);
    await writes.insertStep(trx, {
      recruitment_id: r.id,
      county_code: r.county_code,
      step: body.step,
      occurred_on: body.on,
      note: body.note?.trim() ?? '',
      details: Object.keys(details).length ? JSON.stringify(details) : null,
      attachments: JSON.stringify(body.attachments ?? []),
      late: fx.late,
      recorded_by: actor.accountId,
    });
    const people = [
      ...(input.mentors ?? []).map((m) => ({ role: 'mentor' as const, m })),
      ...(input.sponsors ?? []).map((m) => ({ role: 'sponsor' as const, m })),
    ];
    if (people.length)
      await writes.insertPeople(
        trx,
        people.map((p) => ({
          recruitment_id: r.id,
          role: p.role,
          member_id: p.m.memberId,
          assigned_on: body.on,
        })),
      );
    if (fx.publicity)
      await writes.insertPublicity(trx, {
        recruitment_id: r.id,
        kind: fx.publicity.kind,
        starts_on: fx.publicity.startsOn,
        ends_on: fx.publicity.endsOn,
      });
    if (fx.vote) {
      const v = fx.vote;
      await writes.insertVote(trx, {
        recruitment_id: r.id,
        kind: body.step === 15 ? 'admission' : 'conversion',
        meeting_on: body.on,
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
    let memberId = r.member_id;
    if (fx.createMember) memberId = await createMember(trx, actor, r, fx.createMember.joinedOn);
    if (fx.convertMember && memberId) await writes.convertMember(trx, memberId, fx.convertMember.convertedOn);
    await audit({
      action: `recruitment.step${body.step}`,
      targetType: 'recruitment',
      targetId: r.id,
      before: { lastStep: r.last_step, stage: r.stage, version: r.version },
      after: {
        lastStep: fx.lastStep,
        stage: stageOfStep(body.step),
        on: body.on,
        version: r.version + 1,
        memberId,
        ...details,
      },
      countyCode: r.county_code,
    });
  });
}

function stepDetails(body: StepBody, input: StepInput, fx: StepEffects): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (body.by?.trim()) d.by = body.by.trim();
  if (body.recommendedBy) d.recommendedBy = body.recommendedBy;
  if (input.mentors?.length) d.mentors = input.mentors.map((m) => ({ id: m.memberId, name: m.name }));
  if (input.sponsors?.length) d.sponsors = input.sponsors.map((m) => ({ id: m.memberId, name: m.name }));
  if (body.step === 10 && body.review) d.review = body.review;
  if (fx.publicity) d.publicity = { startsOn: fx.publicity.startsOn, endsOn: fx.publicity.endsOn };
  if (fx.vote) d.vote = fx.vote;
  if (body.delayReason?.trim() && (body.step === 17 || body.step === 24))
    d.delayReason = body.delayReason.trim();
  if (fx.createMember) d.probationEndsOn = fx.createMember.probationEndsOn;
  if (fx.convertMember) d.convertedOn = fx.convertMember.convertedOn;
  return d;
}

/** Step 17: the approved applicant enters the member register as a probationary member. */
async function createMember(trx: Trx, actor: Actor, r: RecruitmentRow, joinedOn: string): Promise<number> {
  const a = await writes.applicantById(trx, r.applicant_id);
  if ((await registeredAnywhere(trx, actor, [a.id_number_hash])).size > 0)
    throw recruitmentErrors.alreadyMember();
  const m = await writes.insertMember(trx, {
    org_id: r.org_id,
    name: a.name,
    pinyin_initials: a.pinyin_initials,
    gender: a.gender,
    ethnicity: a.ethnicity,
    birth_date: a.birth_date,
    id_number_enc: a.id_number_enc,
    id_number_hash: a.id_number_hash,
    id_number_masked: a.id_number_masked,
    phone_enc: a.phone_enc,
    phone_masked: a.phone_masked,
    // the applicant's words (大学本科) become the register's codes (bachelor), as every member has them
    education: educationCode(a.education) ?? a.education,
    occupation: occupationCode(a.occupation) ?? a.occupation,
    status: 'probationary',
    joined_on: joinedOn,
    converted_on: null,
    county_code: r.county_code,
  });
  await writes.linkMember(trx, r.id, m.id);
  await openMembership(trx, { id: m.id, orgId: r.org_id, countyCode: r.county_code, startedOn: joinedOn });
  // subtree totals on the org and its ancestors (organizations/org-totals.ts keeps the same numbers)
  const ancestors = r.org_path.split('/').filter(Boolean).map(Number);
  await writes.addOneMember(trx, ancestors);
  return m.id;
}
