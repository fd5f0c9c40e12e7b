import { describe, expect, it } from 'vitest';
import { jiangmenDivisions, villageShortName } from './divisions.ts';
import { apportion, buildPlan, TEST_COUNTIES, TOTAL_FULL_TIME_WORKERS, TOTAL_GRIDS } from './plan.ts';
import { createRng, mulberry32 } from './random.ts';

describe('random', () => {
  it('is deterministic', () => {
    const a = mulberry32(4407);
    const b = mulberry32(4407);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(createRng(1, 'x').next()).not.toBe(createRng(1, 'y').next());
  });
});

describe('apportion', () => {
  it('sums exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0.2, 0.5, 0.3]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});

describe('divisions', () => {
  it('has Jiangmen: 1 city, 7 counties, 82 towns, 1,348 villages', () => {
    const d = jiangmenDivisions();
    const count = (level: string) => d.filter((x) => x.level === level).length;
    expect([count('city'), count('county'), count('town'), count('village')]).toEqual([1, 7, 82, 1348]);
    expect(d.filter((x) => x.parent_code === '440704' || x.parent_code?.startsWith('440704')).length).toBe(
      3 + 63,
    );
    expect(d.find((x) => x.code === '440703002101')).toMatchObject({
      name: '羊桥社区居委会',
      kind: 'community',
    });
  });
  it('shortens village names', () => {
    expect(villageShortName('羊桥社区居委会')).toBe('羊桥社区');
    expect(villageShortName('沙联村民委员会')).toBe('沙联村');
    expect(villageShortName('大洞村委会')).toBe('大洞村');
    expect(villageShortName('滨江社区居民委员会')).toBe('滨江社区');
    expect(villageShortName('沙仔场生活区')).toBe('沙仔场生活区');
  });
});

describe('buildPlan', () => {
  const demo = buildPlan(4407, 'demo');
  const grids = demo.counties.flatMap((c) => c.towns.flatMap((t) => t.villages.flatMap((v) => v.grids)));
  const villages = demo.counties.flatMap((c) => c.towns.flatMap((t) => t.villages));

  it('allocates 2,954 grids, at least one per village, 4,400 full-time workers', () => {
    expect(grids.length).toBe(TOTAL_GRIDS);
    expect(villages.every((v) => v.grids.length >= 1)).toBe(true);
    expect(grids.reduce((s, g) => s + g.workers, 0)).toBe(TOTAL_FULL_TIME_WORKERS);
    expect(grids.filter((g) => g.workers === 2).length).toBe(1446);
    const households = grids.reduce((s, g) => s + g.households, 0);
    expect(households).toBeGreaterThan(1_550_000);
    expect(households).toBeLessThan(1_650_000);
    expect(new Set(grids.map((g) => g.code)).size).toBe(TOTAL_GRIDS);
    expect(grids[0]?.code).toMatch(/^\d{15}$/);
  });

  it('gives the demo about 30,000 members and the chain committee 34 branches / 1,200 members', () => {
    const unitMembers = demo.units.reduce((s, u) => s + u.children.reduce((t, c) => t + c.members, 0), 0);
    expect(grids.reduce((s, g) => s + g.members, 0) + unitMembers).toBe(30_000);
    const chain = demo.units.find((u) => u.category === 'chain_committee');
    expect(chain?.children.length).toBe(34);
    expect(chain?.children.reduce((s, c) => s + c.members, 0)).toBe(1200);
    expect(chain?.parentCode).toBe('440705');
    const categories = new Set(demo.units.map((u) => u.category));
    expect(categories.size).toBe(7);
  });

  it('makes the test scale a share of the same allocation', () => {
    const test = buildPlan(4407, 'test');
    expect(test.counties.map((c) => c.division.code)).toEqual(TEST_COUNTIES);
    const testGrids = test.counties.flatMap((c) =>
      c.towns.flatMap((t) => t.villages.flatMap((v) => v.grids)),
    );
    const sameShare = grids.filter((g) => TEST_COUNTIES.includes(g.code.slice(0, 6)));
    expect(testGrids.map((g) => [g.code, g.households, g.workers])).toEqual(
      sameShare.map((g) => [g.code, g.households, g.workers]),
    );
    expect(new Set(test.units.map((u) => u.category)).size).toBe(7);
  });
});
