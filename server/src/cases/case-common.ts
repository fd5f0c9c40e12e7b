// Small pieces shared by the case services: role mapping, errors, content hashes, default limits.
import { createHash } from 'node:crypto';
import type { Actor } from '../platform/access/actor.ts';
import { stableStringify } from '../platform/audit/audit.ts';
import { AppError, unprocessable } from '../platform/errors/errors.ts';
import type { CaseReference } from './case-reference.ts';
import type { CaseRole, CaseState } from './domain/case-machine.ts';
import { STATE_NAMES } from './domain/case-names.ts';
import type { LimitUnit, StepLimits, SupervisionLevel, SupervisionThresholds } from './domain/sla.ts';
import { stepClock } from './domain/transition-row.ts';

/** The machine's role of an account: town/village/county/city org admins and secretaries dispatch. */
export function caseRole(actor: Actor): CaseRole {
  switch (actor.role) {
    case 'org_admin':
    case 'secretary':
      return 'org_admin';
    case 'grid_worker':
    case 'department_staff':
    case 'resident':
      return actor.role;
    default:
      return 'system';
  }
}

/** Limits of a case without a category yet (the 'normal' preset of the catalog). */
export const DEFAULT_LIMITS: StepLimits = {
  dispatch: { amount: 2, unit: 'working_hour' },
  handling: { amount: 3, unit: 'workday' },
  verification: { amount: 1, unit: 'workday' },
};

export function contentHash(content: unknown): string {
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

export const caseErrors = {
  unknownCategory: (code: string) =>
    unprocessable(
      'UNKNOWN_CATEGORY',
      `案件类别「${code}」不存在或不是小类，请从类别目录中选择。`,
      `Category '${code}' does not exist or is not a sub-category: choose one from the catalog.`,
      { field: 'categoryCode', categoryCode: code },
    ),
  outsideChina: (lng: number, lat: number) =>
    unprocessable(
      'COORDINATES_OUTSIDE_CHINA',
      `坐标（${lng}, ${lat}）不在中国境内，请检查经纬度或坐标系。`,
      `The point (${lng}, ${lat}) is outside China: check the longitude, latitude and coordinate system.`,
      { lng, lat },
    ),
  noGrid: () =>
    unprocessable('NO_GRID', '系统中还没有网格，无法定位案件。', 'There are no grids to locate the case in.'),
  idempotencyConflict: (key: string, caseNo: string) =>
    new AppError(
      409,
      'IDEMPOTENCY_CONFLICT',
      `该请求已受理为案件 ${caseNo}，但本次内容不同；如是新问题，请重新上报。`,
      `Request ${key} was already accepted as case ${caseNo} with other content: use a new id.`,
      { key, caseNo },
    ),
  versionConflict: (expected: number, actual: number, state?: CaseState) =>
    new AppError(
      409,
      'VERSION_CONFLICT',
      state
        ? `案件刚被他人处理，现为「${STATE_NAMES[state].zh}」，请查看最新情况后再操作。`
        : '案件已被他人更新，请刷新后重试。',
      state
        ? `The case was just changed by someone else and is now ${STATE_NAMES[state].en}: look at it again before acting.`
        : 'The case was changed by someone else: reload it and try again.',
      { expectedVersion: expected, currentVersion: actual, ...(state ? { state } : {}) },
    ),
  /** A department acted on a case that is no longer its own (returned, or another action came first). */
  leftDepartment: (caseNo: string, state: CaseState, expected: number, actual: number) =>
    new AppError(
      409,
      'CASE_LEFT_DEPARTMENT',
      `案件 ${caseNo} 现为「${STATE_NAMES[state].zh}」，已不由贵部门处置，无需再操作。`,
      `Case ${caseNo} is now ${STATE_NAMES[state].en} and no longer with your department: nothing more to do.`,
      { caseNo, state, expectedVersion: expected, currentVersion: actual },
    ),
  unknownDepartment: (id: number) =>
    unprocessable(
      'UNKNOWN_DEPARTMENT',
      '所选处置部门不存在，请从部门列表中选择。',
      `Department ${id} does not exist.`,
      {
        departmentId: id,
      },
    ),
  badAttachment: (ids: number[]) =>
    unprocessable(
      'ATTACHMENT_INVALID',
      `有 ${ids.length} 张照片不存在、不是您上传的或已属于其他案件，请重新上传。`,
      `Attachment ${ids.join(', ')} does not exist, was not uploaded by you or belongs to another case.`,
      { attachments: ids },
    ),
};

/** The limits of a case's category (the 'normal' preset without one). */
export function limitsOf(ref: CaseReference, categoryCode: string | null): StepLimits {
  return (categoryCode ? ref.categories.get(categoryCode)?.limits : null) ?? DEFAULT_LIMITS;
}

/**
 * The stored instants of a running step (0015): when it turns yellow and when automatic supervision
 * next rises; both null when no step runs.
 */
export function clockColumns(
  step: { started: Date; deadline: Date; unit: LimitUnit } | null,
  supervision: SupervisionLevel,
  ref: CaseReference,
  thresholds: SupervisionThresholds,
): { step_yellow_at: Date | null; supervise_at: Date | null } {
  return stepClock(step, supervision, ref.calendar, thresholds);
}
