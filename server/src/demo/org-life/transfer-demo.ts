// Memberships, transfers and mobile members of the last year: every member's period in the register;
// one member in seventy came by 组织关系转接 from another branch of the city (letters received and
// their receipts returned, a few receipts still out), a handful of letters are in progress, expired,
// withdrawn or refused; and most members working away are registered as 流动党员, some confirmed by a
// branch where they live now, which records their organizational life there.
import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import { addDays, addMonths } from '../../recruitment/domain/dates.ts';
import { letterNumber } from '../../transfers/domain/transfer-machine.ts';
import { createRng } from '../random.ts';
import type { OrgLifeContext, Tx } from './context.ts';

const DESTINATIONS: [string, string][] = [
  ['广州市天河区', '440106'],
  ['深圳市宝安区', '440306'],
  ['佛山市顺德区', '440606'],
  ['东莞市', '441900'],
  ['珠海市香洲区', '440402'],
  ['中山市', '442000'],
  ['广州市番禺区', '440113'],
  ['上海市浦东新区', '310115'],
];
const REASONS = ['工作调动', '搬迁新居', '单位转制', '退休后回户籍地', '考入机关事业单位'];

interface Branch {
  id: number;
  code: string;
  county_code: string | null;
}

export async function seedTransfers(
  tx: Tx,
  ctx: OrgLifeContext,
): Promise<{ transfers: number; mobile: number }> {
  const { seed, today } = ctx;
  const rng = createRng(seed, 'transfers');
  const branches = (
    await sql<Branch>`select o.id, o.code, o.county_code from org o
      where o.kind in ('branch', 'joint_branch', 'general_branch') and o.level in ('grid', 'unit')
      order by o.id`.execute(tx)
  ).rows;
  const members = (
    await sql<{
      id: number;
      org_id: number;
      county_code: string | null;
      joined_on: string;
      away: boolean;
      phone_enc: string;
      phone_masked: string;
    }>`
      select m.id, m.org_id, m.county_code, m.joined_on, lm.away, m.phone_enc, m.phone_masked
      from member m join demo_life_member lm on lm.member_id = m.id
      join org o on o.id = m.org_id where o.kind <> 'group' order by m.id`.execute(tx)
  ).rows;
  const branchById = new Map(branches.map((b) => [b.id, b]));
  const memberById = new Map(members.map((m) => [m.id, m]));
  const seqs = new Map<string, number>();
  const letter = (from: Branch, on: string) => {
    const key = `${from.id}:${on.slice(0, 4)}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    return { letter_no: letterNumber(from.code, on, seq), letter_seq: seq };
  };
  const transfers: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const moved = new Set<number>();
  for (const m of members) {
    if (m.away) continue;
    const r = rng.next();
    const from = rng.pick(branches);
    if (from.id === m.org_id) continue;
    const here = branchById.get(m.org_id);
    if (!here) continue;
    if (r < 0.014) {
      // came here in the last year: received, the receipt returned (or still to return)
      const issued = addDays(today, -rng.int(20, 360));
      if (issued <= m.joined_on) continue;
      const received = addDays(issued, rng.int(3, 20));
      const back = rng.chance(0.9) ? addDays(received, rng.int(2, 10)) : null;
      transfers.push({
        member_id: m.id,
        county_code: m.county_code,
        from_org_id: from.id,
        to_org_id: m.org_id,
        scope: 'city',
        ...letter(from, issued),
        issued_on: issued,
        valid_until: addMonths(issued, 3),
        state: back ? 'receipt_returned' : 'received',
        reason: rng.pick(REASONS),
        received_on: received,
        receipt_returned_on: back,
        history: { from: from.id, received },
      });
      moved.add(m.id);
    } else if (r < 0.0165) {
      // a letter out from here: in progress, expired, withdrawn or refused
      const kind = rng.weighted(['issued', 'expired', 'withdrawn', 'refused'], [6, 1, 2, 1]);
      const issued =
        kind === 'expired' ? addDays(today, -rng.int(100, 140)) : addDays(today, -rng.int(3, 60));
      transfers.push({
        member_id: m.id,
        county_code: m.county_code,
        from_org_id: m.org_id,
        to_org_id: from.id,
        scope: 'city',
        ...letter(here, issued),
        issued_on: issued,
        valid_until: addMonths(issued, 3),
        state: kind === 'expired' ? 'issued' : kind,
        reason: rng.pick(REASONS),
        received_on: null,
        receipt_returned_on: null,
        closed_on: kind === 'withdrawn' || kind === 'refused' ? addDays(issued, rng.int(2, 15)) : null,
        closed_reason:
          kind === 'withdrawn'
            ? '本人工作调动取消'
            : kind === 'refused'
              ? '接收党组织不符：请转入居住地社区党组织'
              : null,
      });
    }
  }
  const ids = transfers.length
    ? ((await bulkInsert(
        tx,
        'transfer',
        [
          { name: 'member_id', type: 'int8' },
          { name: 'county_code', type: 'text' },
          { name: 'from_org_id', type: 'int8' },
          { name: 'to_org_id', type: 'int8' },
          { name: 'scope', type: 'text' },
          { name: 'letter_no', type: 'text' },
          { name: 'letter_seq', type: 'int4' },
          { name: 'issued_on', type: 'date' },
          { name: 'valid_until', type: 'date' },
          { name: 'state', type: 'text' },
          { name: 'reason', type: 'text' },
          { name: 'received_on', type: 'date' },
          { name: 'receipt_returned_on', type: 'date' },
          { name: 'closed_on', type: 'date' },
          { name: 'closed_reason', type: 'text' },
        ],
        transfers,
        { returning: ['id'] },
      )) as { id: number }[])
    : [];
  transfers.forEach((t, i) => {
    const h = t.history as { from: number; received: string } | undefined;
    if (!h) return;
    const m = memberById.get(t.member_id as number);
    history.push(
      {
        member_id: t.member_id,
        county_code: t.county_code,
        org_id: h.from,
        started_on: m?.joined_on,
        ended_on: h.received,
        reason: 'register',
        transfer_id: null,
      },
      {
        member_id: t.member_id,
        county_code: t.county_code,
        org_id: t.to_org_id,
        started_on: h.received,
        ended_on: null,
        reason: 'transfer_in',
        transfer_id: Number(ids[i]?.id),
      },
    );
  });
  if (history.length)
    await bulkInsert(
      tx,
      'membership_history',
      [
        { name: 'member_id', type: 'int8' },
        { name: 'county_code', type: 'text' },
        { name: 'org_id', type: 'int8' },
        { name: 'started_on', type: 'date' },
        { name: 'ended_on', type: 'date' },
        { name: 'reason', type: 'text' },
        { name: 'transfer_id', type: 'int8' },
      ],
      history,
    );
  // everyone else: one period since joining, in the register's org
  await sql`insert into membership_history (member_id, county_code, org_id, started_on, reason)
    select m.id, m.county_code, m.org_id, m.joined_on, 'register' from member m
    where not exists (select 1 from membership_history h where h.member_id = m.id)`.execute(tx);

  // 流动党员: most of those who work away; a third confirmed by a branch of the city where they live
  const mobile: Record<string, unknown>[] = [];
  for (const m of members) {
    if (!m.away || moved.has(m.id) || !rng.chance(0.8)) continue;
    const since = addDays(today, -rng.int(60, 900));
    const inflow = rng.chance(0.3) ? rng.pick(branches) : null;
    const [dest, division] = inflow ? ['江门市内（本系统党组织）', null] : rng.pick(DESTINATIONS);
    mobile.push({
      member_id: m.id,
      county_code: m.county_code,
      home_org_id: m.org_id,
      inflow_org_id: inflow && inflow.id !== m.org_id ? inflow.id : null,
      destination: dest,
      destination_division_code: division,
      since,
      expected_months: rng.pick([6, 12, 24, 36]),
      fixed_place: rng.chance(0.4),
      contact_phone_enc: m.phone_enc,
      contact_phone_masked: m.phone_masked,
      certificate_no: `流动党员活动证 ${since.slice(0, 4)}-${String(m.id).padStart(6, '0')}`,
      state: inflow && inflow.id !== m.org_id ? 'inflow_confirmed' : 'outflow',
      inflow_confirmed_on: inflow && inflow.id !== m.org_id ? addDays(since, rng.int(10, 40)) : null,
      note: '',
    });
  }
  if (mobile.length) {
    const text = (name: string) => ({ name, type: 'text' as const });
    const mids = (await bulkInsert(
      tx,
      'mobile_member',
      [
        { name: 'member_id', type: 'int8' },
        text('county_code'),
        { name: 'home_org_id', type: 'int8' },
        { name: 'inflow_org_id', type: 'int8' },
        text('destination'),
        text('destination_division_code'),
        { name: 'since', type: 'date' },
        { name: 'expected_months', type: 'int4' },
        { name: 'fixed_place', type: 'bool' },
        text('contact_phone_enc'),
        text('contact_phone_masked'),
        text('certificate_no'),
        text('state'),
        { name: 'inflow_confirmed_on', type: 'date' },
        text('note'),
      ],
      mobile,
      { returning: ['id'] },
    )) as { id: number }[];
    const activities: Record<string, unknown>[] = mobile.flatMap((m, i) =>
      m.inflow_org_id
        ? [1, 2, 3]
            .map((k) => ({
              mobile_member_id: Number(mids[i]?.id),
              county_code: m.county_code,
              org_id: m.inflow_org_id,
              held_on: addDays(today, -k * rng.int(20, 40)),
              kind: 'theme_day',
              topic: rng.pick(['流入地主题党日', '参加流入地党小组学习', '流入地志愿服务']),
            }))
            .filter((a) => a.held_on >= (m.inflow_confirmed_on as string))
        : [],
    );
    if (activities.length)
      await bulkInsert(
        tx,
        'mobile_member_activity',
        [
          { name: 'mobile_member_id', type: 'int8' },
          text('county_code'),
          { name: 'org_id', type: 'int8' },
          { name: 'held_on', type: 'date' },
          text('kind'),
          text('topic'),
        ],
        activities as Record<string, unknown>[],
      );
  }
  return { transfers: transfers.length, mobile: mobile.length };
}
