// SQL of the data key's check at start: a few encrypted values of each kind (ID and phone numbers) that
// the key must open when no check value is stored yet.
import { sql } from 'kysely';
import type { Db } from '../db/handle.ts';

export async function encryptedSamples(db: Db): Promise<{ value: string; kind: 'id' | 'phone' }[]> {
  const samples = await sql<{ value: string; kind: 'id' | 'phone' }>`
    (select id_number_enc as value, 'id' as kind from member where id_number_enc is not null limit 3)
    union all
    (select reporter_phone_enc, 'phone' from civic_case where reporter_phone_enc is not null limit 3)
  `.execute(db);
  return samples.rows;
}
