// Village cadres (issue 14 item 4): each village's two committees and supervision committee with
// their terms (一肩挑 shown), its representatives and registered villagers; appointments and
// departures between elections; the findings a town or county looks for (secretary vacant, term due
// or overdue, women among representatives, reserves below the target).
import { basePathOf } from '../deliberation/deliberation-read.service.ts';
import type { Actor } from '../platform/access/actor.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest, conflict, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { addYears, shanghaiToday } from '../recruitment/domain/dates.ts';
import * as repo from './cadre.repository.ts';
import type { CadrePostKind, GroupRole } from './cadre-tables.ts';
import {
  CADRE_DEFAULTS,
  CADRE_SETTINGS_KEY,
  type CadreSettings,
  POST_NAMES,
} from './domain/cadre-settings.ts';
import { termState } from './domain/election-rules.ts';
import { villageFindings } from './domain/village-findings.ts';
import { readVillageSetting, verifyVillage } from './village-common.ts';
import { workbook } from './village-excel.ts';

export const readCadreSettings = (db: Db): Promise<CadreSettings> =>
  readVillageSetting(db, CADRE_SETTINGS_KEY, CADRE_DEFAULTS);

export async function villagesPage(
  db: Db,
  actor: Actor,
  q: { orgId?: number; q?: string; page?: number; pageSize?: number },
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, q.orgId);
  const s = await readCadreSettings(db);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { rows, total } = await repo.villageRows(db, actor, base.path, q.q, page, pageSize);
  return {
    items: rows.map((r) => {
      const term = r.elected_on
        ? { electedOn: r.elected_on, ...termState(r.elected_on, s.termYears, today) }
        : null;
      const findings = villageFindings(
        {
          secretary: r.secretary ? { name: r.secretary } : null,
          vacantSince: null,
          oneShoulder: r.one_shoulder,
          term,
          representatives: { total: Number(r.representatives), women: Number(r.women) },
          reserves: Number(r.reserves),
        },
        s,
      );
      return {
        org: { id: Number(r.id), code: r.code, name: r.short_name },
        town: r.town_name,
        secretary: r.secretary,
        director: r.director,
        oneShoulder: r.one_shoulder,
        term,
        representatives: Number(r.representatives),
        women: Number(r.women),
        reserves: Number(r.reserves),
        findings: findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          messageZh: f.zh,
          messageEn: f.en,
        })),
      };
    }),
    total,
    page,
    pageSize,
  };
}

export async function villageCadres(db: Db, actor: Actor, orgId: number, today = shanghaiToday()) {
  const v = await verifyVillage(db, actor, orgId, 'id');
  const s = await readCadreSettings(db);
  const [posts, term, reps, register, reserves, lastEnd] = await Promise.all([
    repo.currentPosts(db, v.id),
    repo.latestTerm(db, v.id),
    repo.representativesOf(db, v.id),
    repo.registerOf(db, v.id),
    repo.activeReserves(db, v.id),
    repo.lastSecretaryEnd(db, v.id),
  ]);
  const secretary = posts.find((p) => p.post === 'party_secretary');
  const oneShoulder = Boolean(
    secretary && posts.some((p) => p.post === 'director' && Number(p.id) === Number(secretary.id)),
  );
  const t = term ? { electedOn: term.elected_on, ...termState(term.elected_on, s.termYears, today) } : null;
  const women = reps.filter((r) => r.gender === 'female').length;
  const findings = villageFindings(
    {
      secretary: secretary ? { name: secretary.name } : null,
      vacantSince: lastEnd?.ended_on ?? null,
      oneShoulder,
      term: t,
      representatives: { total: reps.length, women },
      reserves: Number(reserves.n),
    },
    s,
  );
  return {
    org: { id: v.id, code: v.code, name: v.short_name },
    oneShoulder,
    term: t,
    posts: posts.map((p) => ({
      cadreId: Number(p.id),
      name: p.name,
      gender: p.gender,
      birthDate: p.birth_date,
      education: p.education,
      partyMember: p.party_member,
      memberId: p.member_id === null ? null : Number(p.member_id),
      committee: p.committee,
      post: p.post,
      postName: POST_NAMES[p.post]?.zh ?? p.post,
      postNameEn: POST_NAMES[p.post]?.en ?? p.post,
      termStart: p.term_start,
      termEnd: p.term_end,
    })),
    representatives: reps.map((r) => ({
      id: Number(r.id),
      name: r.name,
      gender: r.gender,
      groupRole: r.group_role,
      gridId: r.grid_id === null ? null : Number(r.grid_id),
      gridName: r.grid_name,
      termStart: r.term_start,
      termEnd: r.term_end,
    })),
    register: register.map((r) => ({
      gridId: r.grid_id === null ? null : Number(r.grid_id),
      gridName: r.grid_name,
      adults: Number(r.adults),
      households: Number(r.households),
      asOf: r.as_of,
    })),
    reserves: Number(reserves.n),
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, messageZh: f.zh, messageEn: f.en })),
  };
}

export interface AppointBody {
  orgId: number;
  name: string;
  gender: 'male' | 'female';
  birthDate?: string;
  education?: string;
  memberId?: number;
  partyMember: boolean;
  post: CadrePostKind;
  termStart: string;
  note?: string;
}

/** 补选或任命 between elections: a post for the rest of the current term. */
export async function appointCadre(
  db: Db,
  write: Write,
  actor: Actor,
  b: AppointBody,
  today = shanghaiToday(),
) {
  const v = await verifyVillage(db, actor, b.orgId);
  const s = await readCadreSettings(db);
  const def = POST_NAMES[b.post];
  if (!def)
    throw badRequest('CADRE_POST_UNKNOWN', `post：没有「${b.post}」这个职务。`, 'post: no such post.', {
      field: 'post',
    });
  if (b.termStart > today)
    throw unprocessable('CADRE_DATE', `termStart：${b.termStart} 晚于今天。`, 'termStart is after today.', {
      field: 'termStart',
    });
  let member: Awaited<ReturnType<typeof repo.memberOfVillage>> | undefined;
  if (b.memberId !== undefined) {
    member = await repo.memberOfVillage(db, v.path, b.memberId);
    if (!member)
      throw badRequest(
        'CADRE_MEMBER_UNKNOWN',
        `memberId：${b.memberId} 不是本村的党员。`,
        'memberId: not a member of this village.',
        { field: 'memberId' },
      );
  }
  if (def.committee === 'party' && !(b.partyMember || member))
    throw unprocessable(
      'CADRE_PARTY_POST_MEMBER',
      `${def.zh}须由党员担任。`,
      `${def.en} must be a party member.`,
      { field: 'partyMember' },
    );
  if (
    ['party_secretary', 'director', 'supervision_chair'].includes(b.post) &&
    (await repo.openPostsOf(db, v.id, b.post)).length > 0
  )
    throw conflict(
      'CADRE_POST_TAKEN',
      `${def.zh}已有人在任：请先办理离任。`,
      `${def.en} is held: end that post first.`,
      { post: b.post },
    );
  const term = await repo.latestTerm(db, v.id);
  const termEnd = term ? addYears(term.elected_on, s.termYears) : addYears(b.termStart, s.termYears);
  return write(async (trx, audit) => {
    const cadreId = await repo.insertCadre(trx, {
      org_id: v.id,
      county_code: v.county_code,
      name: member?.name ?? b.name,
      gender: member?.gender ?? b.gender,
      birth_date: member?.birth_date ?? b.birthDate ?? null,
      education: member?.education ?? b.education ?? '',
      member_id: member ? Number(member.id) : null,
      party_member: Boolean(member) || b.partyMember,
    });
    await repo.insertPost(trx, {
      cadre_id: cadreId,
      org_id: v.id,
      county_code: v.county_code,
      committee: def.committee,
      post: b.post,
      term_start: b.termStart,
      term_end: termEnd > b.termStart ? termEnd : addYears(b.termStart, s.termYears),
      election_id: null,
    });
    await audit({
      action: 'village_cadre.appoint',
      targetType: 'village_cadre',
      targetId: cadreId,
      countyCode: v.county_code,
      after: { orgId: v.id, name: b.name, post: b.post, termStart: b.termStart, note: b.note ?? '' },
    });
    return { id: cadreId };
  });
}

/** A cadre leaves a post (辞职、免职、调离、去世…). */
export async function endCadrePost(
  db: Db,
  write: Write,
  actor: Actor,
  id: number,
  b: { post: CadrePostKind; endedOn: string; reason: string },
  today = shanghaiToday(),
) {
  const c = await repo.findCadre(db, actor, id, 'village:supervise');
  if (b.endedOn > today)
    throw unprocessable('CADRE_DATE', `endedOn：${b.endedOn} 晚于今天。`, 'endedOn is after today.', {
      field: 'endedOn',
    });
  await write(async (trx, audit) => {
    const n = await repo.endPosts(trx, c.id, b.post, b.endedOn, b.reason);
    if (n === 0)
      throw unprocessable(
        'CADRE_POST_NOT_HELD',
        `${c.name} 目前不担任${POST_NAMES[b.post]?.zh ?? b.post}。`,
        `${c.name} does not hold this post.`,
        { field: 'post' },
      );
    await audit({
      action: 'village_cadre.end_post',
      targetType: 'village_cadre',
      targetId: c.id,
      countyCode: c.county_code,
      after: b,
    });
  });
  return { id: Number(c.id) };
}

export async function addRepresentative(
  db: Db,
  write: Write,
  actor: Actor,
  b: {
    orgId: number;
    gridId?: number;
    name: string;
    gender: 'male' | 'female';
    groupRole?: GroupRole;
    termStart: string;
  },
) {
  const v = await verifyVillage(db, actor, b.orgId);
  const s = await readCadreSettings(db);
  if (b.gridId !== undefined && !(await repo.gridOfVillage(db, v.id, b.gridId)))
    throw badRequest(
      'CADRE_GRID_UNKNOWN',
      `gridId：${b.gridId} 不是本村的村民小组（网格）。`,
      'gridId: not a group of this village.',
      { field: 'gridId' },
    );
  return write(async (trx, audit) => {
    const id = await repo.insertRepresentative(trx, {
      org_id: v.id,
      grid_id: b.gridId ?? null,
      county_code: v.county_code,
      name: b.name,
      gender: b.gender,
      group_role: b.groupRole ?? 'representative',
      term_start: b.termStart,
      term_end: addYears(b.termStart, s.termYears),
    });
    await audit({
      action: 'village_representative.add',
      targetType: 'village_representative',
      targetId: id,
      countyCode: v.county_code,
      after: b,
    });
    return { id };
  });
}

export async function endRepresentative(db: Db, write: Write, actor: Actor, id: number, endedOn: string) {
  const r = await repo.findRepresentative(db, actor, id);
  if (r.ended_on) throw conflict('REPRESENTATIVE_ENDED', '该代表已离任。', 'Already ended.');
  await write(async (trx, audit) => {
    await repo.endRepresentative(trx, r.id, endedOn);
    await audit({
      action: 'village_representative.end',
      targetType: 'village_representative',
      targetId: r.id,
      countyCode: r.county_code,
      after: { endedOn },
    });
  });
  return { id: Number(r.id) };
}

export async function updateRegister(
  db: Db,
  write: Write,
  actor: Actor,
  b: { orgId: number; gridId?: number; adults: number; households: number },
  today = shanghaiToday(),
) {
  const v = await verifyVillage(db, actor, b.orgId);
  if (b.gridId !== undefined && !(await repo.gridOfVillage(db, v.id, b.gridId)))
    throw badRequest(
      'CADRE_GRID_UNKNOWN',
      `gridId：${b.gridId} 不是本村的村民小组（网格）。`,
      'gridId: not a group of this village.',
      { field: 'gridId' },
    );
  if (b.households > b.adults)
    throw badRequest(
      'REGISTER_COUNTS',
      'households：户数不应多于 18 周岁以上村民人数。',
      'households: more households than adults.',
      { field: 'households' },
    );
  await write(async (trx, audit) => {
    await repo.upsertRegister(trx, {
      org_id: v.id,
      grid_id: b.gridId ?? null,
      county_code: v.county_code,
      adults: b.adults,
      households: b.households,
      as_of: today,
    });
    await audit({
      action: 'village_register.update',
      targetType: 'village_register',
      targetId: v.id,
      countyCode: v.county_code,
      after: b,
    });
  });
  return { id: v.id };
}

const EDU_ZH: Record<string, string> = {
  junior_high_or_below: '初中及以下',
  senior_high: '高中',
  secondary_vocational: '中专',
  junior_college: '大专',
  bachelor: '本科',
  postgraduate: '研究生',
};

export async function exportCadresXlsx(
  db: Db,
  actor: Actor,
  orgId: number | undefined,
  today = shanghaiToday(),
) {
  const base = await basePathOf(db, actor, orgId);
  const rows = await repo.postsUnder(db, actor, base.path, 50_000);
  const buffer = await workbook(
    '村（社区）两委干部',
    [
      { header: '镇（街）', key: 'town', width: 18 },
      { header: '村（社区）', key: 'village', width: 28 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '性别', key: 'gender', width: 6 },
      { header: '出生日期', key: 'birthDate', width: 12 },
      { header: '学历', key: 'education', width: 10 },
      { header: '党员', key: 'partyMember', width: 6 },
      { header: '职务', key: 'post', width: 20 },
      { header: '任期开始', key: 'termStart', width: 12 },
      { header: '任期届满', key: 'termEnd', width: 12 },
    ],
    rows.map((r) => ({
      town: r.town_name,
      village: r.org_name,
      name: r.name,
      gender: r.gender === 'female' ? '女' : '男',
      birthDate: r.birth_date ?? '',
      education: EDU_ZH[r.education] ?? r.education,
      partyMember: r.party_member ? '是' : '否',
      post: POST_NAMES[r.post]?.zh ?? r.post,
      termStart: r.term_start,
      termEnd: r.term_end,
    })),
  );
  return { buffer, rows: rows.length, orgId: base.id, orgName: base.name, today };
}
