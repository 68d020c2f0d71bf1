import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../../src/audit/audit.service.js';
import { PasswordHasher } from '../../../src/auth/password-hasher.js';
import { DEMO_MEETINGS, DEMO_PEOPLE } from '../../../src/seed/demo-committee.js';
import { seedDemoCommittee } from '../../../src/seed/seed-demo.js';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

const PASSWORD = 'seed-test-password-1';

describe('npm run seed: the demo committee', () => {
  let t: TestApp;
  const hasher = new PasswordHasher();
  const seed = () => seedDemoCommittee(t.db.prisma, { password: PASSWORD, hashPassword: (p) => hasher.hash(p) });
  const login = async (username: string) => {
    const res = await apiClient(t.baseUrl).post('/api/auth/login', { username, password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return apiClient(t.baseUrl, res.body.accessToken);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('creates members, staff, two past meetings and one upcoming, then changes nothing on a second run', async () => {
    const first = await seed();
    expect(first.created).toBe(true);
    expect(first.meetings.map((m) => m.status)).toEqual(['ended', 'ended', 'scheduled']);
    const counts = async () => ({
      users: await t.db.prisma.user.count(),
      meetings: await t.db.prisma.meeting.count(),
      agenda: await t.db.prisma.agendaItem.count(),
      participants: await t.db.prisma.participant.count(),
      audit: await t.db.prisma.auditEvent.count(),
    });
    const before = await counts();
    expect(before.users).toBe(DEMO_PEOPLE.length + 1); // + admin
    expect(before.meetings).toBe(3);

    const second = await seed();
    expect(second.created).toBe(false);
    expect(second.meetings.map((m) => m.id)).toEqual(first.meetings.map((m) => m.id));
    expect(await counts()).toEqual(before);
  });

  it('lets a member sign in and see exactly the meetings they take part in, with the agenda in order', async () => {
    const member = await login('zhanghaitao'); // invited to the upcoming meeting only
    const list = await member.get('/api/meetings');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { title: string }) => m.title)).toEqual([DEMO_MEETINGS[2]!.title]);
    const detail = await member.get(`/api/meetings/${list.body.items[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.agenda.map((a: { title: string }) => a.title)).toEqual(
      DEMO_MEETINGS[2]!.agenda.map((a) => a.title),
    );
    expect(new Date(detail.body.scheduledAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('gives the staff account every meeting, with attendance recorded for the past ones', async () => {
    const staff = await login('zhouxiaoyan');
    const list = await staff.get('/api/meetings');
    expect(list.body.total).toBe(3);
    const past = list.body.items.find((m: { title: string }) => m.title === DEMO_MEETINGS[0]!.title);
    const detail = await staff.get(`/api/meetings/${past.id}`);
    const attendance = detail.body.participants.map((p: { attendance: string }) => p.attendance);
    expect(attendance).toContain('checked_in');
    expect(attendance).toContain('declined');
  });

  it('writes audit events whose hash chains verify', async () => {
    const audit = new AuditService(t.db.prisma);
    expect(await audit.verify('global')).toMatchObject({ intact: true });
    const meeting = await t.db.prisma.meeting.findFirstOrThrow();
    expect(await audit.verify(`meeting:${meeting.id}`)).toMatchObject({ intact: true });
  });
});
