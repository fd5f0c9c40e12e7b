// 四议两公开 over real HTTP on both engines: a secretary opens a matter and records its six steps with
// attendees from the rosters; a step out of order and a party assembly without quorum are refused
// with 422 naming the rule and the counts, and change nothing; the resolution goes onto the 村务公开
// calendar; a matter entered afterwards without the party assembly is recorded as not validly made;
// bad input is 400 naming the field; another village gets 404; the town's figures count validity.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let otherSecretary: TestClient;
let town: TestClient;
type Org = { id: number; code: string; path: string };
let village: Org;
const today = shanghaiToday();
const day = (n: number) => addDays(today, n);

type Roster = { people: { kind: string; id: number }[]; adults: number | null };
type Detail = {
  status: string;
  validity: string;
  breaches: { code: string }[];
  nextStep: { key: string } | null;
  steps: { step: string; attendees: unknown[]; passed: boolean | null }[];
  next: { key: string; bodies: { key: string }[] } | null;
};

async function counts() {
  const { db } = database;
  const [audit, steps] = await Promise.all([
    db.selectFrom('audit_log').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('deliberation_step').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { audit: Number(audit.n), steps: Number(steps.n) };
}

async function roster(id: number, body: string, on: string) {
  const res = await secretary.get<Roster>(`/api/deliberations/${id}/roster?body=${body}&on=${on}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

function attendeesOf(r: Roster, share: number) {
  const n = Math.ceil(r.people.length * share);
  const picked = r.people.slice(0, n);
  const by = (kind: string) => picked.filter((p) => p.kind === kind).map((p) => p.id);
  return {
    attendees: { members: by('member'), cadres: by('cadre'), representatives: by('representative') },
    present: picked.length,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  // the village with the most full members whose cadres and representatives were seeded
  const rows = await db
    .selectFrom('org as v')
    .innerJoin('village_representative as r', 'r.org_id', 'v.id')
    .select(['v.id', 'v.code', 'v.path', 'v.member_count'])
    .where('v.level', '=', 'village')
    .groupBy(['v.id', 'v.code', 'v.path', 'v.member_count'])
    .orderBy('v.member_count', 'desc')
    .orderBy('v.code')
    .execute();
  village = rows[0] as Org;
  const other = rows.find((x) => x.code.slice(0, 9) !== village.code.slice(0, 9)) as Org;
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
  town = await server.as(village.code.slice(0, 9));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('a matter through 四议两公开', () => {
  let id = 0;

  test('the secretary opens a matter', async () => {
    const res = await secretary.post<{ id: number; validity: string }>('/api/deliberations', {
      orgId: village.id,
      template: 'four_two',
      title: '村道硬底化工程',
      category: 'construction',
      amountFen: 12_000_000,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.validity).toBe('pending');
    id = res.body.id;
  });

  test('bad input names the field and writes nothing', async () => {
    const before = await counts();
    const missing = await secretary.post('/api/deliberations', {
      orgId: village.id,
      template: 'four_two',
      category: 'construction',
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('title');
    const stranger = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'propose',
      body: 'party_committee',
      heldOn: day(-30),
      attendees: { cadres: [999_999_999] },
      votes: { yes: 1, no: 0, abstain: 0 },
    });
    // an attendee id that is no cadre of this village is refused by the access layer, naming the id
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ code: 'VILLAGE_CADRE_NOT_FOUND', details: { id: 999_999_999 } });
    expect(await counts()).toEqual(before);
  });

  test('proposal and consultation from the committees’ rosters', async () => {
    const party = await roster(id, 'party_committee', day(-30));
    expect(party.people.length).toBeGreaterThan(0);
    const a = attendeesOf(party, 1);
    const propose = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'propose',
      body: 'party_committee',
      heldOn: day(-30),
      attendees: a.attendees,
      votes: { yes: a.present, no: 0, abstain: 0 },
      minutes: '支委会研究提议',
    });
    expect(propose.status, JSON.stringify(propose.body)).toBe(200);
    expect(propose.body).toMatchObject({ nextStep: 'consult', validity: 'pending' });
  });

  test('a step out of order is 422 naming the rule, and changes nothing', async () => {
    const before = await counts();
    const res = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'review',
      body: 'party_assembly',
      heldOn: day(-25),
      attendees: {},
      votes: { yes: 0, no: 0, abstain: 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'DELIB_STEP_ORDER', details: { rule: 'DELIB_STEP_ORDER' } });
    expect(String(res.body.message_zh)).toContain('村“两委”会议商议');
    expect(await counts()).toEqual(before);
  });

  test('consultation, then a party assembly without quorum is refused with the counts', async () => {
    const committees = attendeesOf(await roster(id, 'village_committees', day(-28)), 1);
    const consult = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'consult',
      body: 'village_committees',
      heldOn: day(-28),
      attendees: committees.attendees,
      votes: { yes: committees.present, no: 0, abstain: 0 },
    });
    expect(consult.status, JSON.stringify(consult.body)).toBe(200);
    const members = await roster(id, 'party_assembly', day(-25));
    const few = attendeesOf(members, 0.5);
    const before = await counts();
    const res = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'review',
      body: 'party_assembly',
      heldOn: day(-25),
      attendees: few.attendees,
      votes: { yes: few.present, no: 0, abstain: 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'DELIB_QUORUM',
      details: { due: members.people.length, present: few.present },
    });
    expect(String(res.body.message_zh)).toContain(`应到 ${members.people.length} 人，实到 ${few.present} 人`);
    expect(await counts()).toEqual(before);
    const enough = attendeesOf(members, 0.8);
    const ok = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'review',
      body: 'party_assembly',
      heldOn: day(-24),
      attendees: enough.attendees,
      votes: { yes: enough.present, no: 0, abstain: 0 },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  test('resolution, its publication on the calendar, and the results', async () => {
    const reps = attendeesOf(await roster(id, 'representative_meeting', day(-20)), 0.8);
    const resolve = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'resolve',
      body: 'representative_meeting',
      heldOn: day(-20),
      attendees: reps.attendees,
      votes: { yes: reps.present, no: 0, abstain: 0 },
    });
    expect(resolve.status, JSON.stringify(resolve.body)).toBe(200);
    expect(resolve.body).toMatchObject({ nextStep: 'publish_resolution', nextDueOn: day(-13) });
    const item = () =>
      database.db
        .selectFrom('publication_item')
        .select(['kind', 'due_on', 'published_on'])
        .where('deliberation_id', '=', id)
        .orderBy('kind')
        .execute();
    expect(await item()).toEqual([{ kind: 'resolution', due_on: day(-13), published_on: null }]);
    const publish = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'publish_resolution',
      body: 'notice_board',
      heldOn: day(-18),
      publicity: { startsOn: day(-18), endsOn: day(-14) },
      content: '经村民代表会议决议：村道硬底化工程。',
      place: '村务公开栏',
    });
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    expect(publish.body).toMatchObject({ validity: 'valid', nextStep: 'publish_result' });
    const early = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'publish_result',
      body: 'notice_board',
      heldOn: day(-15),
      publicity: { startsOn: day(-15), endsOn: day(-11) },
      content: '已实施',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'DELIB_PUBLICITY_NOT_ENDED' });
    const result = await secretary.post(`/api/deliberations/${id}/steps`, {
      step: 'publish_result',
      body: 'notice_board',
      heldOn: day(-6),
      publicity: { startsOn: day(-6), endsOn: day(-1) },
      implementedOn: day(-12),
      content: '村道硬底化工程已完工，支出 118,000 元。',
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ status: 'completed', validity: 'valid', nextStep: null });
    expect((await item()).map((i) => [i.kind, i.published_on])).toEqual([
      ['resolution', day(-18)],
      ['result', day(-6)],
    ]);
    const detail = await secretary.get<Detail>(`/api/deliberations/${id}`);
    expect(detail.body.steps.map((s) => s.step)).toEqual([
      'propose',
      'consult',
      'review',
      'resolve',
      'publish_resolution',
      'publish_result',
    ]);
    expect(detail.body.steps[2]?.attendees.length).toBeGreaterThan(0);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'deliberation')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'deliberation.create',
      ...Array(6).fill('deliberation.step'),
    ]);
  });

  test('another village’s secretary gets 404', async () => {
    expect((await otherSecretary.get(`/api/deliberations/${id}`)).status).toBe(404);
    const res = await otherSecretary.post(`/api/deliberations/${id}/steps`, {
      step: 'propose',
      body: 'party_committee',
      heldOn: today,
    });
    expect(res.status).toBe(404);
  });
});

describe('a matter entered afterwards (补录)', () => {
  test('resolved without the party assembly: recorded, not validly made, and the town sees why', async () => {
    const res = await secretary.post<{ id: number; validity: string; breaches: { code: string }[] }>(
      '/api/deliberations',
      {
        orgId: village.id,
        template: 'four_two',
        title: '集体仓库出租方案',
        category: 'other',
        amountFen: 3_000_000,
        retrospective: true,
        steps: [
          {
            step: 'propose',
            body: 'party_committee',
            heldOn: day(-90),
            attendees: {},
            votes: { yes: 0, no: 0, abstain: 0 },
          },
        ],
      },
    );
    // a meeting step needs its attendees even afterwards: the party committee with nobody present has no quorum
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.validity).toBe('invalid');
    expect(res.body.breaches.map((b) => b.code)).toContain('DELIB_QUORUM');
    const list = await town.get<{
      items: { id: number; validity: string; breaches: { code: string; messageZh: string }[] }[];
    }>(`/api/deliberations?validity=invalid&pageSize=200`);
    const mine = list.body.items.find((m) => m.id === res.body.id);
    expect(mine?.breaches[0]?.messageZh).toContain('【会议不足法定人数】');
    const figures = await town.get<{
      totals: { invalid: number; valid: number };
      rows: { org: { id: number }; invalid: number }[];
    }>('/api/deliberation-figures');
    expect(figures.status).toBe(200);
    expect(figures.body.rows.find((r) => r.org.id === village.id)?.invalid).toBeGreaterThan(0);
  });
});
