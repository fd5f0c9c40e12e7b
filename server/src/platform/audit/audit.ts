// The audit trail: append-only (a trigger refuses UPDATE/DELETE) and tamper-evident (each row's SM3
// hash covers the previous row's hash). Appended inside the transaction of the write it records.
import type { Kysely, Transaction } from 'kysely';
import { sm3Hex } from '../crypto/crypto.ts';
import type { DB } from '../db/schema.ts';

export interface AuditEntry {
  actorId: number | null;
  actorUsername: string;
  role: string;
  scopeOrgId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
  clientIp: string;
  countyCode?: string | null;
}

interface ChainedFields {
  id: number;
  at: string;
  actor_id: number | null;
  actor_username: string;
  role: string;
  scope_org_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
  client_ip: string;
  county_code: string | null;
}

/** JSON with object keys sorted at every level: jsonb reorders keys, so hash a fixed order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The exact text that is hashed: stable key order, ISO time in UTC. */
export function canonical(fields: ChainedFields): string {
  return stableStringify([
    fields.id,
    fields.at,
    fields.actor_id,
    fields.actor_username,
    fields.role,
    fields.scope_org_id,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.before ?? null,
    fields.after ?? null,
    fields.client_ip,
    fields.county_code,
  ]);
}

export async function chainHash(prevHash: string, fields: ChainedFields): Promise<string> {
  return sm3Hex(prevHash + canonical(fields));
}

/** Appends one entry. Must run inside the caller's transaction; the head row lock orders appends. */
export async function appendAudit(trx: Transaction<DB>, entry: AuditEntry): Promise<number> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();
  // JSON round trip: what is hashed is exactly what jsonb gives back when verifying.
  const normalize = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));
  const fields: ChainedFields = {
    id: head.last_id + 1,
    at: new Date().toISOString(),
    actor_id: entry.actorId,
    actor_username: entry.actorUsername,
    role: entry.role,
    scope_org_id: entry.scopeOrgId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: String(entry.targetId),
    before: normalize(entry.before),
    after: normalize(entry.after),
    client_ip: entry.clientIp,
    county_code: entry.countyCode ?? null,
  };
  const hash = await chainHash(head.last_hash, fields);
  await trx
    .insertInto('audit_log')
    .values({
      ...fields,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ last_id: fields.id, last_hash: hash }).execute();
  return fields.id;
}

/** Records an action that has no write of its own (a read of personal data, a failed login). */
export function recordAudit(db: Kysely<DB>, entry: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason?: string;
}

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: Kysely<DB>, batch = 5000): Promise<VerifyResult> {
  let prev = '0'.repeat(64);
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.id !== expectedId) return { ok: false, checked, brokenAt: expectedId, reason: 'missing row' };
      if (row.prev_hash !== prev)
        return { ok: false, checked, brokenAt: row.id, reason: 'prev_hash mismatch' };
      const hash = await chainHash(prev, {
        ...row,
        at: new Date(row.at).toISOString(),
        before: row.before ?? null,
        after: row.after ?? null,
      });
      if (hash !== row.hash) return { ok: false, checked, brokenAt: row.id, reason: 'hash mismatch' };
      prev = row.hash;
      expectedId += 1;
      checked += 1;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
  if (head.last_id !== checked || head.last_hash !== prev) {
    return { ok: false, checked, brokenAt: checked + 1, reason: 'head does not match the last row' };
  }
  return { ok: true, checked, brokenAt: null };
}
