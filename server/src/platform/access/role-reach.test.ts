// Each role reads only what its work needs. The accounts outside the party organization — a department's
// staff, a resident, a member — reach a short, fixed list of routes: their cases (case:*), their own
// records (member:self), and what every account has (signed_in: sign-out, the password, me, own
// notifications, the category catalog and the public map outlines). Nothing of the org register, the
// members, the org checks, organizational life, assessments or village affairs of the county their account
// hangs under. A new permission for these roles, or a new route open to every signed-in account, changes
// the lists below and must be reviewed as the access change it is.
import { expect, test } from 'vitest';
import { ROUTES } from '../../app.ts';
import type { RouteSpec } from '../http/route.ts';
import { can, ROLE_PERMISSIONS } from './permissions.ts';

/** Routes open to every signed-in account: each must be the caller's own data or public geography. */
const EVERY_ACCOUNT = [
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/me',
  'GET /api/map/counties',
  'GET /api/map/towns',
  'GET /api/map/villages',
  'GET /api/case-categories',
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'POST /api/notifications/:notificationId/read',
  'POST /api/notifications/read-all',
  'GET /api/notifications/sms-contact',
  'PUT /api/notifications/sms-contact',
];

const key = (r: RouteSpec) => `${r.method} ${r.url}`;

test('the routes open to every signed-in account are own data or public geography only', () => {
  expect(ROUTES.filter((r) => r.access === 'signed_in').map(key)).toEqual(EVERY_ACCOUNT);
});

test('a department, a resident and a member hold only the permissions of their work', () => {
  expect(ROLE_PERMISSIONS.department_staff).toEqual(['case:read', 'case:act']);
  expect(ROLE_PERMISSIONS.resident).toEqual(['case:report', 'case:read', 'case:act']);
  expect(ROLE_PERMISSIONS.member).toEqual(['member:self']);
});

test.each(['department_staff', 'resident', 'member'] as const)(
  'every route a %s may call is a case route, its own records or every account’s',
  (role) => {
    const reachable = ROUTES.filter(
      (r) =>
        r.access === 'signed_in' || (r.access !== 'public' && r.access !== 'api_key' && can(role, r.access)),
    );
    for (const r of reachable)
      expect(
        r.access === 'signed_in' || r.access.startsWith('case:') || r.access === 'member:self',
        key(r),
      ).toBe(true);
    // the org register, members, org checks, organizational life, assessments, village affairs: none
    const register = ROUTES.filter((r) =>
      /^\/api\/(orgs|members|org-checks|my-branch|meetings|checklists|dues|training|assessment|weak-orgs|deliberations|village-cadres)\b/.test(
        r.url,
      ),
    );
    expect(register.length).toBeGreaterThan(20);
    for (const r of register) expect(reachable.includes(r), key(r)).toBe(false);
  },
);
