// Org checks and elections over real HTTP on both engines: findings per scope with counts; another
// village's secretary gets 404; an election by the higher org clears an overdue finding (and a wrong
// committee is refused with the rule's code); org search, each finding's figures and the Excel export
// (audited, scoped). ("My branch" and "my records": my-branch/, my-records/.)
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';

let database: Database;
let server: TestServer;
let city: TestClient;
let secretary: TestClient;
let otherSecretary: TestClient;
type Org = { id: number; code: string; path: string };
let village: Org;
let other: Org;

type Findings = {
  counts: Record<string, number>;
  total: number;
  checkedOrgs: number;
  items: {
    kind: string;
    rule: string;
    message_zh: string;
    org: { id: number; code: string; name: string };
    figures: {
      members: number;
      fullMembers: number;
      committeeSize: number | null;
      termEndsOn: string | null;
      daysOverdue: number | null;
    };
  }[];
};

/** The data rows of an exported workbook, as text cells. */
async function sheetRows(body: unknown): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const { db } = database;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .execute();
  village = villages[0] as Org;
  other = villages.find((x) => x.code.slice(0, 9) !== village.code.slice(0, 9)) as Org;
  city = await server.as('4407');
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe('org checks', () => {
  test('the city sees findings of every kind the demo plants, with counts by kind', async () => {
    const res = await city.get<Findings>('/api/org-checks?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.checkedOrgs).toBeGreaterThan(0);
    expect(res.body.counts.term_overdue).toBeGreaterThan(0);
    expect(res.body.counts.term_due).toBeGreaterThan(0);
    const sum = Object.values(res.body.counts).reduce((s, n) => s + n, 0);
    expect(sum).toBe(res.body.total);
    const overdue = await city.get<Findings>('/api/org-checks?kind=term_overdue');
    expect(overdue.body.total).toBe(res.body.counts.term_overdue);
    expect(overdue.body.items.every((f) => f.kind === 'term_overdue' && f.rule === 'ORG_TERM_OVERDUE')).toBe(
      true,
    );
  });

  test("a village's secretary sees only the village; another village's secretary gets 404", async () => {
    const mine = await secretary.get<Findings>('/api/org-checks?pageSize=200');
    expect(mine.status).toBe(200);
    const paths = await database.db
      .selectFrom('org')
      .select('id')
      .where('path', 'like', `${village.path}%`)
      .execute();
    const ids = new Set(paths.map((p) => Number(p.id)));
    expect(mine.body.items.every((f) => ids.has(f.org.id))).toBe(true);
    expect((await otherSecretary.get(`/api/org-checks/orgs/${village.id}`)).status).toBe(404);
    expect((await otherSecretary.get(`/api/org-checks?orgId=${village.id}`)).status).toBe(404);
    expect((await otherSecretary.get(`/api/my-branch?orgId=${village.id}`)).status).toBe(404);
  });

  test('an election recorded by the higher org clears an overdue finding', async () => {
    const overdue = await city.get<Findings>('/api/org-checks?kind=term_overdue&pageSize=1');
    const org = overdue.body.items[0]?.org as { id: number; code: string };
    const { db } = database;
    const o = await db
      .selectFrom('org')
      .select(['path', 'parent_id'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    const full = await db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select('member.id')
      .where('org.path', 'like', `${o.path}%`)
      .where('member.status', '=', 'full')
      .orderBy('member.id')
      .execute();
    const county = await server.as(org.code.slice(0, 6));
    const url = '/api/org-checks/elections';
    const electedOn = shanghaiToday();
    // the org cannot record its own election
    const self = await server.as(org.code);
    const own = await self.post<{ code: string }>(url, {
      orgId: org.id,
      electedOn,
      committee: [{ memberId: Number(full[0]?.id), position: 'secretary' }],
    });
    expect(own.status).toBe(403);
    // a secretary of another village does not find the org
    const outsider = o.path.startsWith(other.path) ? secretary : otherSecretary;
    const stranger = await outsider.post<{ code: string }>(url, {
      orgId: org.id,
      electedOn,
      committee: [{ memberId: Number(full[0]?.id), position: 'secretary' }],
    });
    expect(stranger.status).toBe(404);
    // a committee of the wrong size is refused with the rule's code, nothing written
    const before = await db.selectFrom('org_term').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const wrongSize = full.length >= 7 ? 2 : 3;
    const bad = await county.post<{ code: string; message_zh: string }>(url, {
      orgId: org.id,
      electedOn,
      committee: full.slice(0, wrongSize).map((m, i) => ({
        memberId: Number(m.id),
        position: i === 0 ? 'secretary' : i === 1 ? 'deputy_secretary' : 'member',
      })),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('ORG_COMMITTEE_SIZE');
    const after = await db.selectFrom('org_term').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const size = full.length >= 7 ? 3 : 1;
    const ok = await county.post<{ terms: { electedOn: string }[]; findings: { kind: string }[] }>(url, {
      orgId: org.id,
      electedOn,
      committee: full.slice(0, size).map((m, i) => ({
        memberId: Number(m.id),
        position: i === 0 ? 'secretary' : i === 1 ? 'deputy_secretary' : 'member',
      })),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.terms[0]?.electedOn).toBe(electedOn);
    expect(ok.body.findings.map((f) => f.kind)).not.toContain('term_overdue');
    const again = await county.get<Findings>(`/api/org-checks?orgId=${org.id}&kind=term_overdue`);
    expect(again.body.items.filter((f) => f.org.id === org.id)).toEqual([]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'org.election')
      .execute();
    expect(audit.map((a) => a.target_id)).toContain(String(org.id));
  });
});

describe('org checks: search, figures and the Excel export', () => {
  test('every row carries the figures; a search narrows the orgs and their counts', async () => {
    const today = shanghaiToday();
    const res = await city.get<Findings>('/api/org-checks?kind=term_overdue&pageSize=200');
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const f of res.body.items) {
      expect(f.figures.termEndsOn && f.figures.termEndsOn < today).toBe(true);
      expect(f.figures.daysOverdue).toBeGreaterThan(0);
      expect(f.figures.committeeSize).toBeGreaterThan(0);
      expect(f.figures.members).toBeGreaterThanOrEqual(f.figures.fullMembers);
    }
    const first = res.body.items[0] as Findings['items'][number];
    const byCode = await city.get<Findings>(`/api/org-checks?q=${first.org.code}&pageSize=200`);
    expect(byCode.status).toBe(200);
    expect(byCode.body.items.every((f) => f.org.code.startsWith(first.org.code))).toBe(true);
    expect(byCode.body.items.map((f) => f.org.id)).toContain(first.org.id);
    const sum = Object.values(byCode.body.counts).reduce((s, n) => s + n, 0);
    expect(sum).toBe(byCode.body.total);
    expect(byCode.body.checkedOrgs).toBeLessThan(res.body.checkedOrgs);
    const byName = await city.get<Findings>(
      `/api/org-checks?kind=term_overdue&pageSize=200&q=${encodeURIComponent(first.org.name)}`,
    );
    expect(byName.body.items.map((f) => f.org.id)).toContain(first.org.id);
    const none = await city.get<Findings>(`/api/org-checks?q=${encodeURIComponent('没有这个组织')}`);
    expect(none.body.total).toBe(0);
    expect(none.body.checkedOrgs).toBe(0);
  });

  test('the export holds exactly the filtered findings and is audited', async () => {
    const list = await city.get<Findings>('/api/org-checks?kind=term_due&pageSize=1');
    const xlsx = await city.get<Buffer>('/api/org-checks.xlsx?kind=term_due');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const rows = await sheetRows(xlsx.body);
    expect(rows.length).toBe(list.body.total);
    expect(rows.every((r) => r[2] === '换届将到期')).toBe(true);
    expect(rows[0]?.[0]).toBe(list.body.items[0]?.org.code);
    expect(rows[0]?.[10]).toBe(list.body.items[0]?.message_zh);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after'])
      .where('action', '=', 'org_check.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_username).toBe('4407');
    expect(audit[0]?.after).toMatchObject({ rows: list.body.total, filter: { kind: 'term_due' } });
  });

  test("another village's secretary gets 404 for the village's export and nothing outside its own", async () => {
    expect((await otherSecretary.get(`/api/org-checks.xlsx?orgId=${village.id}`)).status).toBe(404);
    const own = await otherSecretary.get<Buffer>('/api/org-checks.xlsx');
    expect(own.status).toBe(200);
    const inside = await database.db
      .selectFrom('org')
      .select('code')
      .where('path', 'like', `${other.path}%`)
      .execute();
    const codes = new Set(inside.map((o) => o.code));
    const rows = await sheetRows(own.body);
    expect(rows.every((r) => codes.has(r[0] as string))).toBe(true);
    // a search for the other village's code finds nothing from outside the scope
    const outside = await otherSecretary.get<Findings>(`/api/org-checks?q=${village.code}`);
    expect(outside.body.total).toBe(0);
  });
});
