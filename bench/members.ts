// The workloads of issue 5 (members and organizational life) on PostgreSQL at city scale (~200,000
// members): the member list of a county and of the city under 50 concurrent clients, publishing a
// month's checklist to every organization, and the city's completion and compliance figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTempCluster } from '../server/src/platform/db/testing/pg-cluster.ts';
import { login, runLoad } from './lib/load.ts';
import { ROOT, startServer } from './lib/server.ts';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Qiangji@2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function timedJson(
  url: string,
  init: RequestInit,
): Promise<{ ms: number; body: unknown; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  return { ms: Math.round(performance.now() - t0), body, status: res.status };
}

async function memberLoad(url: string, username: string) {
  const sessions = [];
  for (let i = 0; i < 50; i++) sessions.push(await login(url, username));
  const me = (await (
    await fetch(`${url}/api/me`, { headers: { cookie: sessions[0]?.cookie ?? '' } })
  ).json()) as {
    scope: { id: number };
  };
  const id = me.scope.id;
  return runLoad({
    url,
    sessions,
    concurrency: 50,
    seconds: 10,
    paths: [
      `/api/orgs/${id}/members?page=1&pageSize=20`,
      `/api/orgs/${id}/members?page=5&pageSize=20&sort=joinedOn&order=desc`,
      `/api/orgs/${id}/members?page=1&pageSize=20&status=probationary`,
      `/api/orgs/${id}/members?page=1&pageSize=20&q=${encodeURIComponent('陈')}`,
    ],
  });
}

export const memberSuites = {
  'members-postgres': {
    title: 'Members and organizational life at city scale (~200,000 members) on PostgreSQL',
    async run() {
      const cluster = await startTempCluster({ durable: true });
      const dataDir = tmp('qj-bench-members-');
      const env = {
        DATA_DIR: dataDir,
        DATABASE_URL: cluster.url,
        QJ_DATA_KEY: '0123456789abcdef0123456789abcdef',
      };
      try {
        const seed = spawnSync(
          process.execPath,
          [path.join(ROOT, 'server/src/main.ts'), 'seed', '--scale', 'city', '--cases', '2000'],
          { cwd: ROOT, env: { ...process.env, DEMO_PASSWORD: 'Qiangji@2026', ...env }, stdio: 'inherit' },
        );
        if (seed.status !== 0) throw new Error('seed failed');
        const server = await startServer(env);
        try {
          const county = await memberLoad(server.url, '440704');
          const city = await memberLoad(server.url, '4407');
          const admin = await signIn(server.url, '4407');
          const headers = {
            'content-type': 'application/json',
            cookie: admin.cookie,
            'x-csrf-token': admin.csrf,
          };
          const now = new Date(Date.now() + 8 * 3_600_000);
          const month = now.toISOString().slice(0, 7);
          const created = await timedJson(`${server.url}/api/checklists`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              month,
              title: `${month} 每月组织生活清单（基准测试）`,
              items: [
                { title: '召开支部委员会', kinds: ['committee_meeting'] },
                { title: '开展主题党日活动', kinds: ['theme_day'] },
                { title: '学习第一议题', kinds: ['first_topic'] },
              ],
            }),
          });
          const checklistId =
            (created.body as { id?: number; checklist?: { id: number } } | null)?.id ??
            (created.body as { checklist?: { id: number } } | null)?.checklist?.id;
          const publish = await timedJson(`${server.url}/api/checklists/publish`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ checklistId }),
          });
          const completion = await timedJson(
            `${server.url}/api/checklists/completion?checklistId=${checklistId}`,
            {
              headers,
            },
          );
          const me = (await (await fetch(`${server.url}/api/me`, { headers })).json()) as {
            scope: { id: number };
          };
          const compliance = await timedJson(`${server.url}/api/meetings/orgs/${me.scope.id}/compliance`, {
            headers,
          });
          return {
            engine: 'postgres',
            memberListCounty: county,
            memberListCity: city,
            checklistCreate: { status: created.status, ms: created.ms },
            checklistPublish: { status: publish.status, ms: publish.ms, result: publish.body },
            cityCompletion: { status: completion.status, ms: completion.ms },
            cityCompliance: { status: compliance.status, ms: compliance.ms },
            targets: { memberListP95Ms: 50, publishMs: 5000, cityFiguresMs: 2000 },
          };
        } finally {
          await server.stop();
        }
      } finally {
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
};
