import type { MeetingLiveState, PollView } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { connect, createRoom, eventually, expectStatus, type Person, type Room, type RoomClient } from './live-room.fixtures.js';

/**
 * A whole 协商座谈会 with 30 members on real socket.io connections: check-in, agenda, speakers,
 * opinions, a named and a secret vote with exact results, and the hash-chained audit log.
 */
describe('live meeting: 30 members check in, speak, give opinions and vote', () => {
  let t: TestApp;
  let room: Room;
  let clients: Map<string, RoomClient>;
  const everyone = () => [room.chair, room.secretary, room.observer, room.guest, ...room.members];
  const client = (p: Person) => clients.get(p.id)!;

  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 30);
    clients = new Map();
    for (const p of everyone()) clients.set(p.id, await connect(t.baseUrl, p, room.meetingId));
  });
  afterAll(async () => {
    for (const c of clients?.values() ?? []) c.close();
    await t?.close();
  });

  it('sends each connection the room state at once', () => {
    const state = client(room.members[0]!).events('session.state')[0] as MeetingLiveState;
    expect(state).toMatchObject({ meetingId: room.meetingId, status: 'scheduled', currentAgendaItemId: null, polls: [] });
    expect(state.agenda.map((a) => a.id)).toEqual(room.items);
    expect(state.attendance).toMatchObject({ entitled: 31, present: 0, required: 16, quorumMet: false });
    expect(state.me).toEqual({ userId: room.members[0]!.id, role: 'member', canRun: false });
    expect((client(room.chair).events('session.state')[0] as MeetingLiveState).me.canRun).toBe(true);
  });

  it('only organisers start the meeting; everyone sees it go live', async () => {
    expectStatus(await room.members[0]!.api.post(`/api/meetings/${room.meetingId}/start`), 403);
    const res = await room.chair.api.post(`/api/meetings/${room.meetingId}/start`);
    expectStatus(res, 200);
    expect(res.body.status).toBe('live');
    for (const p of everyone()) await client(p).next('meeting.status', (e) => e.status === 'live');
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 409);
  });

  it('30 members and the chair check in; attendance reaches the quorum', async () => {
    for (const p of [room.chair, ...room.members]) expectStatus(await p.api.post(`/api/meetings/${room.meetingId}/check-in`), 200);
    const att = await room.observer.api.get(`/api/meetings/${room.meetingId}/attendance`);
    expectStatus(att, 200);
    expect(att.body).toMatchObject({ entitled: 31, present: 31, required: 16, quorumMet: true });
    const me = att.body.attendees.find((a: { userId: string }) => a.userId === room.members[3]!.id);
    expect(me).toMatchObject({ role: 'member', attendance: 'checked_in', entitled: true, presence: 'online' });
    expect(att.body.attendees.find((a: { userId: string }) => a.userId === room.observer.id).entitled).toBe(false);
  });

  it('the chair moves to the first item; its timer starts from the planned minutes', async () => {
    const res = await room.secretary.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[0] });
    expectStatus(res, 200);
    expect(res.body.currentAgendaItemId).toBe(room.items[0]);
    expect(res.body.itemTimer).toMatchObject({ elapsedMs: 0, limitSeconds: 15 * 60 });
    expect(res.body.itemTimer.runningSince).not.toBeNull();
    for (const p of everyone()) await client(p).next('agenda.current', (e) => e.currentAgendaItemId === room.items[0]);
    const paused = await room.chair.api.post(`/api/meetings/${room.meetingId}/live/item-timer`, { action: 'pause' });
    expectStatus(paused, 200);
    expect(paused.body.itemTimer.runningSince).toBeNull();
    await client(room.members[9]!).next('agenda.timer', (e) => e.itemTimer.runningSince === null);
    expectStatus(await room.members[0]!.api.post(`/api/meetings/${room.meetingId}/live/item-timer`, { action: 'start' }), 403);
    const moved = await room.chair.api.post(`/api/meetings/${room.meetingId}/live/current-item`, { agendaItemId: room.items[1] });
    expect(moved.body.agenda.map((a: { status: string }) => a.status)).toEqual(['done', 'active', 'pending']);
  });

  it('members ask to speak, the chair reorders and grants the floor, every speech is recorded', async () => {
    const speakers = room.members.slice(0, 5);
    for (const [i, m] of speakers.entries()) {
      expectStatus(await m.api.post(`/api/meetings/${room.meetingId}/speakers`, { topic: `关于养老服务的第${i + 1}点意见` }), 201);
    }
    expectStatus(await speakers[0]!.api.post(`/api/meetings/${room.meetingId}/speakers`, {}), 409);
    expectStatus(await room.observer.api.post(`/api/meetings/${room.meetingId}/speakers`, {}), 403);
    const queue = (await room.members[20]!.api.get(`/api/meetings/${room.meetingId}/speakers`)).body.queue as Array<{ id: string; user: { id: string } }>;
    expect(queue.map((q) => q.user.id)).toEqual(speakers.map((s) => s.id));
    const reversed = [...queue].reverse().map((q) => q.id);
    expectStatus(await room.members[0]!.api.put(`/api/meetings/${room.meetingId}/speakers/order`, { requestIds: reversed }), 403);
    expectStatus(await room.chair.api.put(`/api/meetings/${room.meetingId}/speakers/order`, { requestIds: reversed }), 200);
    await client(room.members[29]!).next('speakers.changed', (e) => e.queue[0]?.id === reversed[0]);

    for (const id of reversed) {
      const granted = await room.chair.api.post(`/api/meetings/${room.meetingId}/speakers/${id}/grant`, { limitSeconds: 300 });
      expectStatus(granted, 200);
      expect(granted.body.current).toMatchObject({ requestId: id, limitSeconds: 300, agendaItemId: room.items[1], endedAt: null });
    }
    // The last speaker ends their own speech; someone else may not.
    const lastSpeaker = speakers[0]!;
    expectStatus(await room.members[10]!.api.post(`/api/meetings/${room.meetingId}/speakers/end`), 403);
    expectStatus(await lastSpeaker.api.post(`/api/meetings/${room.meetingId}/speakers/end`), 200);
    await client(room.guest).next('speakers.changed', (e) => e.current === null && e.queue.length === 0);

    const speeches = (await room.observer.api.get(`/api/meetings/${room.meetingId}/speeches`)).body.items as Array<{
      speaker: { id: string };
      agendaItemId: string;
      startedAt: string;
      endedAt: string | null;
    }>;
    expect(speeches.map((s) => s.speaker.id)).toEqual([...speakers].reverse().map((s) => s.id));
    for (const s of speeches) {
      expect(s.agendaItemId).toBe(room.items[1]);
      expect(s.endedAt).not.toBeNull();
      expect(Date.parse(s.endedAt!)).toBeGreaterThanOrEqual(Date.parse(s.startedAt));
    }
  });

  it('members give opinions that everyone sees live', async () => {
    const stances = ['support', 'oppose', 'supplement', 'other'] as const;
    for (const [i, m] of room.members.slice(0, 12).entries()) {
      const res = await m.api.post(`/api/meetings/${room.meetingId}/opinions`, {
        agendaItemId: room.items[1],
        stance: stances[i % 4],
        content: `建议${i + 1}：加大对农村互助养老点的财政支持。`,
      });
      expectStatus(res, 201);
    }
    await eventually(() => expect(client(room.observer).events('opinion.created')).toHaveLength(12));
    const support = await room.guest.api.get(`/api/meetings/${room.meetingId}/opinions?agendaItemId=${room.items[1]}&stance=support`);
    expect(support.body.total).toBe(3);
  });

  async function runPoll(method: 'named' | 'secret', votes: Record<string, number>): Promise<PollView> {
    const created = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: method === 'named' ? '关于《养老服务协商意见（表决稿）》的表决' : '关于推荐优秀提案的无记名表决',
      method,
      agendaItemId: room.items[1],
    });
    expectStatus(created, 201);
    expect(created.body.options).toEqual(['赞成', '反对', '弃权']);
    const pollId = created.body.id as string;
    // A member cannot see the draft nor vote before it opens.
    expectStatus(await room.members[0]!.api.get(`/api/polls/${pollId}`), 404);
    expectStatus(await room.members[0]!.api.post(`/api/polls/${pollId}/ballots`, { option: '赞成' }), 409);
    expectStatus(await room.chair.api.post(`/api/polls/${pollId}/open`), 200);
    for (const p of everyone()) await client(p).next('poll.opened', (e) => e.poll.id === pollId);

    const choices = Object.entries(votes).flatMap(([option, n]) => Array<string>(n).fill(option));
    await Promise.all(
      room.members.map(async (m, i) => expectStatus(await m.api.post(`/api/polls/${pollId}/ballots`, { option: choices[i] }), 201)),
    );
    await client(room.observer).next('poll.progress', (e) => e.pollId === pollId && e.cast === 30);
    expect(client(room.members[0]!).events('poll.voted').some((e) => e.pollId === pollId)).toBe(true);

    // Not entitled: observer; guest (not allowed by this poll); secretary. Second ballot: 409.
    expectStatus(await room.observer.api.post(`/api/polls/${pollId}/ballots`, { option: '赞成' }), 403);
    expectStatus(await room.guest.api.post(`/api/polls/${pollId}/ballots`, { option: '赞成' }), 403);
    expectStatus(await room.secretary.api.post(`/api/polls/${pollId}/ballots`, { option: '赞成' }), 403);
    const again = await room.members[0]!.api.post(`/api/polls/${pollId}/ballots`, { option: '反对' });
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('already_voted');
    // Not an option of this poll: 400, whoever asks.
    expectStatus(await room.members[1]!.api.post(`/api/polls/${pollId}/ballots`, { option: '同意' }), 400);

    const mid = await room.members[0]!.api.get(`/api/polls/${pollId}`);
    expect(mid.body).toMatchObject({ status: 'open', cast: 30, hasVoted: true, canVote: false, results: null });
    expectStatus(await room.members[0]!.api.post(`/api/polls/${pollId}/close`), 403);
    const closed = await room.chair.api.post(`/api/polls/${pollId}/close`);
    expectStatus(closed, 200);
    for (const p of everyone()) await client(p).next('poll.closed', (e) => e.pollId === pollId);
    const late = await room.chair.api.post(`/api/polls/${pollId}/ballots`, { option: '赞成' });
    expectStatus(late, 409);
    expect(late.body.error.code).toBe('poll_not_open');
    return (await room.observer.api.get(`/api/polls/${pollId}`)).body as PollView;
  }

  it('a named poll: exact counts, outcome, and each member’s choice after close', async () => {
    const poll = await runPoll('named', { 赞成: 18, 反对: 7, 弃权: 5 });
    expect(poll.results).toMatchObject({
      counts: { 赞成: 18, 反对: 7, 弃权: 5 },
      cast: 30,
      abstained: 5,
      entitled: 31,
      present: 31,
      outcome: 'adopted',
      required: 13,
    });
    expect(poll.results!.votes).toHaveLength(30);
    expect(poll.results!.votes!.find((v) => v.userId === room.members[0]!.id)!.option).toBe('赞成');
    expect(poll.results!.votes!.find((v) => v.userId === room.members[29]!.id)!.option).toBe('弃权');
    const mine = await room.members[29]!.api.get(`/api/polls/${poll.id}`);
    expect(mine.body).toMatchObject({ hasVoted: true, myChoice: '弃权' });
    const pushed = client(room.members[5]!).events('poll.closed').find((e) => e.pollId === poll.id)!;
    expect(pushed.results).toEqual(poll.results);
  });

  it('a secret poll: exact counts, and nobody — not even the voter — sees who chose what', async () => {
    const poll = await runPoll('secret', { 赞成: 10, 反对: 14, 弃权: 6 });
    expect(poll.results).toMatchObject({ counts: { 赞成: 10, 反对: 14, 弃权: 6 }, cast: 30, outcome: 'rejected', required: 13 });
    expect(poll.results!.votes).toBeUndefined();
    const mine = await room.members[0]!.api.get(`/api/polls/${poll.id}`);
    expect(mine.body).toMatchObject({ hasVoted: true, myChoice: null });
    const rows = await t.db.prisma.ballot.findMany({ where: { pollId: poll.id } });
    expect(rows).toHaveLength(30);
    expect(rows.every((b) => b.voterId === null)).toBe(true);
    // Nothing pushed during the vote carried a choice.
    const pushed = JSON.stringify(client(room.observer).events('poll.progress'));
    expect(pushed).not.toMatch(/赞成|反对|弃权/);
  });

  it('a reconnecting member gets polls with whether they voted', async () => {
    const again = await connect(t.baseUrl, room.members[3]!, room.meetingId);
    const state = again.events('session.state')[0] as MeetingLiveState;
    again.close();
    expect(state.polls).toHaveLength(2);
    expect(state.polls.map((p) => [p.status, p.hasVoted, p.results?.cast])).toEqual([
      ['closed', true, 30],
      ['closed', true, 30],
    ]);
    expect(state.opinions).toHaveLength(12);
    expect(state.currentAgendaItemId).toBe(room.items[1]);
  });

  it('ends the meeting: the item closes, opinions on it are final', async () => {
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/end`), 200);
    for (const p of everyone()) await client(p).next('meeting.status', (e) => e.status === 'ended');
    const opinion = client(room.observer).events('opinion.created')[0]!.opinion;
    const author = room.members.find((m) => m.id === opinion.author.id)!;
    const edit = await author.api.patch(`/api/opinions/${opinion.id}`, { content: '修改后的意见' });
    expectStatus(edit, 409);
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/end`), 409);
  });

  it('every step is in the meeting’s intact audit chain', async () => {
    const res = await room.members[7]!.api.get(`/api/meetings/${room.meetingId}/audit/verify`);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ scope: `meeting:${room.meetingId}`, intact: true, brokenAt: null });
    const actions = await t.db.prisma.auditEvent.groupBy({
      by: ['action'],
      where: { meetingId: room.meetingId },
      _count: { _all: true },
    });
    const count = Object.fromEntries(actions.map((a) => [a.action, a._count._all]));
    expect(count).toMatchObject({
      'meeting.started': 1,
      'participant.checked_in': 31,
      'agenda.moved': 2,
      'speaker.requested': 5,
      'speech.started': 5,
      'speech.ended': 5,
      'opinion.created': 12,
      'poll.created': 2,
      'poll.opened': 2,
      'poll.ballot_cast': 60,
      'poll.closed': 2,
      'meeting.ended': 1,
    });
    expect(res.body.length).toBe(actions.reduce((n, a) => n + a._count._all, 0));
  });
});
