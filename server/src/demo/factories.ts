// Factories: one valid row of a kind, made the way the demo seed makes its own, with overrides. A test
// builds the rows it needs with these instead of mining the seed (a test must neither pass nor skip
// because the seed happens to hold or lack something); the seed turns its people into member rows
// through `memberRow`, so a built member is one the seed could have written: a checksum-valid ID
// number (fake), encrypted and keyed-hashed as the register stores it, a masked copy, a phone.
import type { Kysely } from 'kysely';
import { encryptPii, piiHash } from '../platform/crypto/crypto.ts';
import type { DB, NewMember, NewOrg } from '../platform/db/schema.ts';
import { maskIdNumber, maskPhone } from '../platform/masking/masking.ts';
import { nameInitials } from '../platform/text/pinyin.ts';
import { makePerson, type OrgSetting, type PersonDraft } from './people.ts';
import { createRng } from './random.ts';

/** The member row of a person of the seed's kind, in an org (and its county, as the register keeps it). */
export async function memberRow(
  p: PersonDraft,
  orgId: number,
  countyCode: string | null,
): Promise<NewMember> {
  return {
    org_id: orgId,
    name: p.name,
    pinyin_initials: nameInitials(p.name),
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_date: p.birthDate,
    id_number_enc: encryptPii(p.idNumber),
    id_number_hash: await piiHash(p.idNumber),
    id_number_masked: maskIdNumber(p.idNumber),
    phone_enc: encryptPii(p.phone),
    phone_masked: maskPhone(p.phone),
    education: p.education,
    occupation: p.occupation,
    status: p.status,
    joined_on: p.joinedOn,
    converted_on: p.convertedOn,
    county_code: countyCode,
  };
}

let built = 0;
const usedIds = new Set<string>();

export interface MemberSpec {
  orgId: number;
  /** the register's county of the member (default: that of the ID number) */
  countyCode?: string | null;
  /** the 6-digit county of the ID number (default 江海区 440704) */
  idCounty?: string;
  setting?: OrgSetting;
  /** the day ages and joining dates count back from (default today) */
  today?: string;
  /** a seed of its own: the same seed, the same person (default: the next of this process) */
  seed?: number;
}

/** A person as the seed draws one: name, gender, ID number, phone, education, dates. */
export function buildPerson(spec: Omit<MemberSpec, 'orgId' | 'countyCode'> = {}): PersonDraft {
  const today = spec.today ?? new Date().toISOString().slice(0, 10);
  // a seed of its own draws as if first (the same person each time); else the next person of this
  // process, never one whose ID number another of this process has
  return makePerson(
    createRng(spec.seed ?? ++built, 'factory-person'),
    spec.idCounty ?? '440704',
    spec.setting ?? 'community',
    spec.seed === undefined ? usedIds : new Set<string>(),
    today,
  );
}

/** A member row (not written): a person of the seed's kind, then `overrides` on top. */
export async function buildMember(spec: MemberSpec, overrides: Partial<NewMember> = {}): Promise<NewMember> {
  const person = buildPerson(spec);
  const row = await memberRow(person, spec.orgId, spec.countyCode ?? spec.idCounty ?? '440704');
  return { ...row, ...overrides };
}

/** Builds and writes members; their ids in order. */
export async function insertMembers(
  db: Kysely<DB>,
  spec: MemberSpec,
  count: number,
  overrides: Partial<NewMember> = {},
): Promise<number[]> {
  const rows: NewMember[] = [];
  for (let i = 0; i < count; i++) rows.push(await buildMember(spec, overrides));
  if (rows.length === 0) return [];
  const ids = await db.insertInto('member').values(rows).returning('id').execute();
  return ids.map((r) => Number(r.id));
}

export interface OrgRef {
  id: number;
  path: string;
  depth: number;
}

/**
 * Writes an org under `parent` (null: a root) with its materialized path, as the seed does: the row
 * first, then its path from its id. Defaults: a unit committee of an agency, named by its code.
 */
export async function insertOrg(
  db: Kysely<DB>,
  code: string,
  parent: OrgRef | null,
  overrides: Partial<NewOrg> = {},
): Promise<OrgRef> {
  const row = await db
    .insertInto('org')
    .values({
      parent_id: parent?.id ?? null,
      path: `pending:${code}`,
      depth: parent ? parent.depth + 1 : 0,
      code,
      name: code,
      short_name: code,
      kind: 'committee',
      level: 'unit',
      category: 'agency',
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.updateTable('org').set({ path }).where('id', '=', id).execute();
  return { id, path, depth: parent ? parent.depth + 1 : 0 };
}
