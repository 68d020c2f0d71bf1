import { randomBytes, createHash } from 'node:crypto';
import type { ParticipantRole } from '@xieshang/protocol';
import { expect } from 'vitest';
import { apiClient, type ApiResponse } from '../../support/http.js';
import type { TestApp } from '../../support/test-app.js';

/** Shared by the auth and users integration suites. */
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export interface Session {
  token: string;
  cookie: string;
  userId: string;
}

/** The `xs_refresh=<token>` pair from a Set-Cookie header, ready to send back as a Cookie header. */
export function refreshCookie(res: ApiResponse): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /xs_refresh=([^;]*)/.exec(header);
  expect(match, `no xs_refresh cookie in: ${header}`).toBeTruthy();
  return `xs_refresh=${match![1]}`;
}

export async function login(t: TestApp, username: string, password: string): Promise<Session> {
  const res = await apiClient(t.baseUrl).post('/api/auth/login', { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { token: res.body.accessToken, cookie: refreshCookie(res), userId: res.body.user.id };
}

export const loginAdmin = (t: TestApp) => login(t, ADMIN.username, ADMIN.password);

let counter = 0;
/** A fresh unique username per call, so tests in one file never collide. */
export const uniqueName = (prefix = 'user') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createUser(
  t: TestApp,
  actorToken: string,
  fields: { role?: 'admin' | 'staff' | 'member'; password?: string; username?: string; phone?: string } = {},
): Promise<{ id: string; username: string; password: string }> {
  const username = fields.username ?? uniqueName(fields.role ?? 'member');
  const password = fields.password ?? `Pw-${randomBytes(6).toString('hex')}`;
  const res = await apiClient(t.baseUrl, actorToken).post('/api/users', {
    username,
    displayName: `测试 ${username}`,
    password,
    role: fields.role ?? 'member',
    mustChangePassword: false,
    ...(fields.phone ? { phone: fields.phone } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, username, password };
}

export async function createAndLogin(t: TestApp, adminToken: string, role: 'admin' | 'staff' | 'member' = 'member') {
  const user = await createUser(t, adminToken, { role });
  return { ...user, ...(await login(t, user.username, user.password)) };
}

/** Meetings are another feature's API: tests insert the row they need directly. */
export async function seedMeeting(t: TestApp, createdById: string, title = '关于城乡养老服务的协商座谈会') {
  return t.db.prisma.meeting.create({
    data: {
      title,
      kind: 'consultation',
      status: 'scheduled',
      scheduledAt: new Date('2026-12-01T01:00:00Z'),
      createdById,
    },
  });
}

/** Stores an invitation as the organiser side does (SHA-256 of the link token) and returns the token. */
export async function seedInvitation(
  t: TestApp,
  meetingId: string,
  createdById: string,
  opts: {
    role?: ParticipantRole;
    maxUses?: number;
    expiresAt?: Date;
    revokedAt?: Date;
    name?: string;
    affiliation?: string;
  } = {},
) {
  const token = randomBytes(32).toString('base64url');
  const invitation = await t.db.prisma.invitation.create({
    data: {
      meetingId,
      createdById,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      role: opts.role ?? 'guest',
      maxUses: opts.maxUses ?? 1,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 72 * 3600_000),
      revokedAt: opts.revokedAt ?? null,
      name: opts.name ?? null,
      affiliation: opts.affiliation ?? null,
    },
  });
  return { token, invitation };
}

export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.db.prisma.auditEvent.findMany({ where: { entityId }, orderBy: [{ at: 'asc' }, { seq: 'asc' }] });
  return rows.map((r) => r.action);
}

export function expectError(res: ApiResponse, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body?.error?.code).toBe(code);
}
