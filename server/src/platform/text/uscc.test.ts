import { describe, expect, it } from 'vitest';
import { makeUscc, usccCheckChar, validateUscc } from './uscc.ts';

describe('validateUscc (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      divisionCode: '350100',
    });
    // 华为技术有限公司
    expect(validateUscc('914403001922038216').ok).toBe(true);
    expect(validateUscc('91350100m000100y43').ok).toBe(true);
  });
  it('gives a stable reason for each failure', () => {
    expect(validateUscc('91350100M000100Y4')).toEqual({ ok: false, reason: 'length' });
    expect(validateUscc('91350100M000100YI3')).toEqual({ ok: false, reason: 'format' });
    expect(validateUscc('91ABCDEFM000100Y43')).toEqual({ ok: false, reason: 'format' });
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'checksum' });
  });
  it('lets an override list pass known legal codes that fail the checksum', () => {
    const legacy = '91350100M000100Y44';
    expect(validateUscc(legacy, new Set([legacy])).ok).toBe(true);
    expect(validateUscc('91350100M000100YI4', new Set(['91350100M000100YI4'])).ok).toBe(false);
  });
});

describe('makeUscc', () => {
  it('appends the check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(makeUscc('91440300192203821')).toBe('914403001922038216');
    const made = makeUscc('92440704MA0000001');
    expect(validateUscc(made).ok).toBe(true);
  });
  it('rejects characters outside the charset', () => {
    expect(() => makeUscc('9144070400000000O')).toThrow();
  });
});
