import type { MeetingLiveState } from '@xieshang/protocol';
import net from 'node:net';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttendanceViewService } from '../../../src/attendance/attendance-view.service.js';
import { SessionGateway } from '../../../src/session/session.gateway.js';
import { TokenService } from '../../../src/auth/token.service.js';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  checkInDirect,
  connect,
  createPerson,
  createRoom,
  expectStatus,
  type Room,
  type RoomClient,
} from './live-room.fixtures.js';

const refused = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('connection was accepted');
    },
    (err: Error & { data?: { code: string } }) => err,
  );

describe('the /meeting socket: handshake, messages, re-validation', () => {
  let t: TestApp;
  let room: Room;
  const open: RoomClient[] = [];
  const keep = (c: RoomClient) => (open.push(c), c);

  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 4);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await t?.close();
  });

  it('refuses a handshake without a valid token, with the error code as message', async () => {
    const none = await refused(connect(t.baseUrl, null, room.meetingId, { auth: {} }));
    expect(none.message).toBe('authentication_required');
    expect(none.data).toEqual({ code: 'authentication_required', message: '请先登录' });
    const forged = await refused(
      connect(t.baseUrl, null, room.meetingId, {
        auth: { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x', meetingId: room.meetingId },
      }),
    );
    expect(forged.message).toBe('authentication_required');
    const weird = await refused(connect(t.baseUrl, null, room.meetingId, { auth: { token: ['a'], meetingId: 42 } }));
    expect(weird.message).toBe('authentication_required');
  });

  it('ignores a token in the URL (ASVS 14.2.1)', async () => {
    const socket = io(`${t.baseUrl}/meeting?token=${room.members[0]!.token}&meetingId=${room.meetingId}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(err.message).toBe('authentication_required');
  });

  it('answers not_found for a meeting the caller is not in, and for a guest outside their meeting', async () => {
    const outsider = await createPerson(t);
    expect((await refused(connect(t.baseUrl, outsider, room.meetingId))).message).toBe('not_found');
    expect((await refused(connect(t.baseUrl, room.members[0]!, 'no-such-meeting'))).message).toBe('not_found');
    const other = await createRoom(t, 1);
    const scoped = await t.app.get(TokenService).signAccess({ sub: room.guest.id, tv: 0, mid: other.meetingId });
    expect((await refused(connect(t.baseUrl, { ...room.guest, token: scoped }, room.meetingId))).message).toBe(
      'not_found',
    );
  });

  it('refuses a foreign Origin (cross-site websocket hijacking) and accepts its own', async () => {
    await refused(
      connect(t.baseUrl, room.members[0]!, room.meetingId, { extraHeaders: { origin: 'https://evil.example' } }),
    );
    const own = keep(
      await connect(t.baseUrl, room.members[0]!, room.meetingId, { extraHeaders: { origin: t.baseUrl } }),
    );
    expect(own.socket.connected).toBe(true);
  });

  it('acks bad payloads with an error and keeps the connection', async () => {
    const c = keep(await connect(t.baseUrl, room.members[1]!, room.meetingId));
    for (const payload of [{ extra: 1 }, 'text', 42, [1, 2], null]) {
      const ack = await c.emitWithAck('session.sync', payload);
      if (payload === null) expect(ack.ok).toBe(true);
      else expect(ack).toEqual({ ok: false, error: { code: 'validation_failed', message: expect.any(String) } });
    }
    expect((await c.emitWithAck('presence.set', { presence: 'asleep' })).ok).toBe(false);
    c.socket.emit('no.such.event', { a: 1 });
    const ok = await c.emitWithAck('session.sync', {});
    expect(ok.ok).toBe(true);
    expect((ok.data as MeetingLiveState).meetingId).toBe(room.meetingId);
    expect(c.socket.connected).toBe(true);
  });

  it('rate-limits a flood of messages from one connection', async () => {
    const c = keep(await connect(t.baseUrl, room.members[2]!, room.meetingId));
    const acks = await Promise.all(
      Array.from({ length: 40 }, () => c.emitWithAck('presence.set', { presence: 'online' })),
    );
    expect(acks.filter((a) => !a.ok && a.error.code === 'too_many_requests').length).toBeGreaterThan(10);
    expect(c.socket.connected).toBe(true);
  });

  it('drops a connection that sends an oversized message; the server carries on', async () => {
    const c = await connect(t.baseUrl, room.members[3]!, room.meetingId);
    const closed = new Promise<string>((resolve) => c.socket.once('disconnect', resolve));
    c.socket.emit('session.sync', { blob: 'x'.repeat(200 * 1024) });
    expect(await closed).toMatch(/transport close|transport error/);
    expectStatus(await apiClient(t.baseUrl).get('/api/health'), 200);
    const again = keep(await connect(t.baseUrl, room.members[3]!, room.meetingId));
    expect(again.socket.connected).toBe(true);
  });

  it('pushes presence: online, away, offline', async () => {
    const watcher = keep(await connect(t.baseUrl, room.chair, room.meetingId));
    const member = await connect(t.baseUrl, room.observer, room.meetingId);
    await watcher.next('presence.changed', (e) => e.changes.some((c) => c.userId === room.observer.id && c.presence === 'online'));
    expect((await member.emitWithAck('presence.set', { presence: 'away' })).ok).toBe(true);
    await watcher.next('presence.changed', (e) => e.changes.some((c) => c.userId === room.observer.id && c.presence === 'away'));
    const att = await room.chair.api.get(`/api/meetings/${room.meetingId}/attendance`);
    expect(att.body.attendees.find((a: { userId: string }) => a.userId === room.observer.id).presence).toBe('away');
    member.close();
    await watcher.next('presence.changed', (e) => e.changes.some((c) => c.userId === room.observer.id && c.presence === 'offline'));
  });

  it('pushes attendance changes in one batch with the new counts', async () => {
    const watcher = keep(await connect(t.baseUrl, room.secretary, room.meetingId));
    const attendance = t.app.get(AttendanceViewService, { strict: false });
    await checkInDirect(t, room.meetingId, [room.chair, room.members[0]!, room.members[1]!]);
    for (const p of [room.chair, room.members[0]!, room.members[1]!]) attendance.participantChanged(room.meetingId, p.id);
    const pushed = await watcher.next('attendance.changed');
    expect(pushed.summary).toEqual({ entitled: 5, present: 3, required: 3, quorumMet: true });
    expect(pushed.attendees.map((a) => a.userId).sort()).toEqual([room.chair.id, room.members[0]!.id, room.members[1]!.id].sort());
    expect(pushed.attendees.every((a) => a.attendance === 'checked_in' && a.checkedInAt)).toBe(true);
    expect(watcher.events('attendance.changed')).toHaveLength(1);
  });

  it('leaves upgrade requests for other paths (/collab) alone', async () => {
    const { port } = new URL(t.baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let ended = false;
    let answered = false;
    socket.once('close', () => (ended = true));
    socket.on('data', () => (answered = true));
    socket.write(
      'GET /collab/doc-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    // engine.io would end a foreign upgrade silently after 1 s unless told not to; the collab
    // handler, when present, answers it itself.
    await new Promise((r) => setTimeout(r, 1500));
    expect(answered || !ended).toBe(true);
    socket.destroy();
  });

  it('re-validation closes sockets of disabled accounts, bumped tokens and removed participants', async () => {
    const gateway = t.app.get(SessionGateway, { strict: false });
    const a = await connect(t.baseUrl, room.members[0]!, room.meetingId);
    const b = await connect(t.baseUrl, room.members[1]!, room.meetingId);
    const c = await connect(t.baseUrl, room.members[2]!, room.meetingId);
    const stay = keep(await connect(t.baseUrl, room.members[3]!, room.meetingId));
    const gone = (x: RoomClient) => new Promise<void>((resolve) => x.socket.once('disconnect', () => resolve()));
    const all = Promise.all([gone(a), gone(b), gone(c)]);
    await t.db.prisma.user.update({ where: { id: room.members[0]!.id }, data: { disabled: true } });
    await t.db.prisma.user.update({ where: { id: room.members[1]!.id }, data: { tokenVersion: { increment: 1 } } });
    await t.db.prisma.participant.delete({
      where: { meetingId_userId: { meetingId: room.meetingId, userId: room.members[2]!.id } },
    });
    expect(await gateway.revalidate()).toBeGreaterThanOrEqual(3);
    await all;
    expect(stay.socket.connected).toBe(true);
    expect((await refused(connect(t.baseUrl, room.members[0]!, room.meetingId))).message).toBe('account_disabled');
  });

  it('re-validation moves a promoted member into the organisers’ room (drafts become visible)', async () => {
    const gateway = t.app.get(SessionGateway, { strict: false });
    const promoted = keep(await connect(t.baseUrl, room.members[3]!, room.meetingId));
    await t.db.prisma.participant.update({
      where: { meetingId_userId: { meetingId: room.meetingId, userId: room.members[3]!.id } },
      data: { role: 'secretary' },
    });
    await gateway.revalidate();
    const draft = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '草案',
      method: 'named',
    });
    await promoted.next('poll.created', (e) => e.poll.id === draft.body.id);
  });
});

describe('a client that was away gets the whole room back on reconnect', () => {
  let t: TestApp;
  let room: Room;
  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 3);
    await checkInDirect(t, room.meetingId, [room.chair, ...room.members]);
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
  });
  afterAll(async () => t?.close());

  it('sees the current item and timer, the queue, open polls and whether it voted, recent opinions, attendance', async () => {
    const away = room.members[0]!;
    const first = await connect(t.baseUrl, away, room.meetingId);
    first.close();

    expectStatus(
      await room.chair.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[1] }),
      200,
    );
    expectStatus(
      await room.members[1]!.api.post(`/api/meetings/${room.meetingId}/speakers`, { topic: '趁他不在' }),
      201,
    );
    const req = (await room.chair.api.get(`/api/meetings/${room.meetingId}/speakers`)).body.queue[0].id;
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/speakers/${req}/grant`, {}), 200);
    expectStatus(await room.members[2]!.api.post(`/api/meetings/${room.meetingId}/speakers`, { topic: '排队中' }), 201);
    const opinion = await room.members[2]!.api.post(`/api/meetings/${room.meetingId}/opinions`, {
      agendaItemId: room.items[1],
      stance: 'support',
      content: '支持。',
    });
    const open1 = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决一',
      method: 'secret',
    });
    await room.chair.api.post(`/api/polls/${open1.body.id}/open`);
    const open2 = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决二',
      method: 'named',
    });
    await room.chair.api.post(`/api/polls/${open2.body.id}/open`);
    const draft = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '草案',
      method: 'named',
    });
    // The member voted on one poll from another device while this one was away.
    expectStatus(await away.api.post(`/api/polls/${open1.body.id}/ballots`, { option: '反对' }), 201);

    const back = await connect(t.baseUrl, away, room.meetingId);
    const state = back.events('session.state')[0] as MeetingLiveState;
    back.close();
    expect(state).toMatchObject({ status: 'live', currentAgendaItemId: room.items[1] });
    expect(state.agenda.find((a) => a.id === room.items[1])!.status).toBe('active');
    expect(state.itemTimer).toMatchObject({ limitSeconds: 3600, elapsedMs: 0 });
    expect(state.itemTimer!.runningSince).not.toBeNull();
    expect(state.speakers.current).toMatchObject({ speaker: { id: room.members[1]!.id }, endedAt: null });
    expect(state.speakers.queue.map((q) => q.user.id)).toEqual([room.members[2]!.id]);
    expect(state.opinions.map((o) => o.id)).toEqual([opinion.body.id]);
    const polls = Object.fromEntries(state.polls.map((p) => [p.id, p]));
    expect(polls[draft.body.id]).toBeUndefined();
    expect(polls[open1.body.id]).toMatchObject({
      status: 'open',
      hasVoted: true,
      canVote: false,
      myChoice: null,
      cast: 1,
    });
    expect(polls[open2.body.id]).toMatchObject({ status: 'open', hasVoted: false, canVote: true });
    expect(state.attendance).toMatchObject({ entitled: 4, present: 4, quorumMet: true });
    expect(Math.abs(Date.parse(state.serverTime) - Date.now())).toBeLessThan(5000);
  });
});
