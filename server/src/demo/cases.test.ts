// The demo's cases look like a city that works (issue 11): a year of simulated cases ends with the old
// ones closed, the open ones recent and mostly green, and an on-time share like a 12345 centre's.
import { describe, expect, test } from 'vitest';
import { WorkCalendar } from '../cases/domain/calendar.ts';
import { CALENDAR_DEFAULTS } from '../cases/domain/calendar-defaults.ts';
import type { CaseChannel } from '../cases/domain/case-tables.ts';
import { CATEGORY_CLASSES } from '../cases/domain/catalog.ts';
import { type GridRow, simulateCase } from './cases.ts';
import { createRng } from './random.ts';

const NOW = new Date('2026-12-06T07:00:00Z');
const DAY = 86_400_000;
const grid: GridRow = {
  id: 1,
  org_id: 10,
  village_org_id: 11,
  town_id: 12,
  county_code: '440704',
  center_lng: 113.1,
  center_lat: 22.6,
  name: '桥南社区第1网格',
};
const subs = CATEGORY_CLASSES.flatMap((c) => c.subcategories);
const kinds = [...new Set(subs.map((s) => s.default_department_kind))];
const deptByKind = new Map(kinds.map((k, i) => [`440704:${k}`, 100 + i]));
const deptAccount = new Map(kinds.map((_, i) => [100 + i, 500 + i]));
const CHANNELS: CaseChannel[] = ['grid_worker', 'resident', 'hotline_12345', 'police_110', 'petition'];

function simulateYear(n: number) {
  const rng = createRng(4407, 'cases-test');
  const calendar = new WorkCalendar(CALENDAR_DEFAULTS);
  return Array.from({ length: n }, (_, i) => {
    const createdAt = new Date(NOW.getTime() - ((n - i) / n) * 365 * DAY);
    return simulateCase(rng, {
      createdAt,
      now: NOW,
      calendar,
      grid,
      sub: rng.pick(subs),
      channel: rng.pick(CHANNELS),
      byOrg: new Map([
        [12, 1],
        [10, 2],
      ]),
      deptAccount,
      residentOf: new Map([['440704', 3]]),
      deptByKind,
      deptsOfCounty: new Map([['440704', [...deptByKind.values()]]]),
      residentShare: 0.05,
      seq: i + 1,
    }).row;
  });
}

describe('a year of demo cases', () => {
  const rows = simulateYear(6000);
  const FINAL = ['closed', 'evaluated', 'rejected'];

  test('every case older than six weeks is finished', () => {
    const old = rows.filter((r) => (r.created_at as Date).getTime() < NOW.getTime() - 42 * DAY);
    const open = old.filter((r) => !FINAL.includes(r.state as string));
    expect(open.map((r) => `${r.case_no} ${r.state}`)).toEqual([]);
  });

  test('about 95 % of the cases due to close closed on time', () => {
    const due = rows.filter(
      (r) =>
        r.state !== 'rejected' &&
        ((r.closed_at && (r.closed_at as Date) <= NOW) || (r.due_at as Date) <= NOW),
    );
    const onTime = due.filter((r) => r.closed_at && (r.closed_at as Date) <= (r.due_at as Date));
    const share = onTime.length / due.length;
    expect(share).toBeGreaterThan(0.92);
    expect(share).toBeLessThan(0.975);
  });

  test('the open cases are recent and mostly green, with some yellow and red', () => {
    const open = rows.filter((r) => !FINAL.includes(r.state as string));
    expect(open.length).toBeGreaterThan(10);
    const lights = { green: 0, yellow: 0, red: 0 };
    for (const r of open) lights[r.light as keyof typeof lights]++;
    expect(lights.green / open.length).toBeGreaterThan(0.7);
    expect(lights.red / open.length).toBeLessThan(0.15);
    expect(lights.yellow + lights.red).toBeGreaterThan(0);
  });
});
