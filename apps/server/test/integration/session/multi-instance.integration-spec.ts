import { randomUUID } from 'node:crypto';
import type { MeetingLiveState } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomEvents } from '../../../src/session/room-events.js';
import { apiClient } from '../../support/http.js';
import type { TestApp } from '../../support/test-app.js';
import { checkInDirect, connect, createRoom, eventually, expectStatus, type Room, type RoomClient } from './live-room.fixtures.js';
import { startTwoInstances } from './two-instances.js';

const REDIS_URL = process.env.XS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two instances behind one address: events cross through Redis, state comes from the shared database. */
describe('two server instances with Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;
  let room: Room;
  let onA: RoomClient;
  let onB: RoomClient;
  const via = (t: TestApp, token: string) => apiClient(t.baseUrl, token);

  beforeAll(async () => {
    ({ a, b, close } = await startTwoInstances({ REDIS_URL, XS_REDIS_PREFIX: `xs-test-${randomUUID().slice(0, 8)}` }));
    room = await createRoom(a, 4);
    await checkInDirect(a, room.meetingId, [room.chair, ...room.members]);
    onA = await connect(a.baseUrl, room.members[0]!, room.meetingId);
    onB = await connect(b.baseUrl, room.members[1]!, room.meetingId);
  });
  afterAll(async () => {
    onA?.close();
    onB?.close();
    await close?.();
  });

  it('a command on one instance reaches clients on the other', async () => {
    expectStatus(await via(a, room.chair.token).post(`/api/meetings/${room.meetingId}/start`), 200);
    await onB.next('meeting.status', (e) => e.status === 'live');
    expectStatus(
      await via(b, room.members[2]!.token).post(`/api/meetings/${room.meetingId}/opinions`, {
        agendaItemId: room.items[0],
        stance: 'support',
        content: '经 B 实例提交',
      }),
      201,
    );
    await onA.next('opinion.created', (e) => e.opinion.content === '经 B 实例提交');
  });

  it('a vote split across instances: progress and results reach everyone', async () => {
    const created = await via(a, room.chair.token).post(`/api/meetings/${room.meetingId}/polls`, { title: '跨实例表决', method: 'secret' });
    expectStatus(await via(a, room.chair.token).post(`/api/polls/${created.body.id}/open`), 200);
    await onB.next('poll.opened', (e) => e.poll.id === created.body.id);
    const votes = ['赞成', '赞成', '反对', '弃权'];
    await Promise.all(
      room.members.map(async (m, i) => expectStatus(await via(i % 2 ? b : a, m.token).post(`/api/polls/${created.body.id}/ballots`, { option: votes[i] }), 201)),
    );
    await onA.next('poll.progress', (e) => e.pollId === created.body.id && e.cast === 4);
    await onB.next('poll.progress', (e) => e.pollId === created.body.id && e.cast === 4);
    expectStatus(await via(b, room.chair.token).post(`/api/polls/${created.body.id}/close`), 200);
    const [ra, rb] = await Promise.all([
      onA.next('poll.closed', (e) => e.pollId === created.body.id),
      onB.next('poll.closed', (e) => e.pollId === created.body.id),
    ]);
    expect(ra.results).toEqual(rb.results);
    expect(ra.results.counts).toEqual({ 赞成: 2, 反对: 1, 弃权: 1 });
  });

  it('presence is seen across instances', async () => {
    const att = await via(a, room.chair.token).get(`/api/meetings/${room.meetingId}/attendance`);
    const presence = Object.fromEntries(att.body.attendees.map((x: { userId: string; presence: string }) => [x.userId, x.presence]));
    expect(presence[room.members[0]!.id]).toBe('online');
    expect(presence[room.members[1]!.id]).toBe('online');
    expect(presence[room.members[2]!.id]).toBe('offline');
  });

  it('closing an account’s sockets from one instance closes them on the other', async () => {
    const extra = await connect(b.baseUrl, room.members[3]!, room.meetingId);
    const gone = new Promise<string>((resolve) => extra.socket.once('disconnect', resolve));
    a.app.get(RoomEvents).disconnectAccount(room.members[3]!.id);
    expect(await gone).toBe('io server disconnect');
  });

  it('when one instance stops, its clients reconnect to the other and get the full state from the database', async () => {
    expectStatus(await via(a, room.chair.token).post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[2] }), 200);
    await onA.next('agenda.current', (e) => e.currentAgendaItemId === room.items[2]);
    const dropped = new Promise<void>((resolve) => onA.socket.once('disconnect', () => resolve()));
    await a.close();
    await dropped;
    const moved = await connect(b.baseUrl, room.members[0]!, room.meetingId);
    const state = moved.events('session.state')[0] as MeetingLiveState;
    moved.close();
    expect(state).toMatchObject({ status: 'live', currentAgendaItemId: room.items[2] });
    expect(state.polls[0]).toMatchObject({ status: 'closed', hasVoted: true });
    expect(state.opinions[0]!.content).toBe('经 B 实例提交');
    await eventually(async () => {
      const att = await via(b, room.chair.token).get(`/api/meetings/${room.meetingId}/attendance`);
      const me = att.body.attendees.find((x: { userId: string }) => x.userId === room.members[0]!.id);
      expect(me.presence).toBe('offline');
    });
  });
});

/** Redis down: pushes to other instances are lost (clients resynchronise on reconnect), nothing crashes. */
describe('an instance whose Redis is unreachable', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // Port 1: nothing listens, every Redis command fails after its retries.
    const started = await startTwoInstances({ REDIS_URL: 'redis://127.0.0.1:1', XS_REDIS_PREFIX: `xs-test-${randomUUID().slice(0, 8)}` });
    t = started.a;
    close = started.close;
  });
  afterAll(async () => close?.());

  it('keeps serving commands and its own clients', async () => {
    const room = await createRoom(t, 2);
    await checkInDirect(t, room.meetingId, room.members);
    const c = await connect(t.baseUrl, room.members[0]!, room.meetingId);
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
    await c.next('meeting.status', (e) => e.status === 'live');
    const poll = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, { title: '表决', method: 'named' });
    expectStatus(await room.chair.api.post(`/api/polls/${poll.body.id}/open`), 200);
    for (const m of room.members) expectStatus(await m.api.post(`/api/polls/${poll.body.id}/ballots`, { option: '赞成' }), 201);
    expectStatus(await room.chair.api.post(`/api/polls/${poll.body.id}/close`), 200);
    const closed = await c.next('poll.closed', (e) => e.pollId === poll.body.id);
    expect(closed.results.counts['赞成']).toBe(2);
    expectStatus(await room.chair.api.get(`/api/meetings/${room.meetingId}/attendance`), 200);
    c.close();
  });
});
