import type { CreateMeetingBody, GlobalRole, MeetingDetail, ParticipantRole, ParticipantView } from '@xieshang/protocol';
import { expect } from 'vitest';
import { AuditService } from '../../../src/audit/audit.service.js';
import { TokenService } from '../../../src/auth/token.service.js';
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

/**
 * A user of the given global role with an access token. Users are inserted directly and the
 * token is minted by the app's own TokenService: these suites test meetings, not sign-in, and
 * skipping a password hash per user keeps them fast. The real sign-in path is exercised once
 * per suite through `loginAdmin`.
 */
export async function createActor(
  t: TestApp,
  role: Exclude<GlobalRole, 'guest'> = 'member',
  displayName?: string,
): Promise<Actor> {
  const username = unique(role);
  const user = await t.db.prisma.user.create({
    data: { username, displayName: displayName ?? `测试${username}`, role, affiliation: '某县政协' },
  });
  const token = await t.app.get(TokenService).signAccess({ sub: user.id, tv: user.tokenVersion });
  return { id: user.id, username, displayName: user.displayName, token, api: apiClient(t.baseUrl, token) };
}

/** A guest as the invitation flow leaves one: a password-less account on one meeting, with a scoped token. */
export async function createGuest(t: TestApp, meetingId: string, role: ParticipantRole = 'guest'): Promise<Actor> {
  const username = unique('guest');
  const user = await t.db.prisma.user.create({
    data: { username, displayName: `特邀${username}`, role: 'guest', affiliation: '县发改局' },
  });
  await t.db.prisma.participant.create({ data: { meetingId, userId: user.id, role } });
  const token = await t.app.get(TokenService).signAccess({ sub: user.id, tv: 0, mid: meetingId });
  return { id: user.id, username, displayName: user.displayName, token, api: apiClient(t.baseUrl, token) };
}

/** Signs the bootstrap admin in through POST /api/auth/login (password from startTestApp). */
export async function loginAdmin(t: TestApp): Promise<Actor> {
  const res = await apiClient(t.baseUrl).post('/api/auth/login', { username: 'admin', password: 'admin-password-1' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const token = res.body.accessToken as string;
  return {
    id: res.body.user.id,
    username: 'admin',
    displayName: res.body.user.displayName,
    token,
    api: apiClient(t.baseUrl, token),
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
