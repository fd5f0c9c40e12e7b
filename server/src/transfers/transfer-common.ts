// What the transfer services share: the write type, settings, refusals as AppErrors, which side of
// a record the actor acts for, and today's date.
import type { Actor } from '../platform/access/actor.ts';
import { subtreePattern } from '../platform/access/scope.ts';
import type { Db } from '../platform/db/handle.ts';
import { AppError, badRequest } from '../platform/errors/errors.ts';
import type { AuditFields } from '../platform/http/route.ts';
import { readSetting } from '../platform/settings/settings.ts';
import type { Decision } from './domain/transfer-machine.ts';
import {
  TRANSFER_SETTINGS_DEFAULTS,
  TRANSFER_SETTINGS_KEY,
  type TransferSettings,
  type Violation,
} from './domain/transfer-rules.ts';

export type Audit = (fields: AuditFields) => Promise<number>;

export const readTransferSettings = (db: Db): Promise<TransferSettings> =>
  readSetting(db, TRANSFER_SETTINGS_KEY, TRANSFER_SETTINGS_DEFAULTS);

/** The effects of an allowed decision, or the rule's refusal as an error (422 with the rule's code). */
export function allowed<T>(d: Decision<T>): T {
  if (d.ok) return d.effects;
  const v = d.violation;
  throw new AppError(v.status, v.code, v.zh, v.en, v.details);
}

export function allowedError(v: Violation): AppError {
  return new AppError(v.status, v.code, v.zh, v.en, v.details);
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Whether an org (by its path) is inside the actor's subtree. */
export function inScope(actor: Actor, path: string | null | undefined): boolean {
  return path?.startsWith(subtreePattern(actor).slice(0, -1)) ?? false;
}

export const transferErrors = {
  phone: () =>
    badRequest(
      'MOBILE_PHONE_INVALID',
      '联系电话须为以 1 开头的 11 位手机号码。',
      'The contact number must be an 11-digit mobile number starting with 1.',
      {
        field: 'contactPhone',
      },
    ),
  oneReporter: () =>
    badRequest(
      'COMMUNITY_REPORTER_REQUIRED',
      '须且只能填写一个报到主体：党员（memberId）或单位党组织（unitOrgId）。',
      'Give exactly one reporter: a member (memberId) or a unit organization (unitOrgId).',
    ),
  orgNotFound: (id: number) =>
    new AppError(404, 'ORG_NOT_FOUND', '找不到该党组织，请从列表中选择。', `No organization with id ${id}.`, {
      id,
    }),
};

/** Ids of an org and its ancestors, from its materialized path. */
export const chainIds = (path: string) => path.split('/').filter(Boolean).map(Number);
