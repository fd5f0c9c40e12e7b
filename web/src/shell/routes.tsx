import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { Permission } from '../api/types.ts';
import { publicVillageRoutes, villageRoutes } from '../deliberation/village-routes.tsx';
import { prefetchMapPayload } from '../map/map-api.ts';
import { PageSpin } from './page-spin.tsx';
import { ForbiddenPage, NotFoundPage } from './result-pages.tsx';
import { useSession } from './session.tsx';

const LoginPage = lazy(() => import('./login-page.tsx'));
const AppLayout = lazy(() => import('./app-layout.tsx'));
const MePage = lazy(() => import('./me-page.tsx'));
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
const CasesPage = lazy(() => import('../cases/cases-page.tsx'));
const CasePage = lazy(() => import('../cases/case-page.tsx'));
const ReportPage = lazy(() => import('../cases/report-page.tsx'));
const StatsPage = lazy(() => import('../cases/stats-page.tsx'));
const PatrolPage = lazy(() => import('../patrols/patrol-page.tsx'));
const CoveragePage = lazy(() => import('../patrols/coverage-page.tsx'));
const RecruitmentListPage = lazy(() => import('../recruitment/pipeline-page.tsx'));
const RecruitmentPage = lazy(() => import('../recruitment/recruitment-page.tsx'));
const MeetingsPage = lazy(() => import('../meetings/meetings-page.tsx'));
const ChecklistsPage = lazy(() => import('../meetings/checklists-page.tsx'));
const DuesPage = lazy(() => import('../dues/dues-page.tsx'));
const DuesRatesPage = lazy(() => import('../dues/rates-page.tsx'));
const TrainingPage = lazy(() => import('../training/training-page.tsx'));
const TrainingClassPage = lazy(() => import('../training/training-class-page.tsx'));
const TransfersPage = lazy(() => import('../transfers/transfers-page.tsx'));
const MobileMembersPage = lazy(() => import('../transfers/mobile-members-page.tsx'));
const CommunityReportsPage = lazy(() => import('../community-reports/community-reports-page.tsx'));
const OrgChecksPage = lazy(() => import('../org-checks/org-checks-page.tsx'));
const MemberPage = lazy(() => import('../members/member-page.tsx'));
const MyBranchPage = lazy(() => import('../my-branch/my-branch-page.tsx'));
const MyRecordsPage = lazy(() => import('../my-records/my-records-page.tsx'));
const PublicLayout = lazy(() => import('../resident/public-layout.tsx'));
const PublicTrackPage = lazy(() => import('../resident/public-track-page.tsx'));
const PublicReportPage = lazy(() => import('../resident/public-report-page.tsx'));

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
  if (can('member:self')) return <Navigate to="/my-records" replace />;
  if (can('org:read')) return <HomePage />;
  if (can('case:read')) return <Navigate to="/cases" replace />;
  if (can('account:manage')) return <Navigate to="/admin/accounts" replace />;
  if (can('security:manage')) return <Navigate to="/admin/security" replace />;
  if (can('audit:read')) return <Navigate to="/admin/audit" replace />;
  return <ForbiddenPage />;
}

/**
 * The session sends every 401 to /login, also the signed-out visit of a public page (its /api/me):
 * a resident following a case goes back there unless they chose to sign in.
 */
function BackToPublic({ children }: { children: ReactNode }) {
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; explicit?: boolean };
  if (state.from?.startsWith('/public') && !state.explicit) return <Navigate to={state.from} replace />;
  return children;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpin />}>
      <Routes>
        <Route
          path="/login"
          element={
            <BackToPublic>
              <LoginPage />
            </BackToPublic>
          }
        />
        <Route path="/public" element={<PublicLayout />}>
          <Route index element={<Navigate to="/public/track" replace />} />
          <Route path="track" element={<PublicTrackPage />} />
          <Route path="track/:caseNo" element={<PublicTrackPage />} />
          <Route path="report" element={<PublicReportPage />} />
          {publicVillageRoutes()}
        </Route>
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route
            path="/cases"
            element={
              <Guard permission="case:read">
                <CasesPage />
              </Guard>
            }
          />
          <Route
            path="/cases/new"
            element={
              <Guard permission="case:report">
                <ReportPage />
              </Guard>
            }
          />
          <Route
            path="/cases/stats"
            element={
              <Guard permission="case:read">
                <StatsPage />
              </Guard>
            }
          />
          <Route
            path="/cases/:id"
            element={
              <Guard permission="case:read">
                <CasePage />
              </Guard>
            }
          />
          <Route
            path="/patrols"
            element={
              <Guard permission="patrol:checkin">
                <PatrolPage />
              </Guard>
            }
          />
          <Route
            path="/patrols/coverage"
            element={
              <Guard permission="patrol:read">
                <CoveragePage />
              </Guard>
            }
          />
          <Route path="/me" element={<MePage />} />
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
            path="my-branch"
            element={
              <Guard permission="member:read">
                <MyBranchPage />
              </Guard>
            }
          />
          <Route
            path="my-records"
            element={
              <Guard permission="member:self">
                <MyRecordsPage />
              </Guard>
            }
          />
          <Route
            path="recruitment"
            element={
              <Guard permission="recruitment:manage">
                <RecruitmentListPage />
              </Guard>
            }
          />
          <Route
            path="recruitment/:id"
            element={
              <Guard permission="recruitment:manage">
                <RecruitmentPage />
              </Guard>
            }
          />
          <Route
            path="transfers"
            element={
              <Guard permission="transfer:manage">
                <TransfersPage />
              </Guard>
            }
          />
          <Route
            path="mobile-members"
            element={
              <Guard permission="transfer:manage">
                <MobileMembersPage />
              </Guard>
            }
          />
          <Route
            path="community-reports"
            element={
              <Guard permission="transfer:manage">
                <CommunityReportsPage />
              </Guard>
            }
          />
          {villageRoutes()}
          <Route
            path="org-checks"
            element={
              <Guard permission="org:read">
                <OrgChecksPage />
              </Guard>
            }
          />
          <Route
            path="members/:id"
            element={
              <Guard permission="member:read">
                <MemberPage />
              </Guard>
            }
          />
          <Route
            path="meetings"
            element={
              <Guard permission="meeting:read">
                <MeetingsPage />
              </Guard>
            }
          />
          <Route
            path="checklists"
            element={
              <Guard permission="meeting:read">
                <ChecklistsPage />
              </Guard>
            }
          />
          <Route
            path="dues"
            element={
              <Guard permission="dues:manage">
                <DuesPage />
              </Guard>
            }
          />
          <Route
            path="dues/rates"
            element={
              <Guard permission="dues:manage">
                <DuesRatesPage />
              </Guard>
            }
          />
          <Route
            path="training"
            element={
              <Guard permission="training:manage">
                <TrainingPage />
              </Guard>
            }
          />
          <Route
            path="training/:id"
            element={
              <Guard permission="training:manage">
                <TrainingClassPage />
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
