// The audit page's filter lists every named action once, grouped by capability; every name has both
// languages. (That every action the server writes has a name is checked by the server's compiler:
// its audit entry takes contract/audit-names.ts's `AuditAction`.)
import { expect, test } from 'vitest';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS_GROUPED, TARGET_TYPE_NAMES } from './audit-names.ts';

test('the filter lists every action once, each capability together', () => {
  expect([...AUDIT_ACTIONS_GROUPED].sort()).toEqual(Object.keys(AUDIT_ACTION_NAMES).sort());
  const groups = AUDIT_ACTIONS_GROUPED.map((k) => k.slice(0, k.indexOf('.')));
  const runs = groups.filter((g, i) => g !== groups[i - 1]);
  expect(new Set(runs).size).toBe(runs.length);
  expect(AUDIT_ACTIONS_GROUPED).toContain('case.dispatch');
  expect(AUDIT_ACTIONS_GROUPED).toContain('recruitment.step25');
});

test('every action and record type has a Chinese and an English name', () => {
  for (const n of [...Object.values(AUDIT_ACTION_NAMES), ...Object.values(TARGET_TYPE_NAMES)]) {
    expect(n.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(n.en.trim()).not.toBe('');
  }
});
