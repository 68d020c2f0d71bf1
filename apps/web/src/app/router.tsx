import { type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { PageSpinner } from '../shared/ui/PageSpinner';
import { RequireAuth, RequireMeetingCreator, RequireUserAdmin } from './guards';
import {
  AppShell,
  InviteAcceptPage,
  LoginPage,
  MeetingDetailPage,
  MeetingEditorPage,
  MeetingListPage,
  StatusPage,
  UsersAdminPage,
} from './pages';
import { RouteErrorBoundary } from './RouteError';
import { DocumentListPage, DocumentPage } from '../features/documents/pages';
import { MeetingRoomPage } from '../features/room/pages';

const page = (element: ReactNode) => <Suspense fallback={<PageSpinner />}>{element}</Suspense>;

/**
 * Every route of the app. Declarative routes (not a data router): pages load their own data
 * through react-query, and the declarative router is half the size.
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Routes>
        <Route path="/login" element={page(<LoginPage />)} />
        <Route path="/invite/:token" element={page(<InviteAcceptPage />)} />
        <Route element={<RequireAuth>{page(<AppShell />)}</RequireAuth>}>
          <Route index element={<Navigate to="/meetings" replace />} />
          <Route path="meetings" element={page(<MeetingListPage />)} />
          <Route
            path="meetings/new"
            element={<RequireMeetingCreator>{page(<MeetingEditorPage />)}</RequireMeetingCreator>}
          />
          <Route path="meetings/:meetingId" element={page(<MeetingDetailPage />)} />
          <Route path="meetings/:meetingId/edit" element={page(<MeetingEditorPage />)} />
          <Route path="meetings/:meetingId/room" element={page(<MeetingRoomPage />)} />
          <Route path="users" element={<RequireUserAdmin>{page(<UsersAdminPage />)}</RequireUserAdmin>} />
          <Route path="documents" element={page(<DocumentListPage />)} />
          <Route path="documents/:documentId" element={page(<DocumentPage />)} />
          <Route path="403" element={page(<StatusPage status={403} />)} />
          <Route path="*" element={page(<StatusPage status={404} />)} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
