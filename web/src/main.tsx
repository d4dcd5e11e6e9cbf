/** Entry of the staff app (index.html): each page is its own chunk, loaded when its route opens. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/base.css';

const AgentApp = lazy(() => import('./agent/agent-app.tsx').then((m) => ({ default: m.AgentApp })));
const PlannerPage = lazy(() =>
  import('./planner/planner-page.tsx').then((m) => ({ default: m.PlannerPage })),
);
const OpsPage = lazy(() => import('./ops/ops-page.tsx').then((m) => ({ default: m.OpsPage })));
const ReviewPage = lazy(() => import('./review/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const GapsPage = lazy(() => import('./gaps/gaps-page.tsx').then((m) => ({ default: m.GapsPage })));
const ReportPage = lazy(() => import('./report/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const CalibrationPage = lazy(() =>
  import('./calibration/calibration-page.tsx').then((m) => ({ default: m.CalibrationPage })),
);
const AnalyticsPage = lazy(() =>
  import('./analytics/analytics-page.tsx').then((m) => ({ default: m.AnalyticsPage })),
);
const SetupPage = lazy(() => import('./setup/setup-page.tsx').then((m) => ({ default: m.SetupPage })));
const PeoplePage = lazy(() => import('./people/people-page.tsx').then((m) => ({ default: m.PeoplePage })));
const JoinPage = lazy(() => import('./people/join-page.tsx').then((m) => ({ default: m.JoinPage })));
const KnowledgePage = lazy(() =>
  import('./knowledge/knowledge-page.tsx').then((m) => ({ default: m.KnowledgePage })),
);
const KnowledgeAuditPage = lazy(() =>
  import('./knowledge-audit/knowledge-audit-page.tsx').then((m) => ({ default: m.KnowledgeAuditPage })),
);
const TeamsPage = lazy(() => import('./teams/teams-page.tsx').then((m) => ({ default: m.TeamsPage })));
const SettingsPage = lazy(() =>
  import('./settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const CannedRepliesPage = lazy(() =>
  import('./canned-replies/canned-replies-page.tsx').then((m) => ({ default: m.CannedRepliesPage })),
);
const HomePage = lazy(() => import('./home-page.tsx').then((m) => ({ default: m.HomePage })));

const pageFor = (path: string) => {
  if (path.startsWith('/agent')) return <AgentApp />;
  if (path.startsWith('/planner')) return <PlannerPage />;
  if (path.startsWith('/ops')) return <OpsPage />;
  if (path.startsWith('/review')) return <ReviewPage />;
  if (path.startsWith('/gaps')) return <GapsPage />;
  if (path.startsWith('/calibration')) return <CalibrationPage />;
  if (path.startsWith('/report')) return <ReportPage />;
  if (path.startsWith('/analytics')) return <AnalyticsPage />;
  if (path.startsWith('/setup')) return <SetupPage />;
  if (path.startsWith('/people')) return <PeoplePage />;
  if (path.startsWith('/join')) return <JoinPage />;
  if (path.startsWith('/knowledge-audit')) return <KnowledgeAuditPage />;
  if (path.startsWith('/knowledge')) return <KnowledgePage />;
  if (path.startsWith('/teams')) return <TeamsPage />;
  if (path.startsWith('/settings')) return <SettingsPage />;
  if (path.startsWith('/canned-replies')) return <CannedRepliesPage />;
  return <HomePage />;
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={<p className="loading">Loading…</p>}>{pageFor(window.location.pathname)}</Suspense>
    </StrictMode>,
  );
}
