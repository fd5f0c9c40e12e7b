// 软弱涣散 found from data: every village org of a county evaluated against the configured criteria
// (candidates, each hit with its figure); the county lists its year's orgs from them (at most the
// configured share, or every one found), or names one with its own reason; each listed org's
// rectification ledger is kept by its town and accepted (销号), rejected or reviewed (回头看) by its
// county — every step a transition of domain/ledger-machine.ts with its audit row.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Org } from '../platform/db/schema.ts';
import { forbidden, unprocessable } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import { shanghaiToday } from '../recruitment/domain/dates.ts';
import {
  CRITERION_NAMES,
  evaluateVillage,
  listLimit,
  WEAK_ORG_SETTINGS_DEFAULTS,
  WEAK_ORG_SETTINGS_KEY,
} from './domain/weak-org-rules.ts';
import { insertWeakOrgs, listedOfYear } from './weak-org.repository.ts';
import { villageFacts } from './weak-org-facts.ts';

export const readWeakOrgSettings = (db: Db) =>
  readSetting(db, WEAK_ORG_SETTINGS_KEY, WEAK_ORG_SETTINGS_DEFAULTS);

export const weakOrgErrors = {
  countyOnly: () =>
    forbidden(
      'WEAK_ORG_COUNTY_ONLY',
      '软弱涣散基层党组织名单由县（市、区）委确定，验收销号和回头看也由县（市、区）委负责。',
      'The county lists weak orgs, accepts their rectification and reviews it.',
    ),
  townOnly: () =>
    forbidden(
      'WEAK_ORG_TOWN_LEDGER',
      '整顿台账由所在镇（街）党（工）委（或县委）填写。',
      'The ledger is kept by the org’s town (or its county).',
    ),
  overLimit: (n: number, limit: number, villages: number, share: number) =>
    unprocessable(
      'WEAK_ORG_OVER_SHARE',
      `本县共有村（社区）党组织 ${villages} 个，按 ${Math.round(share * 100)}% 的比例最多确定 ${limit} 个，本次选择了 ${n} 个。`,
      `${villages} village orgs at ${Math.round(share * 100)}% allow at most ${limit}; ${n} were chosen.`,
      { limit, chosen: n },
    ),
  mustListAll: (missing: string[]) =>
    unprocessable(
      'WEAK_ORG_LIST_ALL',
      `按设置，排查出的软弱涣散党组织须全部列入整顿：还有 ${missing.join('、')}。`,
      `Every org found must be listed: ${missing.join(', ')} are missing.`,
    ),
  notCandidate: (name: string) =>
    unprocessable(
      'WEAK_ORG_REASON_REQUIRED',
      `${name} 不符合数据排查的任何情形：如确需列入，请写明县委认定的情形。`,
      `${name} meets no criterion: give the county’s own reason to list it.`,
      { field: 'manualReason' },
    ),
  alreadyListed: (names: string[], year: number) =>
    unprocessable(
      'WEAK_ORG_ALREADY_LISTED',
      `${names.join('、')} 已在 ${year} 年整顿名单中。`,
      `${names.join(', ')} are already on the ${year} list.`,
    ),
  notVillage: (name: string) =>
    unprocessable(
      'WEAK_ORG_NOT_VILLAGE',
      `${name} 不是本县的村（社区）党组织。`,
      `${name} is not a village org of the county.`,
      {
        field: 'orgId',
      },
    ),
};

/** The county the actor acts for (its own), or 403. */
export async function actorCounty(db: Db, actor: Actor): Promise<Org> {
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level !== 'county') throw weakOrgErrors.countyOnly();
  return me;
}

/** The candidates under a scope (a county's, or a town's villages), as of today, with what each meets. */
export async function weakOrgCandidates(
  db: Db,
  actor: Actor,
  query: { orgId?: number | undefined; year: number },
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const [{ villages, facts }, settings] = await Promise.all([
    villageFacts(db, actor, scope.path, today),
    readWeakOrgSettings(db),
  ]);
  const listed = new Set(
    (
      await listedOfYear(
        db,
        villages.map((v) => v.id),
        query.year,
      )
    ).map((r) => Number(r.org_id)),
  );
  const candidates = villages
    .map((v) => ({
      v,
      hits: evaluateVillage(facts.get(v.id) as NonNullable<ReturnType<typeof facts.get>>, settings, today),
    }))
    .filter((c) => c.hits.length > 0)
    .sort((a, b) => b.hits.length - a.hits.length || a.v.code.localeCompare(b.v.code));
  const byCriterion: Record<string, number> = {};
  for (const c of candidates)
    for (const h of c.hits) byCriterion[h.criterion] = (byCriterion[h.criterion] ?? 0) + 1;
  return {
    scope: { id: scope.id, name: scope.name, level: scope.level },
    asOf: today,
    year: query.year,
    villages: villages.length,
    settings,
    limit: listLimit(villages.length, candidates.length, settings),
    criteria: Object.entries(CRITERION_NAMES).map(([code, name]) => ({
      code,
      name,
      candidates: byCriterion[code] ?? 0,
    })),
    items: candidates.map((c) => ({
      org: { id: c.v.id, code: c.v.code, name: c.v.name, townId: c.v.townId },
      hits: c.hits,
      listed: listed.has(c.v.id),
    })),
  };
}

export interface ListInput {
  year: number;
  items: { orgId: number; manualReason?: string | undefined }[];
}

/** The county chooses its year's list: candidates (with their hits), or orgs with its own written reason. */
export async function listWeakOrgs(
  db: Db,
  write: Write,
  actor: Actor,
  input: ListInput,
  today = shanghaiToday(),
) {
  requirePermission(actor, 'assessment:manage');
  const county = await actorCounty(db, actor);
  const found = await weakOrgCandidates(db, actor, { year: input.year }, today);
  const hitsOf = new Map(found.items.map((i) => [i.org.id, i]));
  const orgs = await Promise.all(input.items.map((i) => verifyOrg(db, actor, i.orgId)));
  for (const o of orgs) if (o.level !== 'village') throw weakOrgErrors.notVillage(o.name);
  const already = await listedOfYear(
    db,
    orgs.map((o) => o.id),
    input.year,
  );
  if (already.length)
    throw weakOrgErrors.alreadyListed(
      orgs.filter((o) => already.some((a) => Number(a.org_id) === o.id)).map((o) => o.name),
      input.year,
    );
  const listedBefore = found.items.filter((i) => i.listed).length;
  const total = listedBefore + input.items.length;
  if (found.settings.selection === 'share' && total > found.limit)
    throw weakOrgErrors.overLimit(total, found.limit, found.villages, found.settings.maxShare);
  if (found.settings.selection === 'all') {
    const chosen = new Set(input.items.map((i) => i.orgId));
    const missing = found.items.filter((i) => !i.listed && !chosen.has(i.org.id)).map((i) => i.org.name);
    if (missing.length) throw weakOrgErrors.mustListAll(missing);
  }
  const rows = input.items.map((item, k) => {
    const org = orgs[k] as Org;
    const candidate = hitsOf.get(org.id);
    const manual = item.manualReason?.trim() || null;
    if (!candidate && !manual) throw weakOrgErrors.notCandidate(org.name);
    const hits = candidate?.hits ?? [];
    return {
      org_id: org.id,
      town_org_id: Number(org.parent_id),
      county_code: org.county_code ?? county.code,
      year: input.year,
      reasons: JSON.stringify({
        hits,
        manual,
        criteria: [...hits.map((h) => h.criterion), ...(manual ? (['manual'] as const) : [])],
      }),
      listed_by: actor.accountId,
      listed_on: today,
    };
  });
  return write(async (trx, audit) => {
    const ids = await insertWeakOrgs(trx, rows, actor.accountId);
    await audit({
      action: 'weak_org.list',
      targetType: 'org',
      targetId: county.id,
      countyCode: county.county_code,
      after: {
        year: input.year,
        orgs: rows.map((r, k) => ({ id: ids[k], orgId: r.org_id, reasons: JSON.parse(r.reasons) })),
      },
    });
    return { year: input.year, listed: ids };
  });
}
