import { describe, expect, test } from 'vitest';
import { FaultLog, isDatabaseUnavailable } from './db-faults.ts';
import { parsePgTarget } from './pg-pool.ts';

describe('isDatabaseUnavailable', () => {
  test.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '57P03', message: 'the database system is starting up' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [new Error('Connection terminated unexpectedly')],
    [new Error('timeout exceeded when trying to connect')],
    [{ code: '25006', message: 'cannot execute INSERT in a read-only transaction' }],
    [new AggregateError([{ code: 'ECONNREFUSED' }], 'all addresses refused')],
    [new Error('no primary among the 2 database hosts', { cause: { code: 'ECONNREFUSED' } })],
  ])('a fault of the database: %o', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
  test.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }],
    [new Error('a public route read the actor')],
    [null],
    ['text'],
  ])('not a fault of the database: %o', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('FaultLog', () => {
  test('one line when an outage starts, a summary at most every interval, one when it ends', () => {
    const lines: string[] = [];
    const log = new FaultLog((l) => lines.push(l), 60_000);
    for (let i = 0; i < 100; i++) log.fault({ code: 'ECONNREFUSED', message: 'refused' }, 'GET /api/me');
    expect(log.down).toBe(true);
    log.back();
    log.back();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ECONNREFUSED refused');
    expect(lines[1]).toMatch(/database back after/);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });
});

describe('parsePgTarget: libpq multi-host URLs', () => {
  test('one host stays as it is', () => {
    expect(parsePgTarget('postgres://u:p@db:5432/qj')).toEqual({
      urls: ['postgres://u:p@db:5432/qj'],
      targetSessionAttrs: 'any',
    });
  });
  test('several hosts become one URL each; target_session_attrs is taken off, other parameters kept', () => {
    expect(
      parsePgTarget('postgresql://u:p@h1:5432,h2:5433/qj?sslmode=disable&target_session_attrs=read-write'),
    ).toEqual({
      urls: ['postgresql://u:p@h1:5432/qj?sslmode=disable', 'postgresql://u:p@h2:5433/qj?sslmode=disable'],
      targetSessionAttrs: 'read-write',
    });
  });
  test('an unsupported target is refused, naming it', () => {
    expect(() => parsePgTarget('postgres://h1,h2/qj?target_session_attrs=standby')).toThrow(/standby/);
  });
});
