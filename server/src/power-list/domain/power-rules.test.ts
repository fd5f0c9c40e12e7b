import { describe, expect, test } from 'vitest';
import { checkPowerStep, type ListItem, matchPower } from './power-rules.ts';

const items: ListItem[] = [
  {
    id: 1,
    kind: 'positive',
    code: 'Z03',
    name: '村级物资和服务采购',
    keywords: ['采购', '购买'],
    active: true,
  },
  { id: 2, kind: 'positive', code: 'Z07', name: '村级印章使用', keywords: ['公章', '盖章'], active: true },
  { id: 3, kind: 'negative', code: 'F02', name: '私自出借印章', keywords: ['出借公章'], active: true },
  { id: 4, kind: 'positive', code: 'Z99', name: '停用事项', keywords: ['停用'], active: false },
];

describe('matching a record to the list', () => {
  test('a chosen power is followed', () => {
    expect(matchPower('购买办公桌椅', items, items[0] as ListItem)).toMatchObject({
      item: { code: 'Z03' },
      flag: null,
    });
  });
  test('words name a power when none is chosen', () => {
    expect(matchPower('为村民开证明盖章', items, null)).toMatchObject({ item: { code: 'Z07' }, flag: null });
  });
  test('nothing matches: unmatched, flagged to the town', () => {
    expect(matchPower('组织村民外出旅游', items, null)).toMatchObject({ item: null, flag: 'unmatched' });
    expect(matchPower('停用事项', items, null).flag).toBe('unmatched');
  });
  test('the negative list wins even over a chosen power', () => {
    const m = matchPower('向企业出借公章办理贷款', items, items[1] as ListItem);
    expect(m.flag).toBe('negative');
    expect(m.negative?.item.code).toBe('F02');
    expect(m.negative?.words).toEqual(['出借公章']);
  });
});

describe('steps follow the procedure', () => {
  const procedure = [
    { name: '提出采购需求', actor: '经办人', evidence: '采购申请单' },
    { name: '询价比选', actor: '村务监督委员会', evidence: '询价单' },
  ];
  const open = { status: 'open', done: 1, lastOn: '2026-05-02' };
  const input = { index: 2, on: '2026-05-03', actorName: '李明', evidence: '三家询价单' };
  test('in order', () => expect(checkPowerStep(procedure, open, input, '2026-06-01')).toBeNull());
  test('out of order: 422 naming the next step', () => {
    const p = checkPowerStep(procedure, { ...open, done: 0 }, input, '2026-06-01');
    expect(p?.code).toBe('POWER_STEP_ORDER');
    expect(p?.zh).toContain('第 1 步「提出采购需求」');
  });
  test('evidence is kept', () =>
    expect(checkPowerStep(procedure, open, { ...input, evidence: ' ' }, '2026-06-01')?.code).toBe(
      'POWER_STEP_EVIDENCE',
    ));
  test('dates', () => {
    expect(checkPowerStep(procedure, open, { ...input, on: '2026-05-01' }, '2026-06-01')?.code).toBe(
      'POWER_STEP_DATE',
    );
    expect(checkPowerStep(procedure, open, { ...input, on: '2026-06-02' }, '2026-06-01')?.code).toBe(
      'POWER_STEP_DATE',
    );
  });
  test('a record without a procedure cannot follow one', () =>
    expect(checkPowerStep([], open, input, '2026-06-01')?.code).toBe('POWER_USE_NO_PROCEDURE'));
});
