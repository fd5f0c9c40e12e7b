// Compliance with the frequency rules (三会一课 and the rest) for every branch of a scope, rolled up by
// the scope's children (city → counties → towns → villages). Three set-based reads for the whole
// scope (branches, their meetings of the last and the current periods, their full members), then the
// pure rules of domain/meeting-rules.ts per branch in memory.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, scoped, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  type Compliance,
  type ComplianceStatus,
  complianceOf,
  type HeldMeeting,
  MEETING_KIND_NAMES,
  type MeetingKind,
  previousPeriod,
} from './domain/meeting-rules.ts';
import { holdsOrgLife, isOrgLifeOrg, readMeetingSettings } from './meeting-common.ts';

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

interface Row {
  org: { id: number; name: string; level: string; kind: string };
  branches: number;
  compliant: number;
  due: number;
  overdue: number;
}

/**
 * The compliance of the org itself (when it holds organizational life) and of every branch under it,
 * counted per child org; the non-compliant branches with what they miss (first `limit`).
 */
export async function compliance(
  db: Db,
  actor: Actor,
  unverifiedOrgId: number,
  asOf = shanghaiToday(),
  limit = 200,
) {
  requirePermission(actor, 'meeting:read');
  const scope = await verifyOrg(db, actor, unverifiedOrgId);
  const pattern = `${scope.path}%`;
  const since = previousPeriod('year', asOf).first;
  const settings = await readMeetingSettings(db);
  const [branches, meetings, fullMembers, groups] = await Promise.all([
    scoped
      .orgs(db, actor)
      .select(['org.id', 'org.name', 'org.path', 'org.level', 'org.kind', 'org.founded_on'])
      .where('org.path', 'like', pattern)
      .where(holdsOrgLife)
      .orderBy('org.path')
      .execute(),
    scoped
      .meetings(db, actor)
      .select(['meeting.org_id', 'meeting.kind', 'meeting.held_on', 'meeting.counts'])
      .where('meeting_org.path', 'like', pattern)
      .where('meeting.held_on', '>=', since)
      .where('meeting.held_on', '<=', asOf)
      .execute(),
    scoped
      .members(db, actor)
      .select(['member_org.path', (eb) => eb.fn.countAll<number>().as('n')])
      .where('member_org.path', 'like', pattern)
      .where('member.status', '=', 'full')
      .groupBy('member_org.path')
      .execute(),
    scoped
      .orgs(db, actor)
      .select('org.parent_id')
      .distinct()
      .where('org.path', 'like', pattern)
      .where('org.kind', '=', 'group')
      .execute(),
  ]);
  const branchIds = new Set(branches.map((b) => b.id));
  // full members of a branch = those of the orgs under it; meetings of a branch = its own
  const fullOf = new Map<number, number>();
  for (const r of fullMembers)
    for (const id of idsOf(r.path))
      if (branchIds.has(id)) fullOf.set(id, (fullOf.get(id) ?? 0) + Number(r.n));
  const heldBy = new Map<number, HeldMeeting[]>();
  for (const m of meetings) {
    const list = heldBy.get(m.org_id) ?? [];
    list.push({ kind: m.kind, heldOn: m.held_on, counts: m.counts });
    heldBy.set(m.org_id, list);
  }
  const withGroups = new Set(groups.map((g) => g.parent_id));

  const childIndex = scope.depth + 1;
  const byChild = new Map<number, Row>();
  const missingByKind: Partial<Record<MeetingKind, number>> = {};
  const totals = { branches: 0, compliant: 0, due: 0, overdue: 0 };
  const failing: {
    id: number;
    name: string;
    path: string;
    status: ComplianceStatus;
    missing: Compliance['missing'];
  }[] = [];
  let self: Compliance | null = null;
  for (const b of branches) {
    const c = complianceOf(
      heldBy.get(b.id) ?? [],
      { fullMembers: fullOf.get(b.id) ?? 0, hasGroups: withGroups.has(b.id), foundedOn: b.founded_on },
      settings,
      asOf,
    );
    if (b.id === scope.id) self = c;
    totals.branches++;
    totals[c.status]++;
    for (const m of c.missing)
      if (m.status === 'overdue') missingByKind[m.kind] = (missingByKind[m.kind] ?? 0) + 1;
    if (c.status !== 'compliant' && failing.length < limit)
      failing.push({ id: b.id, name: b.name, path: b.path, status: c.status, missing: c.missing });
    const childId = idsOf(b.path)[childIndex];
    if (childId === undefined) continue;
    const row = byChild.get(childId) ?? {
      org: { id: childId, name: '', level: '', kind: '' },
      branches: 0,
      compliant: 0,
      due: 0,
      overdue: 0,
    };
    row.branches++;
    row[c.status]++;
    byChild.set(childId, row);
  }
  const children = byChild.size
    ? await scoped
        .orgs(db, actor)
        .select(['org.id', 'org.name', 'org.level', 'org.kind'])
        .where('org.id', 'in', [...byChild.keys()])
        .orderBy('org.sort_order')
        .orderBy('org.code')
        .execute()
    : [];
  return {
    org: { id: scope.id, name: scope.name, level: scope.level, holdsOrgLife: isOrgLifeOrg(scope) },
    asOf,
    settings: { frequencies: settings.frequencies, quorumShare: settings.quorumShare },
    self,
    totals,
    overdueByKind: Object.entries(missingByKind).map(([kind, branches]) => ({
      kind,
      name: MEETING_KIND_NAMES[kind as MeetingKind],
      branches,
    })),
    children: children.map((o) => {
      const row = byChild.get(o.id) as Row;
      return { ...row, org: { id: o.id, name: o.name, level: o.level, kind: o.kind } };
    }),
    failing: failing.map(({ path: _path, ...f }) => f),
  };
}
