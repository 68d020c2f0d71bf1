import { createHash } from 'node:crypto';
import type { InvitationList, InvitationView, MeetingDetail } from '@xieshang/protocol';
import { InvitationView as InvitationViewSchema } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
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
} from './meeting.fixtures.js';

describe('guest invitations API (organiser side)', () => {
  let t: TestApp;
  let staff: Actor;
  let chair: Actor;
  let member: Actor;
  let outsider: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createActor(t, 'staff');
    chair = await createActor(t, 'member', '主持人');
    member = await createActor(t, 'member');
    outsider = await createActor(t, 'member');
  });
  afterAll(async () => t?.close());

  async function meeting(): Promise<MeetingDetail> {
    const m = await createMeeting(staff.api);
    await addParticipant(staff.api, m.id, chair.id, 'chair');
    await addParticipant(staff.api, m.id, member.id, 'member');
    return m;
  }
  const path = (m: { id: string }, rest = '') => `/api/meetings/${m.id}/invitations${rest}`;

  it('creates a link shown once, stores only its SHA-256, and the guest can use it', async () => {
    const m = await meeting();
    const before = Date.now();
    const res = await chair.api.post<InvitationView>(path(m), {
      name: '王局长',
      affiliation: '县民政局',
      expiresInHours: 48,
      maxUses: 2,
    });
    expect(res.status).toBe(201);
    const view = InvitationViewSchema.parse(res.body);
    expect(view).toMatchObject({
      meetingId: m.id,
      role: 'guest',
      name: '王局长',
      affiliation: '县民政局',
      maxUses: 2,
      uses: 0,
      revokedAt: null,
      state: 'active',
    });
    const expiresIn = Date.parse(view.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(47.9 * 3600_000);
    expect(expiresIn).toBeLessThan(48.1 * 3600_000);

    const token = /^\/invite\/([A-Za-z0-9_-]{43})$/.exec(view.url!)![1]!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.db.prisma.invitation.findUniqueOrThrow({ where: { id: view.id } });
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await chair.api.get<InvitationList>(path(m));
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('url');

    // The guest side accepts it: the link works and its use is counted.
    const accepted = await apiClient(t.baseUrl).post(`/api/invitations/${token}/accept`, { displayName: '王局长' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.meetingId).toBe(m.id);
    expect((await chair.api.get<InvitationList>(path(m))).body.items[0]).toMatchObject({ uses: 1, state: 'active' });
    expect(await meetingAuditActions(t, m.id)).toContain('invitation.created');
    const event = await t.db.prisma.auditEvent.findFirst({ where: { meetingId: m.id, action: 'invitation.created' } });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('defaults to one guest use for 72 hours; observers too', async () => {
    const m = await meeting();
    const res = await staff.api.post<InvitationView>(path(m), {});
    expect(res.body).toMatchObject({ role: 'guest', maxUses: 1, name: null });
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    expect((await staff.api.post<InvitationView>(path(m), { role: 'observer' })).body.role).toBe('observer');
  });

  it('revokes a link: it stops working, stays listed as revoked, and revoking again is harmless', async () => {
    const m = await meeting();
    const created = (await chair.api.post<InvitationView>(path(m), {})).body;
    const token = created.url!.replace('/invite/', '');
    expect((await chair.api.delete(path(m, `/${created.id}`))).status).toBe(204);
    const listed = (await chair.api.get<InvitationList>(path(m))).body.items[0]!;
    expect(listed).toMatchObject({ id: created.id, state: 'revoked' });
    expect(listed.revokedAt).not.toBeNull();
    expectError(
      await apiClient(t.baseUrl).post(`/api/invitations/${token}/accept`, { displayName: '来宾' }),
      404,
      'invitation_invalid',
    );
    expect((await chair.api.delete(path(m, `/${created.id}`))).status).toBe(204);
    expect((await meetingAuditActions(t, m.id)).filter((a) => a === 'invitation.revoked')).toHaveLength(1);
  });

  it('lists newest first with derived states', async () => {
    const m = await meeting();
    const a = (await staff.api.post<InvitationView>(path(m), { name: '甲' })).body;
    const b = (await staff.api.post<InvitationView>(path(m), { name: '乙' })).body;
    await t.db.prisma.invitation.update({ where: { id: a.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const items = (await staff.api.get<InvitationList>(path(m))).body.items;
    expect(items.map((i) => [i.name, i.state])).toEqual([
      ['乙', 'active'],
      ['甲', 'expired'],
    ]);
    expect(items[0]!.id).toBe(b.id);
  });

  it('400 with the failing fields (a link can only make guests or observers)', async () => {
    const m = await meeting();
    expectFieldErrors(await staff.api.post(path(m), { role: 'chair', expiresInHours: 0, maxUses: 501 }), [
      'role',
      'expiresInHours',
      'maxUses',
    ]);
    expectFieldErrors(await staff.api.post(path(m), { expiresInHours: 721, name: 'x'.repeat(65) }), [
      'expiresInHours',
      'name',
    ]);
  });

  it('401 without a token, 403 for a plain member, 404 for outsiders and missing meetings or invitations', async () => {
    const m = await meeting();
    const created = (await staff.api.post<InvitationView>(path(m), {})).body;
    for (const [method, url] of [
      ['POST', path(m)],
      ['GET', path(m)],
      ['DELETE', path(m, `/${created.id}`)],
    ] as const) {
      expectError(
        await anonymous(t).request(method, url, method === 'POST' ? {} : undefined),
        401,
        'authentication_required',
      );
      expectError(await member.api.request(method, url, method === 'POST' ? {} : undefined), 403, 'forbidden');
      expectError(await outsider.api.request(method, url, method === 'POST' ? {} : undefined), 404, 'not_found');
    }
    expectError(await staff.api.post('/api/meetings/missing/invitations', {}), 404, 'not_found');
    expectError(await staff.api.delete(path(m, '/missing')), 404, 'not_found');
    const other = await meeting();
    expectError(await staff.api.delete(path(other, `/${created.id}`)), 404, 'not_found');
  });

  it('409 meeting_not_editable for new links once the meeting has ended; revoking still works', async () => {
    const m = await meeting();
    const created = (await staff.api.post<InvitationView>(path(m), {})).body;
    await setMeetingStatus(t, m.id, 'ended');
    expectError(await staff.api.post(path(m), {}), 409, 'meeting_not_editable');
    expect((await staff.api.delete(path(m, `/${created.id}`))).status).toBe(204);
  });
});
