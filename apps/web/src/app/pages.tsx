import { lazy } from 'react';

// Every page is its own chunk, and so is the signed-in shell: the first load carries React,
// the router, i18n and antd's ConfigProvider; the login page does not pay for the shell's menus,
// and each page brings the antd components it uses (forms, tables, pickers) when opened.
const load = {
  shell: () => import('./AppShell'),
  login: () => import('../features/auth/components/LoginPage'),
  invite: () => import('../features/invitations/components/InviteAcceptPage'),
  meetingList: () => import('../features/meetings/components/MeetingListPage'),
  meetingDetail: () => import('../features/meetings/components/MeetingDetailPage'),
  meetingEditor: () => import('../features/meetings/components/MeetingEditorPage'),
  users: () => import('../features/users/components/UsersAdminPage'),
  status: () => import('../shared/ui/StatusPage'),
};

export const AppShell = lazy(() => load.shell().then((m) => ({ default: m.AppShell })));
export const LoginPage = lazy(() => load.login().then((m) => ({ default: m.LoginPage })));
export const InviteAcceptPage = lazy(() => load.invite().then((m) => ({ default: m.InviteAcceptPage })));
export const MeetingListPage = lazy(() => load.meetingList().then((m) => ({ default: m.MeetingListPage })));
export const MeetingDetailPage = lazy(() => load.meetingDetail().then((m) => ({ default: m.MeetingDetailPage })));
export const MeetingEditorPage = lazy(() => load.meetingEditor().then((m) => ({ default: m.MeetingEditorPage })));
export const UsersAdminPage = lazy(() => load.users().then((m) => ({ default: m.UsersAdminPage })));
// antd's Result (with its illustrations) is only needed when something is missing or refused.
export const StatusPage = lazy(() => load.status().then((m) => ({ default: m.StatusPage })));

/**
 * Starts downloading the chunks the first screen will need, in parallel with restoring the
 * session, instead of one after another (shell, then page) once the router renders them.
 */
export function preloadFor(pathname: string) {
  const preload = (...loaders: (() => Promise<unknown>)[]) => loaders.forEach((l) => void l().catch(() => undefined));
  if (pathname === '/login') return preload(load.login);
  if (pathname.startsWith('/invite/')) return preload(load.invite);
  if (pathname === '/' || pathname === '/meetings') return preload(load.shell, load.meetingList);
  if (pathname === '/meetings/new' || pathname.endsWith('/edit')) return preload(load.shell, load.meetingEditor);
  if (pathname.startsWith('/meetings/')) return preload(load.shell, load.meetingDetail);
  if (pathname === '/users') return preload(load.shell, load.users);
  preload(load.shell);
}
