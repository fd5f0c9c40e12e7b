// Adding one member to the register and editing one member's details. The rules are the import's
// (member-check.ts); personal data is encrypted, masked and hashed as everywhere; the same person is
// never in the register twice; the add opens the first membership period and keeps the subtree
// totals; each write is one transaction with its audit row, and a refused request changes nothing.
// Status changes are recruitment's (转正, step 23); the ID number is fixed once registered.
import type { Actor } from '../platform/access/actor.ts';
import { subtreePattern, verifyOrg } from '../platform/access/scope.ts';
import { decryptPii, encryptPii, piiHash } from '../platform/crypto/crypto.ts';
import type { Db } from '../platform/db/handle.ts';
import { conflict, errors, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { maskIdNumber, maskPhone } from '../platform/masking/masking.ts';
import { validateMobile } from '../platform/text/phone.ts';
import { nameInitials } from '../platform/text/pinyin.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  checkMember,
  educationCode,
  type MemberColumn,
  type MemberProblem,
  occupationCode,
} from './member-check.ts';
import {
  addToMemberCounts,
  findMember,
  insertMember,
  lockMember,
  type MemberChanges,
  memberByIdHash,
  openMembership,
  updateMember,
} from './member-profile.repository.ts';
import { memberView } from './member-profile.service.ts';

export interface NewMemberBody {
  name: string;
  idNumber: string;
  ethnicity: string;
  phone: string;
  education: string;
  occupation: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  convertedOn?: string | undefined;
}

export interface MemberPatch {
  name?: string | undefined;
  ethnicity?: string | undefined;
  phone?: string | undefined;
  education?: string | undefined;
  occupation?: string | undefined;
  convertedOn?: string | null | undefined;
}

const invalid = (problems: MemberProblem[]) =>
  unprocessable(
    'MEMBER_INVALID',
    `党员信息有误：${problems.map((p) => p.message_zh).join('')}`,
    `The member's details are wrong: ${problems.map((p) => p.message_en).join('; ')}`,
    { problems },
  );

const alreadyMember = (orgName: string | null) =>
  conflict(
    'ALREADY_A_MEMBER',
    `此人已在党员名册中（${orgName ?? '另一党组织'}），如需调整请办理组织关系转接。`,
    `This person is already in the register (${orgName ?? 'another organization'}); use a transfer instead.`,
  );

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function addMember(
  db: Db,
  write: Write,
  actor: Actor,
  orgId: number,
  body: NewMemberBody,
  today = shanghaiToday(),
) {
  const org = await verifyOrg(db, actor, orgId);
  const checked = checkMember(
    {
      name: body.name.trim(),
      idNumber: body.idNumber.trim(),
      ethnicity: body.ethnicity.trim(),
      phone: body.phone.trim(),
      education: body.education,
      occupation: body.occupation,
      status: body.status,
      joinedOn: body.joinedOn,
      convertedOn: body.convertedOn?.trim() ?? '',
      orgCode: '',
    },
    today,
  );
  if (!checked.ok) throw invalid(checked.problems);
  const m = checked.member;
  const hash = await piiHash(m.idNumber);
  const scopePrefix = subtreePattern(actor).slice(0, -1);
  try {
    return await write(async (trx, audit) => {
      const existing = await memberByIdHash(trx, hash);
      if (existing) throw alreadyMember(existing.org_path.startsWith(scopePrefix) ? existing.org_name : null);
      const id = await insertMember(trx, {
        org_id: org.id,
        name: m.name,
        pinyin_initials: nameInitials(m.name),
        gender: m.gender,
        ethnicity: m.ethnicity,
        birth_date: m.birthDate,
        id_number_enc: encryptPii(m.idNumber),
        id_number_hash: hash,
        id_number_masked: maskIdNumber(m.idNumber),
        phone_enc: encryptPii(m.phone),
        phone_masked: maskPhone(m.phone),
        education: m.education,
        occupation: m.occupation,
        status: m.status,
        joined_on: m.joinedOn,
        converted_on: m.convertedOn,
        county_code: org.county_code,
      });
      await openMembership(trx, { id, orgId: org.id, countyCode: org.county_code, startedOn: m.joinedOn });
      await addToMemberCounts(trx, org.path, 1);
      await audit({
        action: 'member.create',
        targetType: 'member',
        targetId: id,
        after: { orgId: org.id, name: m.name, status: m.status, joinedOn: m.joinedOn },
        countyCode: org.county_code,
      });
      const created = await findMember(trx, actor, id, 'member:manage');
      if (!created) throw errors.outOfScope('member', id);
      return memberView(created);
    });
  } catch (error) {
    // the same person added twice at once: the unique hash refuses the second
    if (isUniqueViolation(error)) throw alreadyMember(null);
    throw error;
  }
}

/** Fields an edit may change (the ID number, status and joining date may not). */
const EDITABLE = ['name', 'ethnicity', 'phone', 'education', 'occupation', 'convertedOn'] as const;

export async function editMember(
  write: Write,
  actor: Actor,
  id: number,
  patch: MemberPatch,
  today = shanghaiToday(),
) {
  return write(async (trx, audit) => {
    const m = await lockMember(trx, actor, id);
    if (!m) throw errors.outOfScope('member', id);
    const phoneNow = decryptPii(m.phone_enc);
    const now = {
      name: m.name,
      ethnicity: m.ethnicity,
      phone: phoneNow,
      education: m.education,
      occupation: m.occupation,
      convertedOn: m.converted_on ?? '',
    };
    // education and occupation as codes (the template's words are accepted too)
    const next = {
      name: patch.name?.trim() ?? now.name,
      ethnicity: patch.ethnicity?.trim() ?? now.ethnicity,
      phone: patch.phone?.trim() ?? now.phone,
      education:
        patch.education === undefined ? now.education : (educationCode(patch.education) ?? patch.education),
      occupation:
        patch.occupation === undefined
          ? now.occupation
          : (occupationCode(patch.occupation) ?? patch.occupation),
      convertedOn: patch.convertedOn === undefined ? now.convertedOn : (patch.convertedOn?.trim() ?? ''),
    };
    const phoneOk = validateMobile(next.phone);
    const same = (f: (typeof EDITABLE)[number]) =>
      f === 'phone' ? phoneOk.ok && phoneOk.phone === phoneNow : next[f] === now[f];
    const changed = EDITABLE.filter((f) => patch[f] !== undefined && !same(f));
    if (changed.length === 0) return { changed, member: memberView(m) };

    const raw: Record<MemberColumn, string> = {
      ...next,
      idNumber: decryptPii(m.id_number_enc),
      status: m.status,
      joinedOn: m.joined_on,
      orgCode: '',
    };
    const checked = checkMember(raw, today);
    // only the fields this edit changes: an old record's other details are not this edit's fault
    const problems = checked.ok
      ? []
      : checked.problems.filter((p) => (changed as string[]).includes(p.field));
    if (m.status === 'probationary' && changed.includes('convertedOn'))
      throw unprocessable(
        'CONVERSION_BY_RECRUITMENT',
        '预备党员转正须经支部大会讨论、上级党委审批，请在“发展党员”中办理（第 23 步），不能在此直接填写转正日期。',
        'A probationary member is converted through recruitment (step 23: branch meeting and approval), not here.',
      );
    if (problems.length > 0) throw invalid(problems);

    const set: MemberChanges = {};
    if (changed.includes('name'))
      Object.assign(set, { name: next.name, pinyin_initials: nameInitials(next.name) });
    if (changed.includes('ethnicity')) set.ethnicity = next.ethnicity;
    if (changed.includes('education')) set.education = next.education;
    if (changed.includes('occupation')) set.occupation = next.occupation;
    if (changed.includes('convertedOn')) set.converted_on = next.convertedOn;
    if (changed.includes('phone') && phoneOk.ok)
      Object.assign(set, { phone_enc: encryptPii(phoneOk.phone), phone_masked: maskPhone(phoneOk.phone) });
    await updateMember(trx, m.id, set);
    // the audit names the changed fields; values only of the fields that are not personal numbers
    const plain = changed.filter((f) => f !== 'phone');
    await audit({
      action: 'member.update',
      targetType: 'member',
      targetId: m.id,
      before: Object.fromEntries(plain.map((f) => [f, now[f] || null])),
      after: { fields: changed, ...Object.fromEntries(plain.map((f) => [f, set[COLUMN[f]] ?? null])) },
      countyCode: m.county_code,
    });
    const updated = await findMember(trx, actor, m.id, 'member:manage');
    if (!updated) throw errors.outOfScope('member', m.id);
    return { changed, member: memberView(updated) };
  });
}

const COLUMN = {
  name: 'name',
  ethnicity: 'ethnicity',
  education: 'education',
  occupation: 'occupation',
  convertedOn: 'converted_on',
} as const;
