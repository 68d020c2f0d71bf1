import type { AgendaItemList, AgendaItemView, MeetingDetail } from '@xieshang/protocol';
import { AgendaItemView as AgendaItemViewSchema } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  addParticipant,
  anonymous,
  createActor,
  createMeeting,
  expectError,
  expectFieldErrors,
  meetingAuditActions,
  setMeetingStatus,
  type Actor,
} from '../meetings/meeting.fixtures.js';

describe('agenda API', () => {
  let t: TestApp;
  let staff: Actor;
  let secretary: Actor;
  let member: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    [staff, secretary, member, outsider] = await Promise.all([
      createActor(t, 'staff'),
      createActor(t, 'member', '秘书长'),
      createActor(t, 'member', '委员'),
      createActor(t, 'member', '局外人'),
    ]);
  });
  afterAll(async () => t?.close());

  async function meeting(): Promise<MeetingDetail> {
    const m = await createMeeting(staff.api);
    await addParticipant(staff.api, m.id, secretary.id, 'secretary');
    await addParticipant(staff.api, m.id, member.id, 'member');
    return m;
  }
  const path = (m: { id: string }, rest = '') => `/api/meetings/${m.id}/agenda${rest}`;
  const titles = async (m: { id: string }) =>
    (await member.api.get<AgendaItemList>(path(m))).body.items.map((i) => `${i.position}:${i.title}`);

  async function addItems(m: { id: string }, ...names: string[]): Promise<AgendaItemView[]> {
    const items: AgendaItemView[] = [];
    for (const title of names) {
      const res = await secretary.api.post<AgendaItemView>(path(m), { title });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      items.push(res.body);
    }
    return items;
  }

  describe('POST /api/meetings/:id/agenda', () => {
    it('appends by default and inserts at a position, shifting later items', async () => {
      const m = await meeting();
      const res = await secretary.api.post<AgendaItemView>(path(m), {
        title: '部门通报情况',
        description: '县民政局通报养老服务体系建设情况',
        plannedMinutes: 20,
        presenterName: '县民政局局长',
      });
      expect(res.status).toBe(201);
      expect(AgendaItemViewSchema.parse(res.body)).toMatchObject({
        meetingId: m.id,
        position: 0,
        title: '部门通报情况',
        plannedMinutes: 20,
        presenterId: null,
        presenterName: '县民政局局长',
        status: 'pending',
      });
      await addItems(m, '委员发言');
      expect((await secretary.api.post(path(m), { title: '主持人开场', position: 0 })).body.position).toBe(0);
      expect((await secretary.api.post(path(m), { title: '互动交流', position: 2 })).body.position).toBe(2);
      // Past the end: clamped to the end.
      expect((await secretary.api.post(path(m), { title: '主持人总结', position: 99 })).body.position).toBe(4);
      expect(await titles(m)).toEqual(['0:主持人开场', '1:部门通报情况', '2:互动交流', '3:委员发言', '4:主持人总结']);
      expect((await meetingAuditActions(t, m.id)).filter((a) => a === 'agenda.item_created')).toHaveLength(5);
    });

    it('stores a presenter account and its name, 400 for an unknown presenter', async () => {
      const m = await meeting();
      const res = await staff.api.post<AgendaItemView>(path(m), { title: '委员发言', presenterId: member.id });
      expect(res.body).toMatchObject({ presenterId: member.id, presenterName: '委员' });
      expectFieldErrors(await staff.api.post(path(m), { title: '发言', presenterId: 'nobody' }), ['presenterId']);
    });

    it('400 with the failing fields', async () => {
      const m = await meeting();
      expectFieldErrors(await secretary.api.post(path(m), { title: '', plannedMinutes: 0, position: -1 }), [
        'title',
        'plannedMinutes',
        'position',
      ]);
      expectFieldErrors(await secretary.api.post(path(m), { title: 'x'.repeat(201), plannedMinutes: '10' }), [
        'title',
        'plannedMinutes',
      ]);
    });

    it('401 without a token, 403 for a plain member, 404 for an outsider or a missing meeting', async () => {
      const m = await meeting();
      expectError(await anonymous(t).post(path(m), { title: '议题' }), 401, 'authentication_required');
      expectError(await member.api.post(path(m), { title: '议题' }), 403, 'forbidden');
      expectError(await outsider.api.post(path(m), { title: '议题' }), 404, 'not_found');
      expectError(await staff.api.post(path({ id: 'missing' }), { title: '议题' }), 404, 'not_found');
    });

    it('409 meeting_not_editable once the meeting has ended', async () => {
      const m = await meeting();
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.post(path(m), { title: '补充议题' }), 409, 'meeting_not_editable');
    });
  });

  describe('GET /api/meetings/:id/agenda', () => {
    it('lists items in order for participants; 404 for outsiders; 401 without a token', async () => {
      const m = await meeting();
      await addItems(m, '一', '二');
      expect(await titles(m)).toEqual(['0:一', '1:二']);
      expectError(await outsider.api.get(path(m)), 404, 'not_found');
      expectError(await anonymous(t).get(path(m)), 401, 'authentication_required');
    });
  });

  describe('PATCH /api/meetings/:id/agenda/:itemId', () => {
    it('edits fields, replaces or clears the presenter, and records the change', async () => {
      const m = await meeting();
      const [item] = await addItems(m, '委员发言');
      const res = await secretary.api.patch<AgendaItemView>(path(m, `/${item!.id}`), {
        title: '委员预约发言',
        plannedMinutes: 40,
        presenterId: member.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: '委员预约发言', plannedMinutes: 40, presenterName: '委员', position: 0 });
      const cleared = await secretary.api.patch<AgendaItemView>(path(m, `/${item!.id}`), { presenterId: null });
      expect(cleared.body).toMatchObject({ presenterId: null, presenterName: null });
      const named = await secretary.api.patch<AgendaItemView>(path(m, `/${item!.id}`), {
        description: null,
        presenterName: '县长',
      });
      expect(named.body).toMatchObject({ presenterName: '县长', description: null });
      const event = await t.db.prisma.auditEvent.findFirst({
        where: { meetingId: m.id, action: 'agenda.item_updated' },
      });
      expect(event?.data).toMatchObject({ changes: { title: '委员预约发言', plannedMinutes: 40 } });
    });

    it('400, 401, 403, 404 (outsider, missing meeting, missing or foreign item), 409 after the end', async () => {
      const m = await meeting();
      const other = await meeting();
      const [item] = await addItems(m, '议题');
      const [foreign] = await addItems(other, '别的议题');
      const url = path(m, `/${item!.id}`);
      expectFieldErrors(await secretary.api.patch(url, { title: ' ', plannedMinutes: 601 }), [
        'title',
        'plannedMinutes',
      ]);
      expectError(await anonymous(t).patch(url, { title: '改' }), 401, 'authentication_required');
      expectError(await member.api.patch(url, { title: '改' }), 403, 'forbidden');
      expectError(await outsider.api.patch(url, { title: '改' }), 404, 'not_found');
      expectError(await secretary.api.patch(path(m, '/missing'), { title: '改' }), 404, 'not_found');
      expectError(await secretary.api.patch(path(m, `/${foreign!.id}`), { title: '改' }), 404, 'not_found');
      await setMeetingStatus(t, m.id, 'archived');
      expectError(await secretary.api.patch(url, { title: '改' }), 409, 'meeting_not_editable');
    });
  });

  describe('DELETE /api/meetings/:id/agenda/:itemId', () => {
    it('removes an item and closes the gap', async () => {
      const m = await meeting();
      const items = await addItems(m, '一', '二', '三', '四');
      expect((await secretary.api.delete(path(m, `/${items[1]!.id}`))).status).toBe(204);
      expect(await titles(m)).toEqual(['0:一', '1:三', '2:四']);
      expect((await secretary.api.delete(path(m, `/${items[3]!.id}`))).status).toBe(204);
      expect((await secretary.api.delete(path(m, `/${items[0]!.id}`))).status).toBe(204);
      expect(await titles(m)).toEqual(['0:三']);
      expect((await meetingAuditActions(t, m.id)).filter((a) => a === 'agenda.item_deleted')).toHaveLength(3);
    });

    it('401, 403, 404, and 409 for the item being discussed or after the end', async () => {
      const m = await meeting();
      const [a, b] = await addItems(m, '一', '二');
      const url = path(m, `/${a!.id}`);
      expectError(await anonymous(t).delete(url), 401, 'authentication_required');
      expectError(await member.api.delete(url), 403, 'forbidden');
      expectError(await outsider.api.delete(url), 404, 'not_found');
      expectError(await secretary.api.delete(path(m, '/missing')), 404, 'not_found');
      await t.db.prisma.agendaItem.update({ where: { id: a!.id }, data: { status: 'active' } });
      expectError(await secretary.api.delete(url), 409, 'invalid_transition');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.delete(path(m, `/${b!.id}`)), 409, 'meeting_not_editable');
    });
  });

  describe('PUT /api/meetings/:id/agenda/order', () => {
    it('applies a complete new order and returns it', async () => {
      const m = await meeting();
      const [a, b, c] = await addItems(m, '一', '二', '三');
      const res = await secretary.api.put<AgendaItemList>(path(m, '/order'), { itemIds: [c!.id, a!.id, b!.id] });
      expect(res.status).toBe(200);
      expect(res.body.items.map((i) => `${i.position}:${i.title}`)).toEqual(['0:三', '1:一', '2:二']);
      expect(await titles(m)).toEqual(['0:三', '1:一', '2:二']);
      const event = await t.db.prisma.auditEvent.findFirst({ where: { meetingId: m.id, action: 'agenda.reordered' } });
      expect(event?.data).toEqual({ order: [c!.id, a!.id, b!.id] });
      // The same order again changes nothing and records nothing.
      await secretary.api.put(path(m, '/order'), { itemIds: [c!.id, a!.id, b!.id] });
      expect((await meetingAuditActions(t, m.id)).filter((x) => x === 'agenda.reordered')).toHaveLength(1);
    });

    it('400 unless itemIds are exactly the meeting’s items', async () => {
      const m = await meeting();
      const other = await meeting();
      const [a, b] = await addItems(m, '一', '二');
      const [x] = await addItems(other, '外');
      const put = (itemIds: unknown) => secretary.api.put(path(m, '/order'), { itemIds });
      expectFieldErrors(await put([a!.id]), ['itemIds']);
      expectFieldErrors(await put([a!.id, a!.id]), ['itemIds']);
      expectFieldErrors(await put([a!.id, b!.id, a!.id]), ['itemIds']);
      expectFieldErrors(await put([a!.id, x!.id]), ['itemIds']);
      expectFieldErrors(await put([]), ['itemIds']);
      expectFieldErrors(await put('a,b'), ['itemIds']);
      expect(await titles(m)).toEqual(['0:一', '1:二']);
    });

    it('401, 403, 404, 409', async () => {
      const m = await meeting();
      const [a] = await addItems(m, '一');
      const body = { itemIds: [a!.id] };
      expectError(await anonymous(t).put(path(m, '/order'), body), 401, 'authentication_required');
      expectError(await member.api.put(path(m, '/order'), body), 403, 'forbidden');
      expectError(await outsider.api.put(path(m, '/order'), body), 404, 'not_found');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.put(path(m, '/order'), body), 409, 'meeting_not_editable');
    });
  });

  it('keeps positions 0..n-1 under concurrent inserts, deletes and reorders', async () => {
    const m = await meeting();
    const initial = await addItems(m, 'a', 'b', 'c', 'd', 'e', 'f');
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 8; i++) ops.push(staff.api.post(path(m), { title: `ins${i}`, position: i % 3 }));
    for (const item of initial.slice(0, 3)) ops.push(secretary.api.delete(path(m, `/${item.id}`)));
    ops.push(secretary.api.post(path(m), { title: 'tail' }));
    const results = (await Promise.all(ops)) as { status: number }[];
    expect(results.map((r) => r.status).sort()).toEqual([...Array(9).fill(201), ...Array(3).fill(204)].sort());

    const items = (await member.api.get<AgendaItemList>(path(m))).body.items;
    expect(items).toHaveLength(6 + 8 - 3 + 1);
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i));

    // Concurrent full reorders: one of each pair wins entirely, the list stays a permutation.
    const ids = items.map((i) => i.id);
    const reversed = [...ids].reverse();
    const [r1, r2] = await Promise.all([
      secretary.api.put(path(m, '/order'), { itemIds: reversed }),
      staff.api.put(path(m, '/order'), { itemIds: [...ids.slice(1), ids[0]] }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const after = (await member.api.get<AgendaItemList>(path(m))).body.items;
    expect(after.map((i) => i.position)).toEqual(after.map((_, i) => i));
    expect(new Set(after.map((i) => i.id))).toEqual(new Set(ids));
    expect([JSON.stringify(reversed), JSON.stringify([...ids.slice(1), ids[0]])]).toContain(
      JSON.stringify(after.map((i) => i.id)),
    );
    expect((await meetingAuditActions(t, m.id)).length).toBeGreaterThan(0);
  });
});
