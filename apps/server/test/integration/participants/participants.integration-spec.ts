import type { MeetingDetail, ParticipantList, ParticipantView } from '@xieshang/protocol';
import { ParticipantView as ParticipantViewSchema } from '@xieshang/protocol';
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
  meetingAuditActions,
  setMeetingStatus,
  type Actor,
} from '../meetings/meeting.fixtures.js';

describe('participants API', () => {
  let t: TestApp;
  let staff: Actor;
  let secretary: Actor;
  let member: Actor;
  let another: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createActor(t, 'staff', '秘书处');
    secretary = await createActor(t, 'member', '秘书长');
    member = await createActor(t, 'member', '委员甲');
    another = await createActor(t, 'member', '委员乙');
    outsider = await createActor(t, 'member', '局外人');
  });
  afterAll(async () => t?.close());

  /** A scheduled meeting with secretary and member on the list (another is not). */
  async function meeting(): Promise<{ m: MeetingDetail; sec: ParticipantView; mem: ParticipantView }> {
    const m = await createMeeting(staff.api);
    const sec = await addParticipant(staff.api, m.id, secretary.id, 'secretary');
    const mem = await addParticipant(secretary.api, m.id, member.id, 'member');
    return { m, sec, mem };
  }
  const path = (m: { id: string }, rest = '') => `/api/meetings/${m.id}${rest}`;

  describe('POST /api/meetings/:id/participants', () => {
    it('adds a user with a role; the new participant then sees the meeting', async () => {
      const { m } = await meeting();
      expectError(await another.api.get(path(m)), 404, 'not_found');
      const res = await secretary.api.post<ParticipantView>(path(m, '/participants'), {
        userId: another.id,
        role: 'observer',
      });
      expect(res.status).toBe(201);
      expect(ParticipantViewSchema.parse(res.body)).toMatchObject({
        userId: another.id,
        user: { id: another.id, displayName: '委员乙', affiliation: '某县政协' },
        role: 'observer',
        attendance: 'invited',
        respondedAt: null,
        checkedInAt: null,
      });
      expect((await another.api.get(path(m))).status).toBe(200);
      // Role defaults to member.
      const third = await createActor(t, 'member');
      expect((await staff.api.post(path(m, '/participants'), { userId: third.id })).body.role).toBe('member');
      expect(await meetingAuditActions(t, m.id)).toEqual([
        'meeting.created',
        'participant.added',
        'participant.added',
        'participant.added',
        'participant.added',
      ]);
    });

    it('409 already_participant, 404 unknown user, 400 bad body or a guest account', async () => {
      const { m } = await meeting();
      expectError(await staff.api.post(path(m, '/participants'), { userId: member.id }), 409, 'already_participant');
      expectError(await staff.api.post(path(m, '/participants'), { userId: 'nobody' }), 404, 'not_found');
      expectFieldErrors(await staff.api.post(path(m, '/participants'), { userId: '', role: 'king' }), [
        'userId',
        'role',
      ]);
      const guest = await createGuest(t, staff.api, m.id);
      const other = await createMeeting(staff.api);
      expectFieldErrors(await staff.api.post(path(other, '/participants'), { userId: guest.id }), ['userId']);
    });

    it('401 without a token, 403 for a plain member, 404 for an outsider or a missing meeting, 409 after the end', async () => {
      const { m } = await meeting();
      const body = { userId: another.id };
      expectError(await anonymous(t).post(path(m, '/participants'), body), 401, 'authentication_required');
      expectError(await member.api.post(path(m, '/participants'), body), 403, 'forbidden');
      expectError(await outsider.api.post(path(m, '/participants'), body), 404, 'not_found');
      expectError(await staff.api.post('/api/meetings/missing/participants', body), 404, 'not_found');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.post(path(m, '/participants'), body), 409, 'meeting_not_editable');
    });

    it('adds each user once under concurrent requests', async () => {
      const { m } = await meeting();
      const results = await Promise.all(
        [staff, secretary, staff].map((a) => a.api.post(path(m, '/participants'), { userId: another.id })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await t.db.prisma.participant.count({ where: { meetingId: m.id, userId: another.id } })).toBe(1);
    });
  });

  describe('GET /api/meetings/:id/participants', () => {
    it('lists the participants, organisers first; 404 outsiders; 401 without a token', async () => {
      const { m } = await meeting();
      const res = await member.api.get<ParticipantList>(path(m, '/participants'));
      expect(res.body.items.map((p) => [p.role, p.user.displayName])).toEqual([
        ['secretary', '秘书长'],
        ['member', '委员甲'],
      ]);
      expectError(await outsider.api.get(path(m, '/participants')), 404, 'not_found');
      expectError(await anonymous(t).get(path(m, '/participants')), 401, 'authentication_required');
    });
  });

  describe('PATCH /api/meetings/:id/participants/:participantId', () => {
    it('changes the role, which changes the rights', async () => {
      const { m, mem } = await meeting();
      expectError(await member.api.patch(path(m), { title: '改' }), 403, 'forbidden');
      const res = await secretary.api.patch<ParticipantView>(path(m, `/participants/${mem.id}`), { role: 'chair' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: mem.id, role: 'chair' });
      expect((await member.api.patch(path(m), { title: '改名后的会议' })).status).toBe(200);
      const event = await t.db.prisma.auditEvent.findFirst({
        where: { meetingId: m.id, action: 'participant.role_changed' },
      });
      expect(event?.data).toEqual({ userId: member.id, from: 'member', to: 'chair' });
    });

    it('400, 401, 403, 404 (outsider, missing or foreign participant), 409 after the end; guests stay guests', async () => {
      const { m, mem } = await meeting();
      const other = await meeting();
      const url = path(m, `/participants/${mem.id}`);
      expectFieldErrors(await secretary.api.patch(url, { role: 'boss' }), ['role']);
      expectFieldErrors(await secretary.api.patch(url, {}), ['role']);
      expectError(await anonymous(t).patch(url, { role: 'chair' }), 401, 'authentication_required');
      expectError(await member.api.patch(url, { role: 'chair' }), 403, 'forbidden');
      expectError(await outsider.api.patch(url, { role: 'chair' }), 404, 'not_found');
      expectError(await secretary.api.patch(path(m, '/participants/missing'), { role: 'chair' }), 404, 'not_found');
      expectError(
        await secretary.api.patch(path(m, `/participants/${other.mem.id}`), { role: 'chair' }),
        404,
        'not_found',
      );
      const guest = await createGuest(t, staff.api, m.id);
      const guestRow = (await staff.api.get<ParticipantList>(path(m, '/participants'))).body.items.find(
        (p) => p.userId === guest.id,
      )!;
      expectFieldErrors(await staff.api.patch(path(m, `/participants/${guestRow.id}`), { role: 'chair' }), ['role']);
      expect((await staff.api.patch(path(m, `/participants/${guestRow.id}`), { role: 'observer' })).status).toBe(200);
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.patch(url, { role: 'chair' }), 409, 'meeting_not_editable');
    });
  });

  describe('DELETE /api/meetings/:id/participants/:participantId', () => {
    it('removes a participant, who then no longer sees the meeting', async () => {
      const { m, mem } = await meeting();
      expect((await secretary.api.delete(path(m, `/participants/${mem.id}`))).status).toBe(204);
      expectError(await member.api.get(path(m)), 404, 'not_found');
      expect((await meetingAuditActions(t, m.id)).at(-1)).toBe('participant.removed');
    });

    it('401, 403, 404, and 409 for someone who has attended or after the end', async () => {
      const { m, mem, sec } = await meeting();
      const url = path(m, `/participants/${mem.id}`);
      expectError(await anonymous(t).delete(url), 401, 'authentication_required');
      expectError(await member.api.delete(url), 403, 'forbidden');
      expectError(await outsider.api.delete(url), 404, 'not_found');
      expectError(await secretary.api.delete(path(m, '/participants/missing')), 404, 'not_found');
      await member.api.post(path(m, '/check-in'));
      expectError(await secretary.api.delete(url), 409, 'invalid_transition');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await staff.api.delete(path(m, `/participants/${sec.id}`)), 409, 'meeting_not_editable');
    });
  });

  describe('POST /api/meetings/:id/rsvp', () => {
    it('records the caller’s own answer and lets them change it', async () => {
      const { m } = await meeting();
      const res = await member.api.post<ParticipantView>(path(m, '/rsvp'), { response: 'confirmed' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ userId: member.id, attendance: 'confirmed' });
      expect(res.body.respondedAt).not.toBeNull();
      const declined = await member.api.post<ParticipantView>(path(m, '/rsvp'), { response: 'declined' });
      expect(declined.body.attendance).toBe('declined');
      // The same answer again records nothing new.
      await member.api.post(path(m, '/rsvp'), { response: 'declined' });
      expect((await meetingAuditActions(t, m.id)).filter((a) => a === 'participant.rsvp')).toHaveLength(2);
      expect((await member.api.get<MeetingDetail>(path(m))).body).toMatchObject({ myAttendance: 'declined' });
    });

    it('400 bad answer, 401, 403 for staff not on the list, 404 for outsiders, 409 after check-in or the end', async () => {
      const { m } = await meeting();
      expectFieldErrors(await member.api.post(path(m, '/rsvp'), { response: 'maybe' }), ['response']);
      expectError(await anonymous(t).post(path(m, '/rsvp'), { response: 'confirmed' }), 401, 'authentication_required');
      expectError(await staff.api.post(path(m, '/rsvp'), { response: 'confirmed' }), 403, 'forbidden');
      expectError(await outsider.api.post(path(m, '/rsvp'), { response: 'confirmed' }), 404, 'not_found');
      await member.api.post(path(m, '/check-in'));
      expectError(await member.api.post(path(m, '/rsvp'), { response: 'declined' }), 409, 'invalid_transition');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.post(path(m, '/rsvp'), { response: 'confirmed' }), 409, 'invalid_transition');
    });
  });

  describe('POST /api/meetings/:id/check-in', () => {
    it('checks the caller in once, keeping the first arrival time', async () => {
      const { m } = await meeting();
      await member.api.post(path(m, '/rsvp'), { response: 'declined' });
      const res = await member.api.post<ParticipantView>(path(m, '/check-in'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ attendance: 'checked_in', leftAt: null });
      const first = res.body.checkedInAt!;
      expect(Date.now() - Date.parse(first)).toBeLessThan(60_000);
      expect((await member.api.post<ParticipantView>(path(m, '/check-in'))).body.checkedInAt).toBe(first);
      // Re-entry after leaving (the live room records leaving).
      await t.db.prisma.participant.updateMany({
        where: { meetingId: m.id, userId: member.id },
        data: { attendance: 'left', leftAt: new Date() },
      });
      const back = await member.api.post<ParticipantView>(path(m, '/check-in'));
      expect(back.body).toMatchObject({ attendance: 'checked_in', checkedInAt: first, leftAt: null });
      const events = await t.db.prisma.auditEvent.findMany({
        where: { meetingId: m.id, action: 'participant.checked_in' },
      });
      expect(events.map((e) => e.data)).toEqual([
        { userId: member.id, onBehalf: false, previous: 'declined' },
        { userId: member.id, onBehalf: false, previous: 'left' },
      ]);
    });

    it('a guest checks in to their meeting', async () => {
      const { m } = await meeting();
      const guest = await createGuest(t, secretary.api, m.id);
      expect((await guest.api.post<ParticipantView>(path(m, '/check-in'))).body.attendance).toBe('checked_in');
    });

    it('401, 403 for staff not on the list, 404 for outsiders or a missing meeting, 409 for a draft or ended meeting', async () => {
      const { m } = await meeting();
      expectError(await anonymous(t).post(path(m, '/check-in')), 401, 'authentication_required');
      expectError(await staff.api.post(path(m, '/check-in')), 403, 'forbidden');
      expectError(await outsider.api.post(path(m, '/check-in')), 404, 'not_found');
      expectError(await member.api.post('/api/meetings/missing/check-in'), 404, 'not_found');
      await setMeetingStatus(t, m.id, 'draft');
      expectError(await member.api.post(path(m, '/check-in')), 409, 'invalid_transition');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await member.api.post(path(m, '/check-in')), 409, 'invalid_transition');
    });
  });

  describe('POST /api/meetings/:id/participants/:participantId/check-in (代签)', () => {
    it('lets the secretary check someone in on their behalf, marked as such', async () => {
      const { m, mem } = await meeting();
      await setMeetingStatus(t, m.id, 'live');
      const res = await secretary.api.post<ParticipantView>(path(m, `/participants/${mem.id}/check-in`));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: mem.id, attendance: 'checked_in' });
      const event = await t.db.prisma.auditEvent.findFirst({
        where: { meetingId: m.id, action: 'participant.checked_in' },
      });
      expect(event).toMatchObject({
        actorId: secretary.id,
        data: { userId: member.id, onBehalf: true, previous: 'invited' },
      });
      expect((await staff.api.post(path(m, `/participants/${mem.id}/check-in`))).status).toBe(200);
    });

    it('401, 403 for a plain member, 404 (outsider, missing participant), 409 after the end', async () => {
      const { m, sec, mem } = await meeting();
      const url = path(m, `/participants/${sec.id}/check-in`);
      expectError(await anonymous(t).post(url), 401, 'authentication_required');
      expectError(await member.api.post(url), 403, 'forbidden');
      expectError(await outsider.api.post(url), 404, 'not_found');
      expectError(await secretary.api.post(path(m, '/participants/missing/check-in')), 404, 'not_found');
      await setMeetingStatus(t, m.id, 'ended');
      expectError(await secretary.api.post(path(m, `/participants/${mem.id}/check-in`)), 409, 'invalid_transition');
    });
  });
});
