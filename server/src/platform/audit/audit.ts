// The audit trail: append-only (a trigger refuses UPDATE/DELETE) and tamper-evident (each row's SM3
// hash covers the previous row's hash in its lane: one chain per county, 0010_audit_lanes.sql).
// Appended inside the transaction of the write it records.
import type { AuditAction, AuditTargetType } from '../../../../contract/audit-names.ts';
import { sm3Hex } from '../crypto/crypto.ts';
import type { Db, Trx } from '../db/handle.ts';
import * as repo from './audit.repository.ts';

export interface AuditEntry {
  actorId: number | null;
  actorUsername: string;
  role: string;
  scopeOrgId: number | null;
  /** A named action (contract/audit-names.ts): one without a name on the audit page does not compile. */
  action: AuditAction;
  targetType: AuditTargetType;
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

const ZERO_HASH = '0'.repeat(64);
/** The lane of each open transaction: its first append picks it, the others follow (one head lock each). */
const laneOfTransaction = new WeakMap<Trx, string>();

/** The lane (chain) of an entry: its county, or 'city'. */
export function laneOf(entry: Pick<AuditEntry, 'countyCode'>): string {
  return entry.countyCode ?? 'city';
}

/**
 * Appends one entry. Must run inside the caller's transaction. The lane's head row lock orders the
 * appends of a lane (0010_audit_lanes.sql); a transaction appends to one lane only, so two transactions
 * never wait for each other's heads in opposite orders.
 */
export async function appendAudit(trx: Trx, entry: AuditEntry): Promise<number> {
  let lane = laneOfTransaction.get(trx);
  if (!lane) {
    lane = laneOf(entry);
    laneOfTransaction.set(trx, lane);
  }
  let head = await repo.lockHead(trx, lane);
  if (!head) {
    await repo.insertHead(trx, lane, ZERO_HASH);
    head = await repo.lockHead(trx, lane);
    if (!head) throw new Error(`audit lane ${lane} has no head`);
  }
  const id = await repo.nextAuditId(trx);
  // JSON round trip: what is hashed is exactly what jsonb gives back when verifying.
  const normalize = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));
  const fields: ChainedFields = {
    id,
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
  const seq = head.last_seq + 1;
  await repo.insertRecord(trx, {
    ...fields,
    before: fields.before === null ? null : JSON.stringify(fields.before),
    after: fields.after === null ? null : JSON.stringify(fields.after),
    lane,
    lane_seq: seq,
    prev_hash: head.last_hash,
    hash,
  });
  await repo.setHead(trx, lane, seq, hash);
  return fields.id;
}

/** Records an action that has no write of its own (a read of personal data, a failed login). */
export function recordAudit(db: Db, entry: AuditEntry): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, entry));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason?: string;
}

/** Walks every lane's chain in order and recomputes every hash; the heads must match the tips. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  const heads = await repo.heads(db);
  let checked = 0;
  for (const head of heads) {
    let prev = ZERO_HASH;
    let expected = 1;
    for (;;) {
      const rows = await repo.laneRecords(db, head.lane, expected, batch);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.lane_seq !== expected)
          return { ok: false, checked, brokenAt: row.id, reason: `missing row in lane ${head.lane}` };
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
        expected += 1;
        checked += 1;
      }
    }
    if (head.last_seq !== expected - 1 || head.last_hash !== prev) {
      return {
        ok: false,
        checked,
        brokenAt: null,
        reason: `head of lane ${head.lane} does not match its last row`,
      };
    }
  }
  // no row outside the lanes that have heads
  if ((await repo.recordCount(db)) !== checked)
    return { ok: false, checked, brokenAt: null, reason: 'rows outside every lane' };
  return { ok: true, checked, brokenAt: null };
}
