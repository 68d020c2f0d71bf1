import type {
  CreateMeetingBody,
  GlobalRole,
  InvitationView,
  MeetingDetail,
  ParticipantRole,
  ParticipantView,
} from '@xieshang/protocol';
import { expect } from 'vitest';
import { AuditService } from '../../../src/audit/audit.service.js';
import { apiClient, type ApiResponse } from '../../support/http.js';
import type { TestApp } from '../../support/test-app.js';

/** Shared by the meetings, agenda, participants and committees suites. */

export type Api = ReturnType<typeof apiClient>;

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  token: string;
  api: Api;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

async function signIn(t: TestApp, username: string, password: string): Promise<Actor> {
  const res = await apiClient(t.baseUrl).post('/api/auth/login', { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const token = res.body.accessToken as string;
  return {
    id: res.body.user.id,
    username,
    displayName: res.body.user.displayName,
    token,
    api: apiClient(t.baseUrl, token),
  };
}

/** Signs the bootstrap admin in through POST /api/auth/login (password from startTestApp). */
export const loginAdmin = (t: TestApp) => signIn(t, 'admin', 'admin-password-1');

const adminSessions = new WeakMap<TestApp, Promise<Actor>>();

/** A user of the given global role, created by the admin through POST /api/users and signed in for real. */
export async function createActor(
  t: TestApp,
  role: Exclude<GlobalRole, 'guest'> = 'member',
  displayName?: string,
): Promise<Actor> {
  if (!adminSessions.has(t)) adminSessions.set(t, loginAdmin(t));
  const admin = await adminSessions.get(t)!;
  const username = unique(role);
  const password = `pw-${username}-9`;
  const res = await admin.api.post('/api/users', {
    username,
    displayName: displayName ?? `测试${username}`,
    password,
    role,
    affiliation: '某县政协',
    mustChangePassword: false,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(t, username, password);
}

/**
 * A guest who came in through an invitation link: the organiser creates it (POST …/invitations)
 * and the guest accepts it (POST /api/invitations/:token/accept), getting a token for that meeting only.
 */
export async function createGuest(
  t: TestApp,
  organiser: Api,
  meetingId: string,
  role: 'guest' | 'observer' = 'guest',
): Promise<Actor> {
  const invitation = await organiser.post<InvitationView>(`/api/meetings/${meetingId}/invitations`, { role });
  expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
  const token = invitation.body.url!.replace('/invite/', '');
  const displayName = `特邀${unique('')}`;
  const res = await apiClient(t.baseUrl).post(`/api/invitations/${token}/accept`, {
    displayName,
    affiliation: '县发改局',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const accessToken = res.body.accessToken as string;
  return {
    id: res.body.user.id,
    username: res.body.user.username,
    displayName,
    token: accessToken,
    api: apiClient(t.baseUrl, accessToken),
  };
}

export const anonymous = (t: TestApp) => apiClient(t.baseUrl);

export const meetingBody = (overrides: Partial<CreateMeetingBody> = {}): CreateMeetingBody => ({
  title: '关于加快发展县域养老服务的协商座谈会',
  kind: 'consultation',
  scheduledAt: '2026-12-01T01:30:00.000Z',
  ...overrides,
});

export async function createMeeting(api: Api, overrides: Partial<CreateMeetingBody> = {}): Promise<MeetingDetail> {
  const res = await api.post<MeetingDetail>('/api/meetings', meetingBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function addParticipant(
  api: Api,
  meetingId: string,
  userId: string,
  role: ParticipantRole = 'member',
): Promise<ParticipantView> {
  const res = await api.post<ParticipantView>(`/api/meetings/${meetingId}/participants`, { userId, role });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Start/end belong to the live room; these suites put a meeting in a state directly. */
export async function setMeetingStatus(t: TestApp, meetingId: string, status: MeetingDetail['status']) {
  await t.db.prisma.meeting.update({ where: { id: meetingId }, data: { status } });
}

export function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body?.error?.code, JSON.stringify(res.body)).toBe(code);
}

/** A 400 naming exactly these failing fields (dotted paths). */
export function expectFieldErrors(res: ApiResponse, paths: string[]) {
  expectError(res, 400, 'validation_failed');
  const failing = [...new Set((res.body.error.fields as { path: string }[]).map((f) => f.path))].sort();
  expect(failing).toEqual([...paths].sort());
}

/** The audit actions recorded in a meeting's own chain, oldest first, after checking the chain is intact. */
export async function meetingAuditActions(t: TestApp, meetingId: string): Promise<string[]> {
  const verification = await t.app.get(AuditService).verify(`meeting:${meetingId}`);
  expect(verification).toMatchObject({ intact: true });
  const rows = await t.db.prisma.auditEvent.findMany({ where: { meetingId }, orderBy: { seq: 'asc' } });
  return rows.map((r) => r.action);
}
