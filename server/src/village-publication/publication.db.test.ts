// 村务公开 over real HTTP on both engines: a village publishes a calendar item with text, place and a
// notice-board photo; the public page (no sign-in) shows it with office holders' names and nothing
// personal; a villager asks, the village replies within the window; overdue items alert the village,
// the town and the county once; compliance figures per town; bad input and other villages refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../platform/db/engine.ts';
import { createTestDatabase } from '../platform/db/testing/test-database.ts';
import { startTestServer, type TestClient, type TestServer } from '../platform/http/testing/test-server.ts';
import { addDays, shanghaiToday } from '../recruitment/domain/dates.ts';
import { runVillageJobs } from '../village-cadres/village-jobs.ts';

let database: Database;
let server: TestServer;
let secretary: TestClient;
let otherSecretary: TestClient;
let town: TestClient;
let anonymous: TestClient;
type Org = { id: number; code: string; path: string };
let village: Org;
const today = shanghaiToday();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database);
  const rows = await database.db
    .selectFrom('org')
    .select(['id', 'code', 'path'])
    .where('level', '=', 'village')
    .where('member_count', '>', 3)
    .orderBy('code')
    .execute();
  village = rows[0] as Org;
  const other = rows.find((x) => x.code.slice(0, 9) !== village.code.slice(0, 9)) as Org;
  secretary = await server.as(village.code);
  otherSecretary = await server.as(other.code);
  town = await server.as(village.code.slice(0, 9));
  anonymous = server.client();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

type Item = {
  id: number;
  state: string;
  publishedOn: string | null;
  photoAttachmentId: number | null;
  questions: number;
};

describe('publishing on the calendar', () => {
  let itemId = 0;
  let photoId = 0;

  test('the calendar lists the village’s items with their state', async () => {
    const res = await secretary.get<{ items: Item[]; total: number }>(
      '/api/publications?state=pending&pageSize=50',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    const item = res.body.items.find((i) => i.publishedOn === null) as Item;
    itemId = item.id;
  });

  test('a photo of the notice board, then the item published with text and place', async () => {
    const upload = await secretary.request<{ id: number }>(
      'POST',
      '/api/village-attachments?fileName=board.png',
      undefined,
      {
        file: { type: 'image/png', data: PNG },
      },
    );
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    photoId = upload.body.id;
    const notImage = await secretary.request('POST', '/api/village-attachments', undefined, {
      file: { type: 'application/octet-stream', data: Buffer.from('hello') },
    });
    expect(notImage.status).toBe(415);
    const empty = await secretary.post(`/api/publications/${itemId}/publish`, { place: '公开栏' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('content');
    const res = await secretary.post<Item>(`/api/publications/${itemId}/publish`, {
      content: '本季度村务公开内容',
      place: '村委会门口公开栏',
      photoAttachmentId: photoId,
      photoTakenAt: `${today}T09:00:00+08:00`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ publishedOn: today, photoAttachmentId: photoId, state: 'on_time' });
    const again = await secretary.post(`/api/publications/${itemId}/publish`, { content: 'x', place: 'y' });
    expect(again.status).toBe(409);
  });

  test('another village cannot read or publish it', async () => {
    expect((await otherSecretary.get(`/api/publications/${itemId}`)).status).toBe(404);
    expect((await otherSecretary.get(`/api/village-attachments/${photoId}`)).status).toBe(404);
  });

  test('the public page shows it with the photo and office holders, nothing personal', async () => {
    const page = await anonymous.get<{
      officeHolders: { name: string; postName: string }[];
      items: { id: number; photoId: number | null; questions: unknown[] }[];
    }>(`/api/public/villages/${village.code}`);
    expect(page.status).toBe(200);
    expect(page.body.officeHolders.length).toBeGreaterThan(0);
    expect(Object.keys(page.body.officeHolders[0] ?? {}).sort()).toEqual([
      'name',
      'post',
      'postName',
      'termEnd',
      'termStart',
    ]);
    const item = page.body.items.find((i) => i.id === itemId);
    expect(item?.photoId).toBe(photoId);
    const photo = await fetch(`${server.url}/api/public/village-photos/${photoId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    const text = JSON.stringify(page.body);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('askerName');
    expect((await anonymous.get('/api/public/villages/440704999999')).status).toBe(404);
  });

  test('a villager asks, the village replies within the window', async () => {
    const bad = await anonymous.post(`/api/public/publications/${itemId}/questions`, {
      question: '明细？',
      phone: '12345',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
    const asked = await anonymous.post<{ id: number; replyDueOn: string }>(
      `/api/public/publications/${itemId}/questions`,
      {
        question: '请问本季度支出明细在哪里查看？',
        name: '陈大文',
        phone: '13800138000',
      },
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.replyDueOn).toBe(addDays(today, 10));
    const open = await secretary.get<{
      items: { id: number; askerName: string; phoneMasked: string; overdue: boolean }[];
    }>('/api/publication-questions?open=true');
    const mine = open.body.items.find((q) => q.id === asked.body.id);
    expect(mine).toMatchObject({ askerName: '陈*文', phoneMasked: '138****8000', overdue: false });
    const told = await database.db
      .selectFrom('notification')
      .innerJoin('account', 'account.id', 'notification.account_id')
      .select(['account.username', 'notification.body'])
      .where('notification.kind', '=', 'village_publication_question')
      .execute();
    expect(told.map((n) => n.username)).toContain(village.code);
    expect(told[0]?.body).toContain(asked.body.replyDueOn);
    expect(
      (await otherSecretary.post(`/api/publication-questions/${asked.body.id}/reply`, { reply: 'x' })).status,
    ).toBe(404);
    const reply = await secretary.post(`/api/publication-questions/${asked.body.id}/reply`, {
      reply: '您好，明细已张贴在公开栏附表。',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ onTime: true });
    const page = await anonymous.get<{ items: { id: number; questions: { reply: string | null }[] }[] }>(
      `/api/public/villages/${village.code}`,
    );
    expect(page.body.items.find((i) => i.id === itemId)?.questions.at(-1)?.reply).toBe(
      '您好，明细已张贴在公开栏附表。',
    );
    const unpublished = await database.db
      .selectFrom('publication_item')
      .select('id')
      .where('published_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect(
      (await anonymous.post(`/api/public/publications/${unpublished.id}/questions`, { question: '？' }))
        .status,
    ).toBe(404);
  });
});

describe('overdue alerts and figures', () => {
  test('the job alerts the village, the town and the county once per overdue item', async () => {
    const first = await runVillageJobs(database.db, today);
    expect(first.alerted).toBeGreaterThan(0);
    const notes = await database.db
      .selectFrom('notification')
      .innerJoin('account', 'account.id', 'notification.account_id')
      .select(['account.username'])
      .where('notification.kind', '=', 'village_publication_overdue')
      .execute();
    const users = new Set(notes.map((n) => n.username));
    const overdue = await database.db
      .selectFrom('publication_item')
      .innerJoin('org', 'org.id', 'publication_item.org_id')
      .select('org.code')
      .where('publication_item.published_on', 'is', null)
      .where('publication_item.due_on', '<', today)
      .executeTakeFirstOrThrow();
    expect(users.has(overdue.code)).toBe(true);
    expect(users.has(overdue.code.slice(0, 9))).toBe(true);
    expect(users.has(overdue.code.slice(0, 6))).toBe(true);
    const second = await runVillageJobs(database.db, today);
    expect(second.alerted).toBe(0);
  });

  test('the town’s compliance per village, and the Excel export', async () => {
    const res = await town.get<{
      rows: { org: { id: number }; items: { due: number; onTime: number; complianceRate: number | null } }[];
    }>('/api/publication-figures');
    expect(res.status).toBe(200);
    const row = res.body.rows.find((r) => r.org.id === village.id);
    expect(row?.items.due).toBeGreaterThan(0);
    expect(row?.items.complianceRate).toBe(
      Math.round(((row?.items.onTime ?? 0) * 1000) / (row?.items.due ?? 1)) / 10,
    );
    const file = await town.get('/api/publications.xlsx?state=overdue');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
  });
});
