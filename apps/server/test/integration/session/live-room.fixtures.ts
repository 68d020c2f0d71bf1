import type { ParticipantRole, ServerToClientEventName, ServerToClientPayload } from '@xieshang/protocol';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { TokenService } from '../../../src/auth/token.service.js';
import { apiClient } from '../../support/http.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Shared by the live-room suites (session, polls, opinions, speakers). Meetings, agenda and
 * participants are another feature's API: rows are inserted directly, users get tokens from the
 * app's own TokenService. Everything the live room does goes through its real HTTP API and real
 * socket.io connections.
 */

export type Api = ReturnType<typeof apiClient>;

export interface Person {
  id: string;
  displayName: string;
  token: string;
  api: Api;
}

let counter = 0;
const unique = (p: string) => `${p}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createPerson(
  t: Pick<TestApp, 'app' | 'db' | 'baseUrl'>,
  globalRole: 'admin' | 'staff' | 'member' = 'member',
  displayName?: string,
): Promise<Person> {
  const username = unique('lr');
  const user = await t.db.prisma.user.create({
    data: { username, displayName: displayName ?? `委员${username.slice(-4)}`, role: globalRole, affiliation: '县政协' },
  });
  const token = await t.app.get(TokenService).signAccess({ sub: user.id, tv: user.tokenVersion });
  return { id: user.id, displayName: user.displayName, token, api: apiClient(t.baseUrl, token) };
}

export interface Room {
  meetingId: string;
  items: string[];
  chair: Person;
  secretary: Person;
  members: Person[];
  observer: Person;
  guest: Person;
  staff: Person;
}

/** A scheduled 协商座谈会 with an agenda, a chair, a secretary, `memberCount` members, an observer and a guest. */
export async function createRoom(
  t: Pick<TestApp, 'app' | 'db' | 'baseUrl'>,
  memberCount: number,
  agenda: Array<{ title: string; plannedMinutes?: number }> = [
    { title: '县发改局通报养老服务情况', plannedMinutes: 15 },
    { title: '委员发言', plannedMinutes: 60 },
    { title: '形成协商意见' },
  ],
): Promise<Room> {
  const prisma = t.db.prisma;
  const staff = await createPerson(t, 'staff', '秘书处工作人员');
  const chair = await createPerson(t, 'member', '主持人');
  const secretary = await createPerson(t, 'member', '秘书长');
  const observer = await createPerson(t, 'member', '列席人员');
  const guest = await createPerson(t, 'member', '特邀代表');
  const members: Person[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await createPerson(t, 'member', `委员${String(i + 1).padStart(2, '0')}`));
  const meeting = await prisma.meeting.create({
    data: {
      title: '关于加快发展县域养老服务的协商座谈会',
      kind: 'consultation',
      status: 'scheduled',
      scheduledAt: new Date(),
      createdById: staff.id,
    },
  });
  const roles: Array<[Person, ParticipantRole]> = [
    [chair, 'chair'],
    [secretary, 'secretary'],
    [observer, 'observer'],
    [guest, 'guest'],
    ...members.map((m): [Person, ParticipantRole] => [m, 'member']),
  ];
  await prisma.participant.createMany({ data: roles.map(([p, role]) => ({ meetingId: meeting.id, userId: p.id, role })) });
  const items: string[] = [];
  for (const [position, a] of agenda.entries()) {
    const item = await prisma.agendaItem.create({
      data: { meetingId: meeting.id, position, title: a.title, plannedMinutes: a.plannedMinutes ?? null },
    });
    items.push(item.id);
  }
  return { meetingId: meeting.id, items, chair, secretary, members, observer, guest, staff };
}

/** Marks people as checked in directly (for suites that test something else than check-in). */
export async function checkInDirect(t: Pick<TestApp, 'db'>, meetingId: string, people: Person[]): Promise<void> {
  await t.db.prisma.participant.updateMany({
    where: { meetingId, userId: { in: people.map((p) => p.id) } },
    data: { attendance: 'checked_in', checkedInAt: new Date() },
  });
}

export function expectStatus(res: { status: number; body: unknown }, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

// ── sockets ──

type Received = { event: string; payload: any };

/** A real socket.io client on /meeting that records every event it receives. */
export class RoomClient {
  readonly received: Received[] = [];
  private waiters: Array<{ match: (r: Received) => boolean; resolve: (r: Received) => void }> = [];

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => {
      const r = { event, payload };
      this.received.push(r);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(r)) return true;
        w.resolve(r);
        return false;
      });
    });
  }

  events<E extends ServerToClientEventName>(event: E): ServerToClientPayload<E>[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload);
  }

  /** Resolves with the first matching event, including one already received. */
  next<E extends ServerToClientEventName>(
    event: E,
    predicate: (p: ServerToClientPayload<E>) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<ServerToClientPayload<E>> {
    const match = (r: Received) => r.event === event && predicate(r.payload);
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r.payload);
        },
      });
    });
  }

  emitWithAck(event: string, payload?: unknown): Promise<any> {
    return this.socket.timeout(5000).emitWithAck(event, payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface ConnectOptions {
  extraHeaders?: Record<string, string>;
  auth?: unknown;
}

/** Connects and waits for the first `session.state`; rejects with the connect_error message. */
export async function connect(baseUrl: string, person: Person | null, meetingId: string, opts: ConnectOptions = {}): Promise<RoomClient> {
  const socket = io(`${baseUrl}/meeting`, {
    auth: (opts.auth ?? { token: person?.token, meetingId }) as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: opts.extraHeaders,
  });
  const client = new RoomClient(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.disconnect();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
    socket.once('session.state', () => resolve());
  });
  return client;
}

/** Waits until `check` passes (polling), for effects that arrive asynchronously. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
