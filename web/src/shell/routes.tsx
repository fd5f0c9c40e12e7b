import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../api/types.ts';
import { prefetchMapPayload } from '../map/map-api.ts';
import { PageSpin } from './page-spin.tsx';
import { ForbiddenPage, NotFoundPage } from './result-pages.tsx';
import { useSession } from './session.tsx';

const LoginPage = lazy(() => import('./login-page.tsx'));
const AppLayout = lazy(() => import('./app-layout.tsx'));
const HomePage = lazy(() => import('../home/home-page.tsx'));
const OrgTreePage = lazy(() => import('../organizations/org-tree-page.tsx'));
const OrgPage = lazy(() => import('../organizations/org-page.tsx'));
const MapPage = lazy(() => {
  prefetchMapPayload();
  return import('../map/map-page.tsx');
});
const AccountsPage = lazy(() => import('../admin/accounts-page.tsx'));
const SecurityPage = lazy(() => import('../admin/security-page.tsx'));
const AuditPage = lazy(() => import('../admin/audit-page.tsx'));

function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageSpin />;
  if (status === 'signed_out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}

/** Home shows the scope summary; administrators, who read no business data, go to their own page. */
function Home() {
  const { can } = useSession();
  if (can('org:read')) return <HomePage />;
  if (can('account:manage')) return <Navigate to="/admin/accounts" replace />;
  if (can('security:manage')) return <Navigate to="/admin/security" replace />;
  if (can('audit:read')) return <Navigate to="/admin/audit" replace />;
  return <ForbiddenPage />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route
            path="orgs"
            element={
              <Guard permission="org:read">
                <OrgTreePage />
              </Guard>
            }
          />
          <Route
            path="orgs/:id"
            element={
              <Guard permission="org:read">
                <OrgPage />
              </Guard>
            }
          />
          <Route
            path="map"
            element={
              <Guard permission="grid:read">
                <MapPage />
              </Guard>
            }
          />
          <Route
            path="admin/accounts"
            element={
              <Guard permission="account:manage">
                <AccountsPage />
              </Guard>
            }
          />
          <Route
            path="admin/security"
            element={
              <Guard permission="security:manage">
                <SecurityPage />
              </Guard>
            }
          />
          <Route
            path="admin/audit"
            element={
              <Guard permission="audit:read">
                <AuditPage />
              </Guard>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
