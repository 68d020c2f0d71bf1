import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { connect, createRoom, eventually, expectStatus, type Room } from './live-room.fixtures.js';

/**
 * Features outside the live room (check-in, agenda editing, account administration) push their
 * changes into the room as they commit, so nobody has to reconnect to see them.
 */
describe('changes made elsewhere reach the live room', () => {
  let t: TestApp;
  let room: Room;
  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 3);
  });
  afterAll(async () => t?.close());

  it('a check-in over HTTP updates everyone’s attendance counts', async () => {
    const watcher = await connect(t.baseUrl, room.chair, room.meetingId);
    const member = room.members[0]!;
    expectStatus(await member.api.post(`/api/meetings/${room.meetingId}/check-in`), 200);
    const pushed = await watcher.next('attendance.changed', (p) => p.attendees.some((a) => a.userId === member.id));
    expect(pushed.attendees.find((a) => a.userId === member.id)?.attendance).toBe('checked_in');
    watcher.close();
  });

  it('an agenda edit is pushed as the new agenda', async () => {
    const watcher = await connect(t.baseUrl, room.members[1]!, room.meetingId);
    const res = await room.secretary.api.post(`/api/meetings/${room.meetingId}/agenda`, {
      title: '临时增加：听取群众代表意见',
    });
    expectStatus(res, 201);
    const pushed = await watcher.next('agenda.current', (p) =>
      p.agenda.some((i) => i.title === '临时增加：听取群众代表意见'),
    );
    expect(pushed.agenda).toHaveLength(4);
    watcher.close();
  });

  it('disabling an account closes its room connection at once', async () => {
    const target = room.members[2]!;
    const client = await connect(t.baseUrl, target, room.meetingId);
    const closed = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
    expectStatus(await room.staff.api.patch(`/api/users/${target.id}`, { disabled: true }), 200);
    await closed;
    await eventually(() => expect(client.socket.connected).toBe(false));
  });
});
