import type { SpeakersState } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { connect, createRoom, expectStatus, type Room, type RoomClient } from '../session/live-room.fixtures.js';

describe('speakers queue and the record of speeches', () => {
  let t: TestApp;
  let room: Room;
  let watcher: RoomClient;
  const base = () => `/api/meetings/${room.meetingId}/speakers`;

  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 5);
    watcher = await connect(t.baseUrl, room.members[4]!, room.meetingId);
  });
  afterAll(async () => {
    watcher?.close();
    await t?.close();
  });

  it('takes requests (预约发言) before the meeting, one waiting request per person', async () => {
    const first = await room.members[0]!.api.post(base(), {
      topic: '关于居家养老上门服务',
      agendaItemId: room.items[1],
    });
    expectStatus(first, 201);
    expect(first.body.queue).toHaveLength(1);
    expect(first.body.queue[0]).toMatchObject({
      topic: '关于居家养老上门服务',
      agendaItemId: room.items[1],
      status: 'queued',
    });
    const dup = await room.members[0]!.api.post(base(), {});
    expectStatus(dup, 409);
    expect(dup.body.error.code).toBe('already_in_queue');
    expectStatus(await room.members[1]!.api.post(base(), { topic: 'x'.repeat(201) }), 400);
    expectStatus(await room.members[1]!.api.post(base(), { agendaItemId: 'nope' }), 400);
    expectStatus(await room.guest.api.post(base(), { topic: '部门回应' }), 201);
    expectStatus(await room.observer.api.post(base(), {}), 403);
    await watcher.next('speakers.changed', (e) => e.queue.length === 2);
  });

  it('the floor is only given while the meeting is live', async () => {
    const queue = (await room.members[3]!.api.get(base())).body as SpeakersState;
    const res = await room.chair.api.post(`${base()}/${queue.queue[0]!.id}/grant`, {});
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('meeting_not_live');
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
    expectStatus(
      await room.chair.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[1] }),
      200,
    );
  });

  it('withdraw: by the author or the chair, not by others', async () => {
    const added = (await room.members[2]!.api.post(base(), { topic: '临时想法' })).body as SpeakersState;
    const mine = added.queue.find((q) => q.user.id === room.members[2]!.id)!;
    expect(mine.agendaItemId).toBe(room.items[1]);
    expectStatus(await room.members[0]!.api.post(`${base()}/${mine.id}/withdraw`), 403);
    const withdrawn = await room.members[2]!.api.post(`${base()}/${mine.id}/withdraw`);
    expectStatus(withdrawn, 200);
    expect(withdrawn.body.queue.map((q: { id: string }) => q.id)).not.toContain(mine.id);
    expectStatus(await room.members[2]!.api.post(`${base()}/${mine.id}/withdraw`), 409);
    expectStatus(await room.members[2]!.api.post(`${base()}/nope/withdraw`), 404);
  });

  it('reorder must name every waiting request once', async () => {
    await room.members[1]!.api.post(base(), { topic: '第三位' });
    const { queue } = (await room.chair.api.get(base())).body as SpeakersState;
    expect(queue).toHaveLength(3);
    const ids = queue.map((q) => q.id);
    expectStatus(await room.chair.api.put(`${base()}/order`, { requestIds: ids.slice(1) }), 400);
    expectStatus(await room.chair.api.put(`${base()}/order`, { requestIds: [ids[0], ids[0], ids[1]] }), 400);
    expectStatus(await room.members[0]!.api.put(`${base()}/order`, { requestIds: [...ids].reverse() }), 403);
    const res = await room.secretary.api.put(`${base()}/order`, { requestIds: [ids[2], ids[0], ids[1]] });
    expectStatus(res, 200);
    expect(res.body.queue.map((q: { id: string }) => q.id)).toEqual([ids[2], ids[0], ids[1]]);
  });

  it('granting the next speaker ends the current speech; each speech is recorded with its item and times', async () => {
    const { queue } = (await room.chair.api.get(base())).body as SpeakersState;
    expectStatus(await room.members[0]!.api.post(`${base()}/${queue[0]!.id}/grant`, {}), 403);
    expectStatus(await room.chair.api.post(`${base()}/${queue[0]!.id}/grant`, { limitSeconds: 5 }), 400);
    const first = await room.chair.api.post(`${base()}/${queue[0]!.id}/grant`, {});
    expectStatus(first, 200);
    expect(first.body.current).toMatchObject({
      requestId: queue[0]!.id,
      limitSeconds: 480,
      agendaItemId: room.items[1],
      endedAt: null,
    });
    expectStatus(await room.chair.api.post(`${base()}/${queue[0]!.id}/grant`, {}), 409);
    const second = await room.chair.api.post(`${base()}/${queue[1]!.id}/grant`, { limitSeconds: 300 });
    expect(second.body.current).toMatchObject({ requestId: queue[1]!.id, limitSeconds: 300 });
    expect(second.body.queue.map((q: { id: string }) => q.id)).toEqual([queue[2]!.id]);
    const ended = await room.chair.api.post(`${base()}/end`);
    expectStatus(ended, 200);
    expect(ended.body.current).toBeNull();
    expectStatus(await room.chair.api.post(`${base()}/end`), 409);
    const speeches = (await room.observer.api.get(`/api/meetings/${room.meetingId}/speeches`)).body.items;
    expect(speeches).toHaveLength(2);
    expect(speeches.map((s: { requestId: string }) => s.requestId)).toEqual([queue[0]!.id, queue[1]!.id]);
    expect(speeches.every((s: { endedAt: string | null }) => s.endedAt !== null)).toBe(true);
    expect(Date.parse(speeches[0].endedAt)).toBeLessThanOrEqual(Date.parse(speeches[1].startedAt));
  });

  it('ending the meeting ends the speech under way and lapses the queue', async () => {
    const { queue } = (await room.chair.api.get(base())).body as SpeakersState;
    await room.chair.api.post(`${base()}/${queue[0]!.id}/grant`, {});
    await room.members[3]!.api.post(base(), { topic: '没轮到' });
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/end`), 200);
    const after = (await room.observer.api.get(base())).body as SpeakersState;
    expect(after).toEqual({ queue: [], current: null });
    await watcher.next('speakers.changed', (e) => e.current === null && e.queue.length === 0);
    const speeches = (await room.observer.api.get(`/api/meetings/${room.meetingId}/speeches`)).body.items;
    expect(speeches).toHaveLength(3);
    expect(speeches[2].endedAt).not.toBeNull();
    expectStatus(await room.members[3]!.api.post(base(), {}), 409);
  });
});
