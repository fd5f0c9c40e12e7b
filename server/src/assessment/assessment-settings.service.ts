// The assessment settings: read (everyone who reads assessments), and changed by the city's
// organization department only, validated whole (every problem named by its field), audited.
import type { Actor } from '../platform/access/actor.ts';
import { requirePermission, verifyOrg } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { badRequest } from '../platform/errors/errors.ts';
import type { Write } from '../platform/http/route.ts';
import { readSetting, writeSetting } from '../platform/settings/settings.ts';
import { assessmentErrors } from './assessment-errors.ts';
import {
  ASSESSMENT_SETTINGS_DEFAULTS,
  ASSESSMENT_SETTINGS_KEY,
  type AssessmentSettings,
  mergeAssessmentSettings,
  settingsProblems,
} from './domain/assessment-settings.ts';

export async function readAssessmentSettings(db: Db): Promise<AssessmentSettings> {
  return mergeAssessmentSettings(
    await readSetting<Partial<AssessmentSettings>>(db, ASSESSMENT_SETTINGS_KEY, {}),
  );
}

export async function assessmentSettings(db: Db, actor: Actor) {
  requirePermission(actor, 'assessment:read');
  return { settings: await readAssessmentSettings(db), defaults: ASSESSMENT_SETTINGS_DEFAULTS };
}

export async function saveAssessmentSettings(db: Db, write: Write, actor: Actor, next: AssessmentSettings) {
  requirePermission(actor, 'assessment:manage');
  const me = await verifyOrg(db, actor, actor.scopeOrgId);
  if (me.level !== 'city') throw assessmentErrors.settingsLevel();
  const problems = settingsProblems(next);
  if (problems.length)
    throw badRequest(
      'ASSESSMENT_SETTINGS_INVALID',
      `考核设置有 ${problems.length} 处问题：${problems.map((p) => p.zh).join('；')}。`,
      `The settings have ${problems.length} problem(s): ${problems.map((p) => p.en).join('; ')}.`,
      { problems: problems.map((p) => ({ field: p.field, message_zh: p.zh, message_en: p.en })) },
    );
  const before = await readAssessmentSettings(db);
  await write(async (trx, audit) => {
    await writeSetting(
      trx,
      ASSESSMENT_SETTINGS_KEY,
      next,
      '村党组织书记考核：村类别、指标体系、分档办法与补贴标准',
    );
    await audit({
      action: 'assessment.settings',
      targetType: 'setting',
      targetId: ASSESSMENT_SETTINGS_KEY,
      before,
      after: next,
    });
  });
  return next;
}
