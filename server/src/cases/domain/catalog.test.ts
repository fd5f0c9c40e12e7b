import { describe, expect, test } from 'vitest';
import {
  CATEGORY_CLASSES,
  categoryRows,
  DEPARTMENT_KINDS,
  departmentCode,
  findSubcategory,
  SUBCATEGORIES,
} from './catalog.ts';
import { validateLimit } from './sla.ts';

describe('the category catalog', () => {
  test('5 component classes, 6 event classes and the social-governance classes, by name', () => {
    const names = (kind: string) => CATEGORY_CLASSES.filter((c) => c.kind === kind).map((c) => c.name_zh);
    expect(names('component')).toEqual(['公用设施', '道路交通', '市容环境', '园林绿化', '其他']);
    expect(names('event')).toEqual(['市容环境', '宣传广告', '施工管理', '街面秩序', '突发事件', '其他']);
    expect(names('social')).toEqual([
      '矛盾纠纷',
      '治安隐患',
      '民生服务',
      '社情民意',
      '特殊人群',
      '安全生产',
      '生态环境',
    ]);
  });

  test('every class has 3–8 sub-categories with stable codes under it', () => {
    for (const c of CATEGORY_CLASSES) {
      expect(c.subcategories.length).toBeGreaterThanOrEqual(3);
      expect(c.subcategories.length).toBeLessThanOrEqual(8);
      c.subcategories.forEach((s, i) => {
        expect(s.code).toBe(`${c.code}-${String(i + 1).padStart(2, '0')}`);
        expect(s.parent_code).toBe(c.code);
      });
    }
    expect(SUBCATEGORIES).toHaveLength(29 + 37 + 40);
    expect(new Set(SUBCATEGORIES.map((s) => s.code)).size).toBe(SUBCATEGORIES.length);
  });

  test('known codes', () => {
    expect(findSubcategory('C01-01')).toMatchObject({
      name_zh: '井盖破损',
      default_department_kind: 'water',
      urgent: true,
      limits: {
        dispatch: { amount: 0.5, unit: 'urgent_hour' },
        handling: { amount: 4, unit: 'urgent_hour' },
        verification: { amount: 2, unit: 'urgent_hour' },
      },
    });
    expect(findSubcategory('C01-02')).toMatchObject({ name_zh: '路灯不亮', urgent: false });
    expect(findSubcategory('E01-01')).toMatchObject({
      name_zh: '暴露垃圾',
      limits: { handling: { amount: 4, unit: 'working_hour' } },
    });
    expect(findSubcategory('E02-01')?.name_zh).toBe('违规张贴');
    expect(findSubcategory('E03-01')?.name_zh).toBe('施工扰民');
    expect(findSubcategory('E04-01')).toMatchObject({
      name_zh: '占道经营',
      default_department_kind: 'urban_management',
    });
    expect(findSubcategory('S01-01')).toMatchObject({
      name_zh: '邻里纠纷',
      default_department_kind: 'justice',
      limits: { handling: { amount: 10, unit: 'workday' } },
    });
    expect(findSubcategory('X99-01')).toBeUndefined();
  });

  test('every sub-category names a known department kind, valid limits, urgent exactly when in urgent hours', () => {
    const kinds = new Set(DEPARTMENT_KINDS.map((k) => k.code));
    for (const s of SUBCATEGORIES) {
      expect(kinds.has(s.default_department_kind), s.code).toBe(true);
      for (const l of Object.values(s.limits)) validateLimit(l);
      expect(s.urgent).toBe(s.limits.handling.unit === 'urgent_hour');
      expect(s.name_en.length).toBeGreaterThan(0);
    }
  });

  test('department kinds: unique codes, the issue’s list included', () => {
    expect(new Set(DEPARTMENT_KINDS.map((k) => k.code)).size).toBe(DEPARTMENT_KINDS.length);
    const short = DEPARTMENT_KINDS.map((k) => k.short_zh);
    for (const name of [
      '城管',
      '住建',
      '水务',
      '交通',
      '生态环境',
      '市场监管',
      '派出所',
      '供电',
      '民政',
      '司法所',
      '应急管理',
      '卫生健康',
      '人社',
      '自然资源',
    ]) {
      expect(short).toContain(name);
    }
    expect(departmentCode('440703', 'water')).toBe('440703-water');
  });

  test('rows for seeding: classes first, then their sub-categories', () => {
    const rows = categoryRows();
    expect(rows).toHaveLength(CATEGORY_CLASSES.length + SUBCATEGORIES.length);
    expect(rows[0]).toEqual({
      code: 'C01',
      parent_code: null,
      kind: 'component',
      name_zh: '公用设施',
      name_en: 'Public utilities',
      default_department_kind: null,
      urgent: false,
      limits: null,
      sort_order: 100,
    });
    expect(rows[1]).toMatchObject({ code: 'C01-01', parent_code: 'C01', kind: 'component', sort_order: 101 });
    expect(rows.find((r) => r.code === 'S07-07')).toMatchObject({ kind: 'social', sort_order: 1807 });
  });
});
