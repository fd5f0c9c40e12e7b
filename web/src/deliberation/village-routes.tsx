// The pages of issue 14 as routes (merged into shell/routes.tsx): the signed-in pages and the public
// village pages. Each page loads on first visit.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { Permission } from '../api/types.ts';
import { ForbiddenPage } from '../shell/result-pages.tsx';
import { useSession } from '../shell/session.tsx';

const DeliberationsPage = lazy(() => import('./deliberations-page.tsx'));
const MatterPage = lazy(() => import('./matter-page.tsx'));
const GovernancePage = lazy(() => import('./governance-page.tsx'));
const VillageAffairsPage = lazy(() => import('../village-publication/village-affairs-page.tsx'));
const PowerListPage = lazy(() => import('../power-list/power-list-page.tsx'));
const VillageCadresPage = lazy(() => import('../village-cadres/village-cadres-page.tsx'));
const PublicVillagesPage = lazy(() => import('../village-publication/public-villages-page.tsx'));
const PublicVillagePage = lazy(() => import('../village-publication/public-village-page.tsx'));

function Need({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}

const page = (path: string, permission: Permission, element: ReactNode) => (
  <Route key={path} path={path} element={<Need permission={permission}>{element}</Need>} />
);

/** Inside the signed-in layout. */
export function villageRoutes() {
  return [
    page('village-governance', 'village:supervise', <GovernancePage />),
    page('deliberations', 'village:read', <DeliberationsPage />),
    page('deliberations/:id', 'village:read', <MatterPage />),
    page('village-affairs', 'village:read', <VillageAffairsPage />),
    page('power-list', 'village:read', <PowerListPage />),
    page('village-cadres', 'village:read', <VillageCadresPage />),
  ];
}

/** Inside the public layout (no sign-in). */
export function publicVillageRoutes() {
  return [
    <Route key="villages" path="villages" element={<PublicVillagesPage />} />,
    <Route key="village" path="villages/:code" element={<PublicVillagePage />} />,
  ];
}
