// The caller of a request, as the access layer knows it after the session was checked.
import type { Role } from '../db/schema.ts';
import { type Permission, ROLE_PERMISSIONS } from './permissions.ts';

export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number;
  /** materialized path of the scope org, e.g. '/1/3/' */
  scopePath: string;
  scopeCountyCode: string | null;
  permissions: ReadonlySet<Permission>;
  mustChangePassword: boolean;
  clientIp: string;
}

export function makeActor(fields: Omit<Actor, 'permissions'>): Actor {
  return { ...fields, permissions: new Set(ROLE_PERMISSIONS[fields.role]) };
}

/** Who acts when no one is signed in (public endpoints, start-up jobs). */
export const SYSTEM_ACTOR_NAME = 'system';
