import { describe, expect, it } from 'vitest';
import { validateMobile } from './phone.ts';
import { nameInitials, pinyinInitials } from './pinyin.ts';

describe('validateMobile', () => {
  it('accepts 11 digits starting with 1', () => {
    expect(validateMobile('13812345678')).toEqual({ ok: true, phone: '13812345678' });
    expect(validateMobile('+86 138-1234-5678')).toEqual({ ok: true, phone: '13812345678' });
  });
  it('rejects others', () => {
    expect(validateMobile('')).toEqual({ ok: false, reason: 'empty' });
    expect(validateMobile('1381234567')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('23812345678')).toEqual({ ok: false, reason: 'format' });
    expect(validateMobile('0750-3123456')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('pinyinInitials', () => {
  it('gives lowercase initials', () => {
    expect(pinyinInitials('江海区')).toBe('jhq');
    expect(pinyinInitials('中共羊桥社区委员会')).toBe('zgyqsqwyh');
    expect(pinyinInitials('A座1号楼（东）')).toBe('az1hld');
    expect(pinyinInitials('')).toBe('');
  });
  it('reads surnames as surnames', () => {
    expect(nameInitials('单雄信')).toBe('sxx');
    expect(nameInitials('司徒明华')).toBe('stmh');
  });
});
