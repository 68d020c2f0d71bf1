import type { OpinionView } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { connect, createRoom, expectStatus, type Room, type RoomClient } from '../session/live-room.fixtures.js';

describe('opinions on agenda items', () => {
  let t: TestApp;
  let room: Room;
  let watcher: RoomClient;
  const url = () => `/api/meetings/${room.meetingId}/opinions`;

  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 4);
    watcher = await connect(t.baseUrl, room.observer, room.meetingId);
  });
  afterAll(async () => {
    watcher?.close();
    await t?.close();
  });

  it('are taken before the meeting starts, and pushed to the room', async () => {
    const res = await room.members[0]!.api.post(url(), {
      agendaItemId: room.items[0],
      stance: 'supplement',
      content: '建议补充农村留守老人的数据。',
    });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      agendaItemId: room.items[0],
      stance: 'supplement',
      adopted: false,
      editedAt: null,
      author: { id: room.members[0]!.id, displayName: room.members[0]!.displayName },
    });
    const pushed = await watcher.next('opinion.created', (e) => e.opinion.id === res.body.id);
    expect(pushed.opinion).toEqual(res.body);
  });

  it('validate their body; observers and outsiders may not give them', async () => {
    for (const body of [
      {},
      { agendaItemId: room.items[0], stance: 'maybe', content: 'x' },
      { agendaItemId: room.items[0], stance: 'support', content: '' },
      { agendaItemId: room.items[0], stance: 'support', content: 'x'.repeat(2001) },
      { agendaItemId: 'not-an-item', stance: 'support', content: '好' },
    ]) {
      expectStatus(await room.members[1]!.api.post(url(), body), 400);
    }
    expectStatus(
      await room.observer.api.post(url(), { agendaItemId: room.items[0], stance: 'support', content: '好' }),
      403,
    );
    const other = await createRoom(t, 1);
    expectStatus(
      await other.members[0]!.api.post(url(), { agendaItemId: room.items[0], stance: 'support', content: '好' }),
      404,
    );
    expectStatus(await other.members[0]!.api.get(url()), 404);
  });

  it('the author edits until the item closes; nobody else edits', async () => {
    const created = (
      await room.members[1]!.api.post(url(), { agendaItemId: room.items[0], stance: 'support', content: '赞成。' })
    ).body as OpinionView;
    expectStatus(await room.members[2]!.api.patch(`/api/opinions/${created.id}`, { content: '改了' }), 403);
    expectStatus(await room.chair.api.patch(`/api/opinions/${created.id}`, { content: '改了' }), 403);
    expectStatus(await room.members[1]!.api.patch(`/api/opinions/${created.id}`, {}), 400);
    const edited = await room.members[1]!.api.patch(`/api/opinions/${created.id}`, {
      stance: 'oppose',
      content: '再三考虑，反对。',
    });
    expectStatus(edited, 200);
    expect(edited.body).toMatchObject({ stance: 'oppose', content: '再三考虑，反对。' });
    expect(edited.body.editedAt).not.toBeNull();
    await watcher.next('opinion.updated', (e) => e.opinion.id === created.id && e.opinion.stance === 'oppose');

    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
    expectStatus(
      await room.chair.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[0] }),
      200,
    );
    expectStatus(await room.members[1]!.api.patch(`/api/opinions/${created.id}`, { content: '会上补充。' }), 200);
    // Moving on closes item 1: its opinions are final, new ones go to open items only.
    expectStatus(
      await room.chair.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[1] }),
      200,
    );
    const late = await room.members[1]!.api.patch(`/api/opinions/${created.id}`, { content: '太晚了' });
    expectStatus(late, 409);
    expect(late.body.error.code).toBe('agenda_item_closed');
    expectStatus(
      await room.members[3]!.api.post(url(), { agendaItemId: room.items[0], stance: 'other', content: '迟到的意见' }),
      409,
    );
    expectStatus(
      await room.members[3]!.api.post(url(), { agendaItemId: room.items[1], stance: 'other', content: '关于第二项' }),
      201,
    );
  });

  it('the chair adopts an opinion into a consensus item (a poll), and can take it back', async () => {
    const list = await room.guest.api.get(`${url()}?agendaItemId=${room.items[0]}`);
    const target = (list.body.items as OpinionView[])[0]!;
    const poll = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '共识事项一',
      method: 'named',
    });
    expectStatus(await room.members[0]!.api.post(`/api/opinions/${target.id}/adopt`, { adopted: true }), 403);
    expectStatus(await room.chair.api.post(`/api/opinions/${target.id}/adopt`, { adopted: true, pollId: 'nope' }), 400);
    const adopted = await room.secretary.api.post(`/api/opinions/${target.id}/adopt`, {
      adopted: true,
      pollId: poll.body.id,
    });
    expectStatus(adopted, 200);
    expect(adopted.body).toMatchObject({ adopted: true, adoptedIntoPollId: poll.body.id });
    await watcher.next('opinion.updated', (e) => e.opinion.id === target.id && e.opinion.adopted);
    const filtered = await room.guest.api.get(`${url()}?adopted=true`);
    expect(filtered.body).toMatchObject({ total: 1, items: [{ id: target.id }] });
    const undone = await room.chair.api.post(`/api/opinions/${target.id}/adopt`, { adopted: false });
    expect(undone.body).toMatchObject({ adopted: false, adoptedAt: null, adoptedIntoPollId: null });
  });

  it('lists with filters and paging, newest first', async () => {
    const all = await room.observer.api.get(`${url()}?limit=2`);
    expectStatus(all, 200);
    expect(all.body.total).toBe(3);
    expect(all.body.items).toHaveLength(2);
    const times = (all.body.items as OpinionView[]).map((o) => Date.parse(o.createdAt));
    expect(times[0]).toBeGreaterThanOrEqual(times[1]!);
    expect((await room.observer.api.get(`${url()}?stance=oppose`)).body.total).toBe(1);
    expectStatus(await room.observer.api.get(`${url()}?stance=wrong`), 400);
    expectStatus(await room.observer.api.get(`${url()}?limit=0`), 400);
  });
});
