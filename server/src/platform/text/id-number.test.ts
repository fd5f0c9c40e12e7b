import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isRealDate, makeIdNumber, validateIdNumber } from './id-number.ts';

describe('validateIdNumber (GB 11643-1999)', () => {
  it('accepts the published example 11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      gender: 'female',
      divisionCode: '110105',
    });
  });
  it('accepts a lowercase x and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ').ok).toBe(true);
  });
  it('accepts 440524188001010014 (male, 1880-01-01)', () => {
    expect(validateIdNumber('440524188001010014')).toEqual({
      ok: true,
      birthDate: '1880-01-01',
      gender: 'male',
      divisionCode: '440524',
    });
  });
  it('gives a stable reason for each failure', () => {
    expect(validateIdNumber('11010519491231002')).toEqual({ ok: false, reason: 'length' });
    expect(validateIdNumber('1101051949123100XX')).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('11010519491231002Y')).toEqual({ ok: false, reason: 'format' });
    expect(validateIdNumber('110105194902300021')).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateIdNumber('110105194913010021')).toEqual({ ok: false, reason: 'birth_date' });
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum' });
  });
});

describe('idNumberCheckChar', () => {
  it('computes the published check characters', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });
  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1234')).toThrow();
  });
});

describe('makeIdNumber', () => {
  it('builds a valid number from parts', () => {
    const id = makeIdNumber('110105', '1949-12-31', 2);
    expect(id).toBe('11010519491231002X');
    const id2 = makeIdNumber('440704', '2000-02-29', '123');
    expect(validateIdNumber(id2)).toEqual({
      ok: true,
      birthDate: '2000-02-29',
      gender: 'male',
      divisionCode: '440704',
    });
  });
  it('refuses impossible dates', () => {
    expect(() => makeIdNumber('440704', '1999-02-29', 1)).toThrow();
  });
});

describe('isRealDate', () => {
  it('knows leap years', () => {
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('20240431')).toBe(false);
  });
});
