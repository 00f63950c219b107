import { PageLoading } from './page-loading';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { inboxPath } from '../features/documents/inbox-views';
import { SEARCH_PATH } from '../features/search/search-path';
import { NEW_DRAFT_PATH, OUTGOING_PATH, OUTGOING_VIEWS, outgoingListPath } from '../features/outgoing/outgoing-views';
import { HomePage } from '../features/home/home-page';
import { ModulePlaceholderPage } from '../features/home/module-placeholder-page';
import { NotFoundPage } from '../components/not-found-page';
import { SIGNING_PATH, signingPath, signingPagesFor } from '../features/signing/signing-paths';
import { TASK_SCOREBOARD_PATH, TASK_VIEWS, TASKS_PATH, taskListPath } from '../features/tasks/task-paths';
import { MEETINGS_PATH } from '../features/meetings/meeting-paths';
import { PUBLIC_SCHEDULE_PATH, SCHEDULE_PATH } from '../features/schedule/schedule-paths';
import { DELEGATIONS_PATH } from '../features/delegations/delegation-paths';
import { MEETING_STATS_PATH } from '../features/meeting-stats/meeting-stats-paths';
import { SERVICE_INDEX_PATH, STATS_PATH } from '../features/stats/stats-paths';
import { STATS_DRILL_PATH } from '../features/stats/drill-paths';
import { NOTIFICATIONS_PATH } from '../features/notify/notify-queries';
import { EXCHANGE_PATH, EXCHANGE_TABS, exchangeTabPath, exchangeTabPermissions, exchangeTabsFor } from '../features/exchange/exchange-paths';
import { RequireAnyPermission, RequireAuth, RequirePermission } from './guards';
import { useCan } from './session';
import { AppLayout } from './layout/app-layout';
import { ADMIN_MODULES, BUSINESS_MODULES, INBOX, modulePermissions, type ModuleEntry } from './modules';

// Admin pages are split out: most users never open them.
const AgenciesPage = lazy(() => import('../features/org/agencies-page').then((m) => ({ default: m.AgenciesPage })));
const UnitsPage = lazy(() => import('../features/org/units-page').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('../features/org/users-page').then((m) => ({ default: m.UsersPage })));
const WorkCalendarPage = lazy(() => import('../features/calendar/work-calendar-page').then((m) => ({ default: m.WorkCalendarPage })));
const AuditLogPage = lazy(() => import('../features/audit/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const IncomingListPage = lazy(() => import('../features/documents/incoming-list-page').then((m) => ({ default: m.IncomingListPage })));
const IncomingRegisterPage = lazy(() => import('../features/documents/incoming-register-page').then((m) => ({ default: m.IncomingRegisterPage })));
const InboxPage = lazy(() => import('../features/documents/inbox-page').then((m) => ({ default: m.InboxPage })));
const OutgoingListPage = lazy(() => import('../features/outgoing/outgoing-list-page').then((m) => ({ default: m.OutgoingListPage })));
const OutgoingNewDraftPage = lazy(() => import('../features/outgoing/outgoing-draft-page').then((m) => ({ default: m.OutgoingNewDraftPage })));
const OutgoingEditDraftPage = lazy(() => import('../features/outgoing/outgoing-draft-page').then((m) => ({ default: m.OutgoingEditDraftPage })));
const OutgoingDetailPage = lazy(() => import('../features/outgoing/outgoing-detail-page').then((m) => ({ default: m.OutgoingDetailPage })));
const RegistersPage = lazy(() => import('../features/registers/registers-page').then((m) => ({ default: m.RegistersPage })));
const SearchPage = lazy(() => import('../features/search/search-page').then((m) => ({ default: m.SearchPage })));
const CertificatesPage = lazy(() => import('../features/signing/certificates-page').then((m) => ({ default: m.CertificatesPage })));
const TrustAnchorsPage = lazy(() => import('../features/signing/trust-anchors-page').then((m) => ({ default: m.TrustAnchorsPage })));
const VerifyPage = lazy(() => import('../features/signing/verify-page').then((m) => ({ default: m.VerifyPage })));
const ExchangePage = lazy(() => import('../features/exchange/exchange-page').then((m) => ({ default: m.ExchangePage })));
const ApiTokensPage = lazy(() => import('../features/auth/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })));
const TaskListPage = lazy(() => import('../features/tasks/task-list-page').then((m) => ({ default: m.TaskListPage })));
const TaskDetailPage = lazy(() => import('../features/tasks/task-detail-page').then((m) => ({ default: m.TaskDetailPage })));
const TaskScoreboardPage = lazy(() => import('../features/tasks/task-scoreboard-page').then((m) => ({ default: m.TaskScoreboardPage })));
const MeetingListPage = lazy(() => import('../features/meetings/meeting-list-page').then((m) => ({ default: m.MeetingListPage })));
const MeetingDetailPage = lazy(() => import('../features/meetings/meeting-detail-page').then((m) => ({ default: m.MeetingDetailPage })));
const SchedulePage = lazy(() => import('../features/schedule/schedule-page').then((m) => ({ default: m.SchedulePage })));
const PublicSchedulePage = lazy(() => import('../features/schedule/public-schedule-page').then((m) => ({ default: m.PublicSchedulePage })));
const DelegationListPage = lazy(() => import('../features/delegations/delegation-list-page').then((m) => ({ default: m.DelegationListPage })));
const DelegationDetailPage = lazy(() => import('../features/delegations/delegation-detail-page').then((m) => ({ default: m.DelegationDetailPage })));
const MeetingStatsPage = lazy(() => import('../features/meeting-stats/meeting-stats-page').then((m) => ({ default: m.MeetingStatsPage })));
const NotificationsPage = lazy(() => import('../features/notify/notifications-page').then((m) => ({ default: m.NotificationsPage })));
const ProceduresModule = lazy(() => import('../features/procedures/procedures-routes').then((m) => ({ default: m.ProceduresModule })));
const PublicCatalog = lazy(() => import('../features/procedures/procedures-routes').then((m) => ({ default: m.PublicCatalog })));
const DossiersModule = lazy(() => import('../features/dossiers/dossiers-routes').then((m) => ({ default: m.DossiersModule })));
const FeedbackModule = lazy(() => import('../features/feedback/feedback-routes').then((m) => ({ default: m.FeedbackModule })));
const CitizenPortal = lazy(() => import('../features/citizen/citizen-routes').then((m) => ({ default: m.CitizenPortal })));
const DossierStatsPage = lazy(() => import('../features/dossier-stats/dossier-stats-page').then((m) => ({ default: m.DossierStatsPage })));
const DashboardPage = lazy(() => import('../features/stats/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const ServiceIndexPage = lazy(() => import('../features/stats/service-index-page').then((m) => ({ default: m.ServiceIndexPage })));
const StatsDrillPage = lazy(() => import('../features/stats/drill-page').then((m) => ({ default: m.StatsDrillPage })));
const IncomingDetailPage = lazy(() => import('../features/documents/incoming-detail-page').then((m) => ({ default: m.IncomingDetailPage })));

const ADMIN_PAGES: Record<string, ReactNode> = {
  agencies: <AgenciesPage />,
  units: <UnitsPage />,
  users: <UsersPage />,
  workCalendar: <WorkCalendarPage />,
  auditLog: <AuditLogPage />,
  apiTokens: <ApiTokensPage />,
};

function adminRoute(m: ModuleEntry) {
  return (
    <Route
      key={m.key}
      path={m.path}
      element={
        <RequireAnyPermission permissions={modulePermissions(m)}>
          <Suspense fallback={<PageLoading />}>{ADMIN_PAGES[m.key]}</Suspense>
        </RequireAnyPermission>
      }
    />
  );
}

/** "/ky-so" opens the first signing page this person has. */
function SigningHome() {
  const can = useCan();
  return <Navigate to={signingPath(signingPagesFor(can)[0] ?? 'verify')} replace />;
}

/** "/lien-thong" opens the first tab this person has; without any, the first tab says why not. */
function ExchangeHome() {
  const can = useCan();
  return <Navigate to={exchangeTabPath(exchangeTabsFor(can)[0] ?? EXCHANGE_TABS[0]!)} replace />;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        {/* The published schedule is public: no session, no menu. */}
        <Route
          path={`${PUBLIC_SCHEDULE_PATH}/:tenantCode`}
          element={
            <Suspense fallback={<PageLoading />}>
              <PublicSchedulePage />
            </Suspense>
          }
        />
        {/* The citizens' side: the procedure catalog, dossier lookup and rating, feedback, online submission. */}
        <Route
          path="/cong-khai/thu-tuc/:tenantCode/*"
          element={
            <Suspense fallback={<PageLoading />}>
              <PublicCatalog />
            </Suspense>
          }
        />
        <Route
          path="/cong-khai/dich-vu-cong/:tenantCode/*"
          element={
            <Suspense fallback={<PageLoading />}>
              <CitizenPortal />
            </Suspense>
          }
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path={INBOX.path} element={<Navigate to={inboxPath('mine')} replace />} />
          <Route path={`${INBOX.path}/:view`} element={<InboxPage />} />
          <Route path="/van-ban-den" element={<IncomingListPage />} />
          <Route
            path="/van-ban-den/dang-ky"
            element={
              <RequirePermission permission="document.register">
                <IncomingRegisterPage />
              </RequirePermission>
            }
          />
          <Route path="/van-ban-den/:id" element={<IncomingDetailPage />} />
          <Route path={OUTGOING_PATH} element={<Navigate to={outgoingListPath('drafts')} replace />} />
          {/* Static segments rank above ":id", so the views' addresses never reach the detail page. */}
          {OUTGOING_VIEWS.map((v) => (
            <Route key={v} path={outgoingListPath(v)} element={<OutgoingListPage key={v} view={v} />} />
          ))}
          <Route
            path={NEW_DRAFT_PATH}
            element={
              <RequirePermission permission="document.draft">
                <OutgoingNewDraftPage />
              </RequirePermission>
            }
          />
          <Route path={`${OUTGOING_PATH}/:id`} element={<OutgoingDetailPage />} />
          <Route path={`${OUTGOING_PATH}/:id/sua`} element={<OutgoingEditDraftPage />} />
          <Route
            path="/so-van-ban"
            element={
              <RequirePermission permission="document.read">
                <RegistersPage />
              </RequirePermission>
            }
          />
          <Route path={SEARCH_PATH} element={<SearchPage />} />
          <Route path={SIGNING_PATH} element={<SigningHome />} />
          <Route
            path={signingPath('certificates')}
            element={
              <RequireAnyPermission permissions={['signature.sign', 'signature.seal']}>
                <CertificatesPage />
              </RequireAnyPermission>
            }
          />
          <Route
            path={signingPath('trust')}
            element={
              <RequirePermission permission="trust.manage">
                <TrustAnchorsPage />
              </RequirePermission>
            }
          />
          <Route path={signingPath('verify')} element={<VerifyPage />} />
          <Route path={EXCHANGE_PATH} element={<ExchangeHome />} />
          {EXCHANGE_TABS.map((tab) => (
            <Route
              key={tab}
              path={exchangeTabPath(tab)}
              element={
                <RequireAnyPermission permissions={exchangeTabPermissions(tab)}>
                  <ExchangePage key={tab} tab={tab} />
                </RequireAnyPermission>
              }
            />
          ))}
          <Route path={TASKS_PATH} element={<Navigate to={taskListPath('mine')} replace />} />
          {TASK_VIEWS.map((v) => (
            <Route key={v} path={taskListPath(v)} element={<TaskListPage key={v} view={v} />} />
          ))}
          <Route path={TASK_SCOREBOARD_PATH} element={<TaskScoreboardPage />} />
          <Route path={`${TASKS_PATH}/:id`} element={<TaskDetailPage />} />
          <Route path={MEETINGS_PATH} element={<MeetingListPage />} />
          <Route path={`${MEETINGS_PATH}/:id`} element={<MeetingDetailPage />} />
          <Route path={SCHEDULE_PATH} element={<SchedulePage />} />
          <Route path={DELEGATIONS_PATH} element={<DelegationListPage />} />
          <Route path={`${DELEGATIONS_PATH}/:id`} element={<DelegationDetailPage />} />
          <Route
            path={MEETING_STATS_PATH}
            element={
              <RequireAnyPermission permissions={['meeting.manage', 'task.assign']}>
                <MeetingStatsPage />
              </RequireAnyPermission>
            }
          />
          <Route path={NOTIFICATIONS_PATH} element={<NotificationsPage />} />
          {/* Each of these modules declares its own pages below its path. */}
          <Route path="/thu-tuc-hanh-chinh/*" element={<Suspense fallback={<PageLoading />}><ProceduresModule /></Suspense>} />
          <Route path="/ho-so-mot-cua/*" element={<Suspense fallback={<PageLoading />}><DossiersModule /></Suspense>} />
          <Route path="/phan-anh-kien-nghi/*" element={<Suspense fallback={<PageLoading />}><FeedbackModule /></Suspense>} />
          <Route
            path="/thong-ke/ho-so"
            element={
              <RequirePermission permission="dossier.stats">
                <Suspense fallback={<PageLoading />}>
                  <DossierStatsPage />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route
            path={STATS_PATH}
            element={
              <RequirePermission permission="stats.read">
                <Suspense fallback={<PageLoading />}>
                  <DashboardPage />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route
            path={SERVICE_INDEX_PATH}
            element={
              <RequirePermission permission="stats.read">
                <Suspense fallback={<PageLoading />}>
                  <ServiceIndexPage />
                </Suspense>
              </RequirePermission>
            }
          />
          <Route
            path={STATS_DRILL_PATH}
            element={
              <RequirePermission permission="stats.read">
                <Suspense fallback={<PageLoading />}>
                  <StatsDrillPage />
                </Suspense>
              </RequirePermission>
            }
          />
          {BUSINESS_MODULES.filter((m) => !m.built).map((m) => (
            <Route key={m.key} path={m.path} element={<ModulePlaceholderPage module={m} />} />
          ))}
          {ADMIN_MODULES.map(adminRoute)}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
