// 村类别: each village's category for differentiated assessment. Read by anyone reading assessments;
// set by a town, a county or the city for villages inside its scope (a village does not classify
// itself); an unclassified village takes the default of its kind (社区 or 村).
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import type { Write } from '../platform/http/route.ts';
import { pinyinInitials } from '../platform/text/pinyin.ts';
import { assessmentErrors } from './assessment-errors.ts';
import { readAssessmentSettings } from './assessment-settings.service.ts';
import { categoryOf } from './grading.service.ts';
import { saveCategories, villagesUnder } from './village.repository.ts';

export async function villageCategories(
  db: Db,
  actor: Actor,
  query: {
    orgId?: number | undefined;
    q?: string | undefined;
    category?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(actor, 'assessment:read');
  const scope = await verifyOrg(db, actor, query.orgId ?? actor.scopeOrgId);
  const [villages, settings] = await Promise.all([
    villagesUnder(db, actor, scope.path),
    readAssessmentSettings(db),
  ]);
  const text = query.q?.trim().toLowerCase();
  const rows = villages
    .map((v) => ({ ...v, effective: categoryOf(v, settings) }))
    .filter((v) => !query.category || v.effective === query.category)
    .filter(
      (v) =>
        !text ||
        v.code.startsWith(text) ||
        v.name.includes(text) ||
        (/^[a-z]+$/.test(text) && pinyinInitials(v.shortName).includes(text)),
    );
  const counts: Record<string, number> = {};
  for (const v of villages) {
    const c = categoryOf(v, settings);
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return {
    categories: settings.categories,
    counts,
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((v) => ({
      orgId: v.id,
      code: v.code,
      name: v.name,
      townId: v.townId,
      divisionKind: v.divisionKind,
      category: v.effective,
      classified: v.category !== null && v.category === v.effective,
    })),
  };
}

export async function setVillageCategories(
  db: Db,
  write: Write,
  actor: Actor,
  items: readonly { orgId: number; category: string }[],
) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (!['town', 'county', 'city'].includes(me.level)) throw assessmentErrors.reviewLevel();
  const settings = await readAssessmentSettings(db);
  const known = new Set(settings.categories.map((c) => c.code));
  const checked: { orgId: number; countyCode: string; category: string; name: string }[] = [];
  for (const i of items) {
    if (!known.has(i.category)) throw assessmentErrors.unknownCategory(i.category);
    const org = await verifyOrg(db, actor, i.orgId);
    if (org.level !== 'village') throw assessmentErrors.notVillage(org.name);
    checked.push({
      orgId: org.id,
      countyCode: org.county_code ?? org.code.slice(0, 6),
      category: i.category,
      name: org.name,
    });
  }
  return write(async (trx, audit) => {
    await saveCategories(trx, checked, actor.accountId);
    await audit({
      action: 'assessment.category',
      targetType: 'org',
      targetId: checked.length === 1 ? (checked[0]?.orgId ?? 0) : me.id,
      countyCode: checked[0]?.countyCode ?? null,
      after: { items: checked.map((c) => ({ orgId: c.orgId, name: c.name, category: c.category })) },
    });
    return { saved: checked.length };
  });
}
