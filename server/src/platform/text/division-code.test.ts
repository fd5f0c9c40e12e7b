import { describe, expect, it } from 'vitest';
import { parseDivisionCode, townKindOf, villageKindOf } from './division-code.ts';

describe('parseDivisionCode', () => {
  it('reads natural-length codes', () => {
    expect(parseDivisionCode('4407')).toMatchObject({
      ok: true,
      level: 'city',
      code: '4407',
      fullCode: '440700000000',
    });
    expect(parseDivisionCode('440704')).toMatchObject({ ok: true, level: 'county', countyCode: '440704' });
    expect(parseDivisionCode('440704001')).toMatchObject({ ok: true, level: 'town', townKind: 'street' });
    expect(parseDivisionCode('440704001001')).toEqual({
      ok: true,
      level: 'village',
      code: '440704001001',
      fullCode: '440704001001',
      cityCode: '4407',
      countyCode: '440704',
      townCode: '440704001',
      townKind: 'street',
      villageKind: 'community',
    });
  });
  it('reads 12-digit full codes with trailing zeros', () => {
    expect(parseDivisionCode('440700000000')).toMatchObject({ ok: true, level: 'city', code: '4407' });
    expect(parseDivisionCode('440704000000')).toMatchObject({ ok: true, level: 'county', code: '440704' });
    expect(parseDivisionCode('440705101000')).toMatchObject({
      ok: true,
      level: 'town',
      code: '440705101',
      townKind: 'town',
    });
  });
  it('classifies towns and villages by their digits', () => {
    expect(parseDivisionCode('440781201')).toMatchObject({ townKind: 'township' });
    expect(parseDivisionCode('440783400')).toMatchObject({ townKind: 'other' });
    expect(parseDivisionCode('440705101201')).toMatchObject({ villageKind: 'village' });
    expect(parseDivisionCode('440705108501')).toMatchObject({ villageKind: 'village' });
    expect(parseDivisionCode('440705450498')).toMatchObject({ villageKind: 'community' });
  });
  it('reports structural errors', () => {
    expect(parseDivisionCode('44O7')).toEqual({ ok: false, reason: 'format' });
    expect(parseDivisionCode('44070')).toEqual({ ok: false, reason: 'length' });
    expect(parseDivisionCode('990704')).toEqual({ ok: false, reason: 'province' });
    expect(parseDivisionCode('440000000000')).toEqual({ ok: false, reason: 'level' });
    expect(parseDivisionCode('440700')).toEqual({ ok: false, reason: 'structure' });
    expect(parseDivisionCode('440704000001')).toEqual({ ok: false, reason: 'structure' });
    expect(parseDivisionCode('440704700')).toEqual({ ok: false, reason: 'town_range' });
    expect(parseDivisionCode('440704001700')).toEqual({ ok: false, reason: 'village_range' });
  });
});

describe('kinds', () => {
  it('maps the digit ranges', () => {
    expect([1, 99, 100, 199, 200, 399, 400, 599, 600].map(townKindOf)).toEqual([
      'street',
      'street',
      'town',
      'town',
      'township',
      'township',
      'other',
      'other',
      null,
    ]);
    expect(['001', '199', '200', '399', '000'].map(villageKindOf)).toEqual([
      'community',
      'community',
      'village',
      'village',
      null,
    ]);
  });
});
