import type { CommitteeDetail, CommitteeList, CommitteeMemberView, CommitteeView } from '@xieshang/protocol';
import { CommitteeDetail as CommitteeDetailSchema, CommitteeList as CommitteeListSchema } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../src/audit/audit.service.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  addParticipant,
  anonymous,
  createActor,
  createGuest,
  createMeeting,
  expectError,
  expectFieldErrors,
  loginAdmin,
  type Actor,
} from '../meetings/meeting.fixtures.js';

describe('committees API', () => {
  let t: TestApp;
  let admin: Actor;
  let staff: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    staff = await createActor(t, 'staff');
    member = await createActor(t, 'member', '委员王五');
  });
  afterAll(async () => t?.close());

  const create = async (actor: Actor, body: object) => {
    const res = await actor.api.post<CommitteeView>('/api/committees', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('staff and admins create committees and groups under a parent; everyone with an account lists them', async () => {
    const county = await create(admin, { name: '某县政协' });
    expect(county).toMatchObject({ name: '某县政协', kind: 'committee', parentId: null, memberCount: 0 });
    const group = await create(staff, { name: '第三委员活动小组', kind: 'group', parentId: county.id });
    expect(group).toMatchObject({ kind: 'group', parentId: county.id });

    const res = await member.api.get<CommitteeList>('/api/committees');
    expect(res.status).toBe(200);
    CommitteeListSchema.parse(res.body);
    expect(res.body.items.map((c) => c.name)).toEqual(expect.arrayContaining(['某县政协', '第三委员活动小组']));

    const events = await t.db.prisma.auditEvent.findMany({ where: { entityId: group.id } });
    expect(events.map((e) => [e.action, e.scope])).toEqual([['committee.created', 'global']]);
    expect(await t.app.get(AuditService).verify('global')).toMatchObject({ intact: true });
  });

  it('adds members with a title; the detail lists them; 409 already_member', async () => {
    const c = await create(staff, { name: '提案委员会', kind: 'group' });
    const res = await staff.api.post<CommitteeMemberView>(`/api/committees/${c.id}/members`, {
      userId: member.id,
      title: '副主任',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: member.id, title: '副主任', user: { displayName: '委员王五' } });
    const plain = await createActor(t, 'member');
    expect((await staff.api.post(`/api/committees/${c.id}/members`, { userId: plain.id })).body.title).toBeNull();

    const detail = await member.api.get<CommitteeDetail>(`/api/committees/${c.id}`);
    expect(CommitteeDetailSchema.parse(detail.body)).toMatchObject({ memberCount: 2 });
    expect(detail.body.members.map((m) => m.userId)).toEqual([member.id, plain.id]);

    expectError(await staff.api.post(`/api/committees/${c.id}/members`, { userId: member.id }), 409, 'already_member');
    const actions = await t.db.prisma.auditEvent.findMany({ where: { entityId: c.id }, orderBy: { seq: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual([
      'committee.created',
      'committee.member_added',
      'committee.member_added',
    ]);
  });

  it('removes a member', async () => {
    const c = await create(staff, { name: '学习委' });
    await staff.api.post(`/api/committees/${c.id}/members`, { userId: member.id });
    expect((await staff.api.delete(`/api/committees/${c.id}/members/${member.id}`)).status).toBe(204);
    expect((await staff.api.get<CommitteeDetail>(`/api/committees/${c.id}`)).body.members).toEqual([]);
    expectError(await staff.api.delete(`/api/committees/${c.id}/members/${member.id}`), 404, 'not_found');
  });

  it('400 with the failing fields; unknown parent', async () => {
    expectFieldErrors(await staff.api.post('/api/committees', { name: '', kind: 'club' }), ['name', 'kind']);
    expectFieldErrors(await staff.api.post('/api/committees', { name: '小组', parentId: 'missing' }), ['parentId']);
    const c = await create(staff, { name: '经济委' });
    expectFieldErrors(await staff.api.post(`/api/committees/${c.id}/members`, { title: 'x'.repeat(33) }), [
      'userId',
      'title',
    ]);
  });

  it('404 for a missing committee or user; guests cannot be members', async () => {
    const c = await create(staff, { name: '社法委' });
    expectError(await member.api.get('/api/committees/missing'), 404, 'not_found');
    expectError(await staff.api.post('/api/committees/missing/members', { userId: member.id }), 404, 'not_found');
    expectError(await staff.api.post(`/api/committees/${c.id}/members`, { userId: 'nobody' }), 404, 'not_found');
    const m = await createMeeting(staff.api);
    await addParticipant(staff.api, m.id, member.id);
    const guest = await createGuest(t, staff.api, m.id);
    expectFieldErrors(await staff.api.post(`/api/committees/${c.id}/members`, { userId: guest.id }), ['userId']);
  });

  it('401 without a token; 403 for members changing anything and for guests reading', async () => {
    const c = await create(staff, { name: '农业委' });
    expectError(await anonymous(t).get('/api/committees'), 401, 'authentication_required');
    expectError(await anonymous(t).post('/api/committees', { name: '新' }), 401, 'authentication_required');
    expectError(await member.api.post('/api/committees', { name: '新' }), 403, 'forbidden');
    expectError(await member.api.post(`/api/committees/${c.id}/members`, { userId: member.id }), 403, 'forbidden');
    expectError(await member.api.delete(`/api/committees/${c.id}/members/${member.id}`), 403, 'forbidden');
    const m = await createMeeting(staff.api);
    const guest = await createGuest(t, staff.api, m.id);
    expectError(await guest.api.get('/api/committees'), 403, 'forbidden');
    expectError(await guest.api.get(`/api/committees/${c.id}`), 403, 'forbidden');
  });

  it('meetings filter by committee', async () => {
    const c = await create(staff, { name: '城建委' });
    const m = await createMeeting(staff.api, { committeeId: c.id, title: '城建委专题协商' });
    await createMeeting(staff.api, { title: '无委员会的会议' });
    const list = await staff.api.get(`/api/meetings?committeeId=${c.id}`);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
  });
});
