import type { MeetingDetail, MeetingList } from '@xieshang/protocol';
import { MeetingDetail as MeetingDetailSchema, MeetingList as MeetingListSchema } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  meetingAuditActions,
  meetingBody,
  setMeetingStatus,
  type Actor,
} from './meeting.fixtures.js';

describe('meetings API', () => {
  let t: TestApp;
  let admin: Actor;
  let staff: Actor;
  let chair: Actor;
  let member: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    [staff, chair, member, outsider] = await Promise.all([
      createActor(t, 'staff', '秘书处小王'),
      createActor(t, 'member', '主持人老李'),
      createActor(t, 'member', '委员张三'),
      createActor(t, 'member', '其他委员'),
    ]);
  });
  afterAll(async () => t?.close());

  /** A meeting with chair and member on it. */
  async function meetingWithPeople(overrides = {}) {
    const meeting = await createMeeting(staff.api, overrides);
    await addParticipant(staff.api, meeting.id, chair.id, 'chair');
    await addParticipant(staff.api, meeting.id, member.id, 'member');
    return meeting;
  }

  describe('POST /api/meetings', () => {
    it('creates a meeting for staff and admins, with an audit event in its own chain', async () => {
      const res = await admin.api.post<MeetingDetail>(
        '/api/meetings',
        meetingBody({
          topic: '养老服务设施建设与运营',
          endsAt: '2026-12-01T04:00:00+00:00',
          place: '县政协三楼会议室',
          onlineUrl: 'https://meet.example.cn/r/123',
          status: 'draft',
        }),
      );
      expect(res.status).toBe(201);
      expect(MeetingDetailSchema.parse(res.body)).toMatchObject({
        title: '关于加快发展县域养老服务的协商座谈会',
        kind: 'consultation',
        status: 'draft',
        scheduledAt: '2026-12-01T01:30:00.000Z',
        endsAt: '2026-12-01T04:00:00.000Z',
        place: '县政协三楼会议室',
        createdById: admin.id,
        participantCount: 0,
        agenda: [],
        participants: [],
        myRole: null,
      });
      expect(res.body.can).toMatchObject({ edit: true, manageParticipants: true, rsvp: false, checkIn: false });
      expect(await meetingAuditActions(t, res.body.id)).toEqual(['meeting.created']);
    });

    it('defaults status to scheduled and accepts a known committee', async () => {
      const committee = await t.db.prisma.committee.create({ data: { name: '县政协', kind: 'committee' } });
      const meeting = await createMeeting(staff.api, { committeeId: committee.id });
      expect(meeting).toMatchObject({ status: 'scheduled', committeeId: committee.id });
    });

    it('400 with the failing fields', async () => {
      const res = await staff.api.post('/api/meetings', {
        title: '  ',
        kind: 'party',
        scheduledAt: 'tomorrow',
        onlineUrl: 'javascript:alert(1)',
      });
      expectFieldErrors(res, ['title', 'kind', 'scheduledAt', 'onlineUrl']);
      expectFieldErrors(await staff.api.post('/api/meetings', meetingBody({ endsAt: '2026-12-01T01:00:00Z' })), [
        'endsAt',
      ]);
      expectFieldErrors(await staff.api.post('/api/meetings', meetingBody({ status: 'live' as never })), ['status']);
      expectFieldErrors(await staff.api.post('/api/meetings', meetingBody({ committeeId: 'nope' })), ['committeeId']);
    });

    it('401 without a token, 403 for a member', async () => {
      expectError(await anonymous(t).post('/api/meetings', meetingBody()), 401, 'authentication_required');
      expectError(await member.api.post('/api/meetings', meetingBody()), 403, 'forbidden');
    });
  });

  describe('GET /api/meetings/:id', () => {
    it('shows participants the meeting with ordered agenda, people and what they may do', async () => {
      const meeting = await meetingWithPeople();
      for (const title of ['通报情况', '委员发言', '部门回应']) {
        expect((await staff.api.post(`/api/meetings/${meeting.id}/agenda`, { title })).status).toBe(201);
      }
      // Insert at the front: the detail still lists by position.
      await staff.api.post(`/api/meetings/${meeting.id}/agenda`, { title: '主持人开场', position: 0 });

      const res = await member.api.get<MeetingDetail>(`/api/meetings/${meeting.id}`);
      expect(res.status).toBe(200);
      const detail = MeetingDetailSchema.parse(res.body);
      expect(detail.agenda.map((a) => [a.position, a.title])).toEqual([
        [0, '主持人开场'],
        [1, '通报情况'],
        [2, '委员发言'],
        [3, '部门回应'],
      ]);
      expect(detail.participants.map((p) => [p.role, p.user.displayName])).toEqual([
        ['chair', '主持人老李'],
        ['member', '委员张三'],
      ]);
      expect(detail.participants[0]!.user).toEqual({
        id: chair.id,
        displayName: '主持人老李',
        affiliation: '某县政协',
      });
      expect(detail).toMatchObject({ participantCount: 2, myRole: 'member', myAttendance: 'invited' });
      expect(detail.can).toEqual({
        edit: false,
        manageParticipants: false,
        recordAttendance: false,
        archive: false,
        rsvp: true,
        checkIn: true,
      });
      const asChair = await chair.api.get<MeetingDetail>(`/api/meetings/${meeting.id}`);
      expect(asChair.body.can).toMatchObject({ edit: true, manageParticipants: true, recordAttendance: true });
    });

    it('404 for a meeting the caller may not see, and for a missing one; 401 without a token', async () => {
      const meeting = await meetingWithPeople();
      expectError(await outsider.api.get(`/api/meetings/${meeting.id}`), 404, 'not_found');
      expectError(await staff.api.get('/api/meetings/c000000000000000000missing'), 404, 'not_found');
      expectError(await anonymous(t).get(`/api/meetings/${meeting.id}`), 401, 'authentication_required');
    });

    it('confines a guest to the meeting of their invitation', async () => {
      const mine = await meetingWithPeople();
      const other = await meetingWithPeople();
      const guest = await createGuest(t, staff.api, mine.id);
      expect((await guest.api.get(`/api/meetings/${mine.id}`)).status).toBe(200);
      expectError(await guest.api.get(`/api/meetings/${other.id}`), 404, 'not_found');
      const list = await guest.api.get<MeetingList>('/api/meetings');
      expect(list.body.items.map((m) => m.id)).toEqual([mine.id]);
    });
  });

  describe('GET /api/meetings', () => {
    let sub: { a: MeetingDetail; b: MeetingDetail; c: MeetingDetail; committeeId: string };
    let viewer: Actor;

    beforeAll(async () => {
      viewer = await createActor(t, 'member', '列表委员');
      const committee = await t.db.prisma.committee.create({ data: { name: '文史委', kind: 'group' } });
      const a = await createMeeting(staff.api, {
        title: '乡村振兴专题调研',
        kind: 'investigation',
        scheduledAt: '2027-03-01T01:00:00Z',
        committeeId: committee.id,
      });
      const b = await createMeeting(staff.api, {
        title: '学习贯彻全会精神',
        kind: 'study',
        scheduledAt: '2027-03-05T01:00:00Z',
      });
      const c = await createMeeting(staff.api, {
        title: '乡村道路视察 100%_完成',
        kind: 'inspection',
        scheduledAt: '2027-03-09T01:00:00Z',
        status: 'draft',
      });
      for (const m of [a, b, c]) await addParticipant(staff.api, m.id, viewer.id);
      await setMeetingStatus(t, b.id, 'ended');
      sub = { a, b, c, committeeId: committee.id };
    });

    const ids = (res: { body: MeetingList }) => res.body.items.map((m) => m.id);

    it('shows a member only the meetings they take part in, newest first, with their own role', async () => {
      const res = await viewer.api.get<MeetingList>('/api/meetings');
      expect(res.status).toBe(200);
      MeetingListSchema.parse(res.body);
      expect(ids(res)).toEqual([sub.c.id, sub.b.id, sub.a.id]);
      expect(res.body.total).toBe(3);
      expect(res.body.items[0]).toMatchObject({ myRole: 'member', myAttendance: 'invited', participantCount: 1 });
      expect((await outsider.api.get<MeetingList>('/api/meetings')).body).toEqual({ items: [], total: 0 });
    });

    it('shows staff and admins every meeting', async () => {
      const all = await t.db.prisma.meeting.count();
      const res = await staff.api.get<MeetingList>('/api/meetings?limit=200');
      expect(res.body.total).toBe(all);
      expect(ids(res)).toEqual(expect.arrayContaining([sub.a.id, sub.b.id, sub.c.id]));
      expect(res.body.items.find((m) => m.id === sub.a.id)).toMatchObject({ myRole: null, participantCount: 1 });
    });

    it('filters by status (csv), kind, date range, committee and title, and pages', async () => {
      const q = (query: string) => viewer.api.get<MeetingList>(`/api/meetings?${query}`);
      expect(ids(await q('status=ended'))).toEqual([sub.b.id]);
      expect(ids(await q('status=draft,scheduled&order=asc'))).toEqual([sub.a.id, sub.c.id]);
      expect(ids(await q('kind=study'))).toEqual([sub.b.id]);
      expect(ids(await q('from=2027-03-02T00:00:00Z&to=2027-03-09T01:00:00Z'))).toEqual([sub.c.id, sub.b.id]);
      expect(ids(await q(`committeeId=${sub.committeeId}`))).toEqual([sub.a.id]);
      expect(ids(await q(`q=${encodeURIComponent('乡村')}&order=asc`))).toEqual([sub.a.id, sub.c.id]);
      expect(ids(await q(`q=${encodeURIComponent('100%_')}`))).toEqual([sub.c.id]);
      expect(ids(await q(`q=${encodeURIComponent('%')}`))).toEqual([sub.c.id]);
      expect(ids(await q('q=_'))).toEqual([sub.c.id]);
      expect(ids(await q(`q=${encodeURIComponent('\\')}`))).toEqual([]);
      const page = await q('limit=1&offset=1');
      expect(ids(page)).toEqual([sub.b.id]);
      expect(page.body.total).toBe(3);
    });

    it('400 for bad filters, 401 without a token', async () => {
      expectFieldErrors(await viewer.api.get('/api/meetings?status=live,bogus'), ['status.1']);
      expectFieldErrors(await viewer.api.get('/api/meetings?kind=party&limit=0&order=up'), ['kind', 'limit', 'order']);
      expectFieldErrors(await viewer.api.get('/api/meetings?from=2027-03-09T00:00:00Z&to=2027-03-01T00:00:00Z'), [
        'to',
      ]);
      expectFieldErrors(await viewer.api.get('/api/meetings?from=yesterday'), ['from']);
      expectError(await anonymous(t).get('/api/meetings'), 401, 'authentication_required');
    });
  });

  describe('PATCH /api/meetings/:id', () => {
    it('lets the chair change details and records what changed', async () => {
      const meeting = await meetingWithPeople();
      const res = await chair.api.patch<MeetingDetail>(`/api/meetings/${meeting.id}`, {
        title: '关于养老服务的协商座谈会（调整）',
        place: '县行政中心二号会议室',
        scheduledAt: '2026-12-02T01:30:00+08:00',
        status: 'draft',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        title: '关于养老服务的协商座谈会（调整）',
        place: '县行政中心二号会议室',
        scheduledAt: '2026-12-01T17:30:00.000Z',
        status: 'draft',
        myRole: 'chair',
      });
      expect(res.body.participants).toHaveLength(2);
      const event = await t.db.prisma.auditEvent.findFirst({
        where: { meetingId: meeting.id, action: 'meeting.status_changed' },
      });
      expect(event?.data).toMatchObject({ changes: { status: { from: 'scheduled', to: 'draft' } } });
      // An unchanged PATCH records nothing.
      await chair.api.patch(`/api/meetings/${meeting.id}`, { place: '县行政中心二号会议室' });
      expect(await meetingAuditActions(t, meeting.id)).toEqual([
        'meeting.created',
        'participant.added',
        'participant.added',
        'meeting.status_changed',
      ]);
    });

    it('checks endsAt against the stored start, and the committee', async () => {
      const meeting = await meetingWithPeople({ endsAt: '2026-12-01T04:00:00Z' });
      expectFieldErrors(await staff.api.patch(`/api/meetings/${meeting.id}`, { scheduledAt: '2026-12-01T05:00:00Z' }), [
        'endsAt',
      ]);
      const ok = await staff.api.patch(`/api/meetings/${meeting.id}`, {
        scheduledAt: '2026-12-01T05:00:00Z',
        endsAt: null,
      });
      expect(ok.body).toMatchObject({ scheduledAt: '2026-12-01T05:00:00.000Z', endsAt: null });
      expectFieldErrors(await staff.api.patch(`/api/meetings/${meeting.id}`, { committeeId: 'missing' }), [
        'committeeId',
      ]);
      expectFieldErrors(await staff.api.patch(`/api/meetings/${meeting.id}`, { title: '', kind: 'x' }), [
        'title',
        'kind',
      ]);
    });

    it('403 for a plain member, 404 for an outsider or a missing meeting, 401 without a token', async () => {
      const meeting = await meetingWithPeople();
      expectError(await member.api.patch(`/api/meetings/${meeting.id}`, { title: '改名' }), 403, 'forbidden');
      expectError(await outsider.api.patch(`/api/meetings/${meeting.id}`, { title: '改名' }), 404, 'not_found');
      expectError(await staff.api.patch('/api/meetings/missing', { title: '改名' }), 404, 'not_found');
      expectError(
        await anonymous(t).patch(`/api/meetings/${meeting.id}`, { title: '改名' }),
        401,
        'authentication_required',
      );
    });

    it('moves status only as allowed: draft ⇄ scheduled, ended → archived', async () => {
      const meeting = await meetingWithPeople();
      expectFieldErrors(await staff.api.patch(`/api/meetings/${meeting.id}`, { status: 'live' }), ['status']);
      expectError(
        await staff.api.patch(`/api/meetings/${meeting.id}`, { status: 'archived' }),
        409,
        'invalid_transition',
      );
      await setMeetingStatus(t, meeting.id, 'live');
      expectError(await staff.api.patch(`/api/meetings/${meeting.id}`, { status: 'draft' }), 409, 'invalid_transition');
      expect((await staff.api.patch(`/api/meetings/${meeting.id}`, { topic: '会中补充议题' })).status).toBe(200);
    });

    it('409 meeting_not_editable once ended or archived; archiving an ended meeting still works', async () => {
      const meeting = await meetingWithPeople();
      await setMeetingStatus(t, meeting.id, 'ended');
      expectError(await chair.api.patch(`/api/meetings/${meeting.id}`, { title: '补改' }), 409, 'meeting_not_editable');
      expectError(
        await chair.api.patch(`/api/meetings/${meeting.id}`, { title: '补改', status: 'archived' }),
        409,
        'meeting_not_editable',
      );
      const archived = await chair.api.patch<MeetingDetail>(`/api/meetings/${meeting.id}`, { status: 'archived' });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ status: 'archived', can: { edit: false, archive: false } });
      expectError(await staff.api.patch(`/api/meetings/${meeting.id}`, { place: '别处' }), 409, 'meeting_not_editable');
      expectError(
        await staff.api.patch(`/api/meetings/${meeting.id}`, { status: 'scheduled' }),
        409,
        'invalid_transition',
      );
    });
  });

  it('documents every meetings route in OpenAPI with its body or query schema', async () => {
    const doc = (await anonymous(t).get('/api/docs/openapi.json')).body;
    const params = (doc.paths['/api/meetings'].get.parameters as { name: string }[]).map((p) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['status', 'kind', 'from', 'to', 'q', 'committeeId', 'limit', 'offset']),
    );
    expect(doc.paths['/api/meetings'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/meetings/{id}'].patch.requestBody).toBeDefined();
    for (const path of [
      '/api/meetings/{id}/agenda',
      '/api/meetings/{id}/agenda/order',
      '/api/meetings/{id}/agenda/{itemId}',
      '/api/meetings/{id}/participants',
      '/api/meetings/{id}/participants/{participantId}',
      '/api/meetings/{id}/participants/{participantId}/check-in',
      '/api/meetings/{id}/rsvp',
      '/api/meetings/{id}/check-in',
      '/api/meetings/{id}/invitations',
      '/api/meetings/{id}/invitations/{invitationId}',
      '/api/committees',
      '/api/committees/{id}/members',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
