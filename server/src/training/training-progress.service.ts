// 万名党员进党校: members trained in party schools this year against the target, for an org and each org
// directly under it. A member counts once, when present (hours > 0) at a session of a party-school class
// held in the year; the member is counted where the member's org is now.
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, scoped, verifyOrg } from '../platform/access/scope.ts';
import type { DB } from '../platform/db/schema.ts';
import { unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';

export async function setTarget(
  db: Kysely<DB>,
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
    await trx
      .insertInto('training_target')
      .values({ org_id: org.id, year: input.year, target: input.target })
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ target: eb.ref('excluded.target') })),
      )
      .execute();
    await audit({
      action: 'training.target',
      targetType: 'org',
      targetId: org.id,
      after: input,
      countyCode: org.county_code,
    });
  });
}

export async function progress(
  db: Kysely<DB>,
  actor: Actor,
  q: { orgId?: number | undefined; year: number },
) {
  const org = await verifyOrg(db, actor, q.orgId ?? actor.scopeOrgId);
  const trained = await scoped
    .members(db, actor, 'training:manage')
    .where('member_org.path', 'like', `${org.path}%`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_enrollment as e')
          .innerJoin('training_attendance as a', 'a.enrollment_id', 'e.id')
          .innerJoin('training_session as s', 's.id', 'a.session_id')
          .innerJoin('training_class as c', 'c.id', 'e.class_id')
          .select('e.id')
          .whereRef('e.member_id', '=', 'member.id')
          .where('c.party_school', '=', true)
          .where(sql<boolean>`a.hours > 0`)
          .where('s.held_on', '>=', `${q.year}-01-01`)
          .where('s.held_on', '<=', `${q.year}-12-31`),
      ),
    )
    .select(['member.id', 'member_org.path'])
    .execute();
  const children = await scoped
    .orgs(db, actor)
    .select(['org.id', 'org.name', 'org.path', 'org.member_count'])
    .where('org.parent_id', '=', org.id)
    .orderBy('org.code')
    .execute();
  const orgIds = [org.id, ...children.map((c) => c.id)];
  const targets = await db
    .selectFrom('training_target')
    .select(['org_id', 'target'])
    .where('year', '=', q.year)
    .where('org_id', 'in', orgIds)
    .execute();
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
