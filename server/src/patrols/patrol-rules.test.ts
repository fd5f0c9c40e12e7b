import { describe, expect, test } from 'vitest';
import { haversineM } from '../platform/geo/distance.ts';
import { checkClientTime, cstDate, cstDayBounds, cstWeekStart, routeDistanceM } from './patrol-rules.ts';

describe('patrol rules', () => {
  test('the distance walked follows the points in time order', () => {
    const a = { lng: 113.08, lat: 22.58, at: new Date('2026-11-24T01:00:00Z') };
    const b = { lng: 113.09, lat: 22.58, at: new Date('2026-11-24T01:10:00Z') };
    const c = { lng: 113.09, lat: 22.59, at: new Date('2026-11-24T01:20:00Z') };
    const expected = haversineM(a.lng, a.lat, b.lng, b.lat) + haversineM(b.lng, b.lat, c.lng, c.lat);
    expect(routeDistanceM([c, a, b])).toBe(Math.round(expected));
    expect(routeDistanceM([a])).toBe(0);
    expect(routeDistanceM([])).toBe(0);
  });

  test('days and weeks are counted in China Standard Time', () => {
    expect(cstDate(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(cstDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(cstDayBounds('2026-11-24')).toEqual({
      from: new Date('2026-11-23T16:00:00Z'),
      to: new Date('2026-11-24T16:00:00Z'),
    });
    // Tuesday 2026-11-24 08:00 CST → Monday 2026-11-23 00:00 CST
    expect(cstWeekStart(new Date('2026-11-24T00:00:00Z'))).toEqual(new Date('2026-11-22T16:00:00Z'));
    // Sunday 23:30 CST still belongs to the week that began on Monday the 16th
    expect(cstWeekStart(new Date('2026-11-22T15:30:00Z'))).toEqual(new Date('2026-11-15T16:00:00Z'));
    // Monday 00:10 CST begins a new week
    expect(cstWeekStart(new Date('2026-11-22T16:10:00Z'))).toEqual(new Date('2026-11-22T16:00:00Z'));
  });

  test("a phone's time may be a little ahead, not in the future, not older than 30 days", () => {
    const now = new Date('2026-11-24T02:00:00Z');
    expect(checkClientTime(new Date('2026-11-24T02:04:00Z'), now, 'at')).toEqual(
      new Date('2026-11-24T02:04:00Z'),
    );
    expect(() => checkClientTime(new Date('2026-11-24T02:06:00Z'), now, 'at')).toThrow(/future/);
    expect(() => checkClientTime(new Date('2026-10-01T00:00:00Z'), now, 'at')).toThrow(/30 days/);
    expect(() => checkClientTime(new Date('nope'), now, 'at')).toThrow(/not valid/);
  });
});
