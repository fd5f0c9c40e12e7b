// 万名党员进党校: members trained in party schools this year against the target, for an org and each org
// directly under it. A member counts once, when present (hours > 0) at a session of a party-school class
// held in the year; the member is counted where the member's org is now.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import * as repo from './training.repository.ts';

export async function setTarget(
  db: Db,
  write: Write,
  actor: Actor,
  input: { orgId: number; year: number; target: number },
) {
  requirePermission(actor, 'training:manage');
  const org = await verifyOrg(db, actor, input.orgId);
  if (org.level !== 'city' && org.level !== 'county')
    throw unprocessable(
      'TRAINING_TARGET_LEVEL',
      `${org.name} 不是市委或县（市、区）委：进党校目标由市、县两级下达。`,
      `${org.name} is not the city or a county: targets are set by the city and the counties.`,
    );
  await write(async (trx, audit) => {
    await repo.upsertTarget(trx, { org_id: org.id, year: input.year, target: input.target });
    await audit({
      action: 'training.target',
      targetType: 'org',
      targetId: org.id,
      after: input,
      countyCode: org.county_code,
    });
  });
}

export async function progress(db: Db, actor: Actor, q: { orgId?: number | undefined; year: number }) {
  const org = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const trained = await repo.trainedMembers(db, actor, org.path, q.year);
  const children = await repo.childOrgs(db, actor, org.id);
  const targets = await repo.targetsOf(db, q.year, [org.id, ...children.map((c) => c.id)]);
  const targetOf = (id: number) => targets.find((t) => t.org_id === id)?.target ?? null;
  const rate = (n: number, t: number | null) => (t ? Math.round((n / t) * 1000) / 1000 : null);
  const total = trained.length;
  return {
    year: q.year,
    org: { id: org.id, name: org.name },
    trained: total,
    target: targetOf(org.id),
    rate: rate(total, targetOf(org.id)),
    children: children.map((c) => {
      const n = trained.filter((t) => t.path.startsWith(c.path)).length;
      return {
        org: { id: c.id, name: c.name },
        trained: n,
        target: targetOf(c.id),
        rate: rate(n, targetOf(c.id)),
        members: Number(c.member_count),
      };
    }),
  };
}
