// The pages of issue 15 as routes (merged into shell/routes.tsx). Each page loads on first visit.
import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { ForbiddenPage } from '../shell/result-pages.tsx';
import { useSession } from '../shell/session.tsx';

const GradingBoardPage = lazy(() => import('./grading-board-page.tsx'));
const AssessmentPage = lazy(() => import('./assessment-page.tsx'));
const ContestsPage = lazy(() => import('./contests-page.tsx'));
const WeakOrgsPage = lazy(() => import('./weak-orgs-page.tsx'));
const LedgerPage = lazy(() => import('./ledger-page.tsx'));
const EconomyPage = lazy(() => import('./economy-page.tsx'));
const SettingsPage = lazy(() => import('./settings-page.tsx'));

function Need({ children }: { children: ReactNode }) {
  const { can } = useSession();
  return can('assessment:read') ? children : <ForbiddenPage />;
}

const page = (path: string, element: ReactNode) => (
  <Route key={path} path={path} element={<Need>{element}</Need>} />
);

/** Inside the signed-in layout. */
export function assessmentRoutes() {
  return [
    page('assessment', <GradingBoardPage />),
    page('assessment/:id', <AssessmentPage />),
    page('contests', <ContestsPage />),
    page('weak-orgs', <WeakOrgsPage />),
    page('weak-orgs/:id', <LedgerPage />),
    page('collective-economy', <EconomyPage />),
    page('assessment/settings', <SettingsPage />),
  ];
}
