// The factories make rows the register accepts: a checksum-valid (fake) ID number, stored encrypted,
// hashed and masked; the same seed, the same person; overrides on top.
import { describe, expect, test } from 'vitest';
import { decryptPii } from '../platform/crypto/crypto.ts';
import { validateIdNumber } from '../platform/text/id-number.ts';
import { buildMember, buildPerson } from './factories.ts';

describe('factories', () => {
  test('a person: a valid ID number of the county asked for; the same seed, the same person', () => {
    const p = buildPerson({ idCounty: '440781', seed: 7, today: '2026-06-30' });
    expect(validateIdNumber(p.idNumber).ok).toBe(true);
    expect(p.idNumber.slice(0, 6)).toBe('440781');
    expect(p.birthDate < '2008-06-30').toBe(true);
    const again = buildPerson({ idCounty: '440781', seed: 7, today: '2026-06-30' });
    expect(again.name).toBe(p.name);
    expect(again.birthDate).toBe(p.birthDate);
  });

  test('a member row: encrypted, hashed and masked as the register keeps them; overrides win', async () => {
    const row = await buildMember({ orgId: 42, countyCode: '440704' }, { name: '张三', status: 'full' });
    expect(row).toMatchObject({ org_id: 42, name: '张三', status: 'full', county_code: '440704' });
    const id = decryptPii(row.id_number_enc);
    expect(validateIdNumber(id).ok).toBe(true);
    expect(row.id_number_masked).toMatch(/^\d{6}\*+[\dX]{4}$/);
    expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const other = await buildMember({ orgId: 42 });
    expect(other.id_number_hash).not.toBe(row.id_number_hash);
  });
});
