import { classifyOptions, verifyBallotBox } from '@xieshang/domain';
import type { BallotBoxExport, PollView } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import { checkInDirect, createRoom, expectStatus, type Person, type Room } from '../session/live-room.fixtures.js';

/** Kendall rank correlation between two orderings of the same ids (1: same order, -1: reversed). */
function kendallTau(a: readonly string[], b: readonly string[]): number {
  const rank = new Map(b.map((id, i) => [id, i]));
  const r = a.map((id) => rank.get(id)!);
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < r.length; i++) {
    for (let j = i + 1; j < r.length; j++) {
      if (r[i]! < r[j]!) concordant++;
      else discordant++;
    }
  }
  return (concordant - discordant) / ((r.length * (r.length - 1)) / 2);
}

describe('ballots: one per voter under races, secret storage, verifiable ballot box', () => {
  let t: TestApp;
  let room: Room;
  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 120);
    await checkInDirect(t, room.meetingId, [room.chair, room.guest, ...room.members]);
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
  });
  afterAll(async () => t?.close());

  async function openPoll(body: Record<string, unknown> = {}): Promise<string> {
    const created = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决',
      method: 'secret',
      ...body,
    });
    expectStatus(created, 201);
    expectStatus(await room.chair.api.post(`/api/polls/${created.body.id}/open`), 200);
    return created.body.id as string;
  }
  const vote = (p: Person, pollId: string, option = '赞成') => p.api.post(`/api/polls/${pollId}/ballots`, { option });
  const ballotRows = (pollId: string) => t.db.prisma.ballot.count({ where: { pollId } });
  const voterRows = (pollId: string) => t.db.prisma.pollVoter.count({ where: { pollId } });

  it('one voter, 50 parallel submits, 5 trials: exactly one ballot each time', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const pollId = await openPoll({ method: trial % 2 ? 'named' : 'secret' });
      const voter = room.members[trial]!;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => vote(voter, pollId, i % 2 ? '反对' : '赞成')),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'already_voted')).toBe(true);
      expect(await ballotRows(pollId)).toBe(1);
      expect(await voterRows(pollId)).toBe(1);
    }
  });

  it('40 voters × 5 parallel submits each: one ballot per voter', async () => {
    const pollId = await openPoll();
    const voters = room.members.slice(0, 40);
    const results = await Promise.all(voters.flatMap((v) => Array.from({ length: 5 }, () => vote(v, pollId))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(40);
    expect(results.filter((r) => r.status === 409)).toHaveLength(160);
    expect(await ballotRows(pollId)).toBe(40);
    expect(await voterRows(pollId)).toBe(40);
  });

  it('ballots racing the close: every accepted ballot is counted, none lands after', async () => {
    const pollId = await openPoll();
    const voters = room.members.slice(0, 60);
    const submits = voters.map((v, i) => vote(v, pollId, ['赞成', '反对', '弃权'][i % 3]));
    await new Promise((r) => setTimeout(r, 20));
    const close = room.chair.api.post(`/api/polls/${pollId}/close`);
    const results = await Promise.all(submits);
    expectStatus(await close, 200);
    const accepted = results.filter((r) => r.status === 201).length;
    const refused = results.filter((r) => r.status === 409);
    expect(accepted + refused.length).toBe(60);
    expect(refused.every((r) => r.body.error.code === 'poll_not_open')).toBe(true);
    const poll = (await room.chair.api.get(`/api/polls/${pollId}`)).body as PollView;
    expect(poll.results!.cast).toBe(accepted);
    expect(await ballotRows(pollId)).toBe(accepted);
    expect(await voterRows(pollId)).toBe(accepted);
  });

  describe('a 120-ballot secret poll', () => {
    let pollId: string;
    let submitOrder: string[];
    beforeAll(async () => {
      pollId = await openPoll({ title: '无记名表决：关于推荐年度优秀提案' });
      for (const [i, m] of room.members.entries()) {
        const res = await vote(m, pollId, ['赞成', '赞成', '反对', '弃权'][i % 4]);
        expectStatus(res, 201);
        expect(res.body).toEqual({ recorded: true });
      }
      // Before the close, heap order is the order of submission: that is what the close rewrites.
      submitOrder = (
        await t.db.prisma.$queryRaw<{ id: string }[]>`
        SELECT "id"::text AS "id" FROM "Ballot" WHERE "pollId" = ${pollId} ORDER BY ctid`
      ).map((r) => r.id);
      expectStatus(await room.chair.api.post(`/api/polls/${pollId}/close`), 200);
    });

    it('stores nothing that links a ballot to its voter', async () => {
      const columns = async (table: string) =>
        (
          await t.db.prisma.$queryRaw<{ column_name: string }[]>`
            SELECT column_name FROM information_schema.columns WHERE table_name = ${table} ORDER BY column_name`
        ).map((c) => c.column_name);
      // No time, no sequence, no voter but the (null for secret polls) named-poll column.
      expect(await columns('Ballot')).toEqual(['id', 'optionId', 'pollId', 'voterId']);
      expect(await columns('PollVoter')).toEqual(['pollId', 'userId']);
      const rows = await t.db.prisma.ballot.findMany({ where: { pollId } });
      expect(rows).toHaveLength(120);
      expect(rows.every((b) => b.voterId === null && /^[0-9a-f-]{36}$/.test(b.id))).toBe(true);
      // The audit chain knows who voted, never what.
      const cast = await t.db.prisma.auditEvent.findMany({ where: { entityId: pollId, action: 'poll.ballot_cast' } });
      expect(cast).toHaveLength(120);
      expect(cast.every((e) => e.data === null)).toBe(true);
      const export_ = (await room.members[0]!.api.get(`/api/polls/${pollId}/ballot-box`)).body as BallotBoxExport;
      expect(export_.ballots.every((b) => b.voterId === null)).toBe(true);
    });

    it('rewrites the box at close: storage order no longer follows submission order', async () => {
      const stored = (
        await t.db.prisma.$queryRaw<{ id: string }[]>`
        SELECT "id"::text AS "id" FROM "Ballot" WHERE "pollId" = ${pollId} ORDER BY ctid`
      ).map((r) => r.id);
      expect(new Set(stored)).toEqual(new Set(submitOrder));
      expect(stored).toEqual([...stored].sort());
      // Random UUIDs: |τ| has σ ≈ 0.06 for n = 120; 0.25 is four σ.
      expect(Math.abs(kendallTau(submitOrder, stored))).toBeLessThan(0.25);
    });

    it('publishes a ballot box anyone can recount, with the digest recorded in the audit chain', async () => {
      const poll = (await room.guest.api.get(`/api/polls/${pollId}`)).body as PollView;
      expect(poll.results).toMatchObject({
        counts: { 赞成: 60, 反对: 30, 弃权: 30 },
        cast: 120,
        abstained: 30,
        outcome: 'adopted',
      });
      const box = (await room.guest.api.get(`/api/polls/${pollId}/ballot-box`)).body as BallotBoxExport;
      expect(box.voters).toEqual(room.members.map((m) => m.id).sort());
      expect(verifyBallotBox(box, classifyOptions(box.options), poll.results!.digest).intact).toBe(true);
      const closedEvent = await t.db.prisma.auditEvent.findFirst({
        where: { entityId: pollId, action: 'poll.closed' },
      });
      expect(closedEvent!.data).toMatchObject({ digest: box.digest, nVoted: 120, cast: 120 });
    });

    it('detects a flipped ballot in the database against the published digest', async () => {
      const published = ((await room.guest.api.get(`/api/polls/${pollId}`)).body as PollView).results!.digest;
      const victim = await t.db.prisma.ballot.findFirst({ where: { pollId, option: { label: '反对' } } });
      const yes = await t.db.prisma.pollOption.findUnique({ where: { pollId_label: { pollId, label: '赞成' } } });
      await t.db.prisma.ballot.update({ where: { id: victim!.id }, data: { optionId: yes!.id } });
      const box = (await room.guest.api.get(`/api/polls/${pollId}/ballot-box`)).body as BallotBoxExport;
      const check = verifyBallotBox({ ...box, counts: box.counts }, classifyOptions(box.options), published);
      // The export recomputes from the tampered rows: the recount disagrees with the published counts and digest.
      expect(check.countsMatch).toBe(false);
      expect(check.intact).toBe(false);
      await t.db.prisma.ballot.update({ where: { id: victim!.id }, data: { optionId: victim!.optionId } });
    });
  });

  it('detects an edited audit row: /audit/verify reports where the chain breaks', async () => {
    const before = await room.members[0]!.api.get(`/api/meetings/${room.meetingId}/audit/verify`);
    expect(before.body).toMatchObject({ intact: true, brokenAt: null });
    const target = await t.db.prisma.auditEvent.findFirst({
      where: { meetingId: room.meetingId, action: 'poll.closed' },
      orderBy: { seq: 'asc' },
    });
    const original = target!.data;
    await t.db.prisma.auditEvent.update({
      where: { id: target!.id },
      data: { data: { ...(original as { cast: number }), cast: (original as { cast: number }).cast + 1 } },
    });
    const after = await room.members[0]!.api.get(`/api/meetings/${room.meetingId}/audit/verify`);
    expect(after.body).toMatchObject({ intact: false, brokenAt: target!.seq, headHash: null });
    await t.db.prisma.auditEvent.update({ where: { id: target!.id }, data: { data: original as object } });
    const restored = await room.members[0]!.api.get(`/api/meetings/${room.meetingId}/audit/verify`);
    expect(restored.body.intact).toBe(true);
    // Deleting a row breaks the sequence too.
    const last = await t.db.prisma.auditEvent.findFirst({
      where: { meetingId: room.meetingId },
      orderBy: { seq: 'desc' },
    });
    const middle = await t.db.prisma.auditEvent.findFirst({
      where: { meetingId: room.meetingId, seq: Math.floor(last!.seq / 2) },
    });
    await t.db.prisma.auditEvent.delete({ where: { id: middle!.id } });
    const deleted = await room.members[0]!.api.get(`/api/meetings/${room.meetingId}/audit/verify`);
    expect(deleted.body).toMatchObject({ intact: false, brokenAt: middle!.seq });
  });
});

describe('polls: rules, options, rights and validation through the API', () => {
  let t: TestApp;
  let room: Room;
  beforeAll(async () => {
    t = await startTestApp();
    room = await createRoom(t, 9);
    // 6 of 9 members and the chair are present (应到 10, 实到 7).
    await checkInDirect(t, room.meetingId, [room.chair, room.guest, ...room.members.slice(0, 6)]);
    expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/start`), 200);
  });
  afterAll(async () => t?.close());

  async function run(body: Record<string, unknown>, votes: Array<[Person, string]>): Promise<PollView> {
    const created = await room.secretary.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决',
      method: 'named',
      ...body,
    });
    expectStatus(created, 201);
    expectStatus(await room.secretary.api.post(`/api/polls/${created.body.id}/open`), 200);
    for (const [p, option] of votes)
      expectStatus(await p.api.post(`/api/polls/${created.body.id}/ballots`, { option }), 201);
    const closed = await room.secretary.api.post(`/api/polls/${created.body.id}/close`);
    expectStatus(closed, 200);
    return closed.body as PollView;
  }
  const m = (i: number) => room.members[i]!;

  it('two thirds of those entitled: 6 of 10 is not enough', async () => {
    const poll = await run(
      { rule: 'two_thirds_entitled' },
      [0, 1, 2, 3, 4, 5].map((i): [Person, string] => [m(i), '赞成']),
    );
    expect(poll.results).toMatchObject({ entitled: 10, present: 7, cast: 6, required: 7, outcome: 'rejected' });
  });

  it('majority of those present: 4 of 7 is enough', async () => {
    const poll = await run({ rule: 'majority_present' }, [
      [m(0), '赞成'],
      [m(1), '赞成'],
      [m(2), '赞成'],
      [m(3), '赞成'],
      [m(4), '弃权'],
    ]);
    expect(poll.results).toMatchObject({ present: 7, required: 4, outcome: 'adopted' });
  });

  it('a quorum of ballots cast: too few voters is no_quorum whatever they chose', async () => {
    const poll = await run({ quorum: { basis: 'cast', threshold: 'majority' } }, [
      [m(0), '赞成'],
      [m(1), '赞成'],
    ]);
    expect(poll.results).toMatchObject({ outcome: 'no_quorum', cast: 2 });
  });

  it('an empty poll is rejected, with every option at zero', async () => {
    const poll = await run({}, []);
    expect(poll.results).toMatchObject({ counts: { 赞成: 0, 反对: 0, 弃权: 0 }, cast: 0, outcome: 'rejected' });
  });

  it('a choice between alternatives, guests allowed to vote', async () => {
    const poll = await run({ options: ['方案一', '方案二', '弃权'], allowGuests: true }, [
      [m(0), '方案一'],
      [m(1), '方案一'],
      [m(2), '方案一'],
      [m(3), '方案二'],
      [room.guest, '方案二'],
    ]);
    expect(poll.options).toEqual(['方案一', '方案二', '弃权']);
    expect(poll.results).toMatchObject({
      counts: { 方案一: 3, 方案二: 2, 弃权: 0 },
      entitled: 11,
      outcome: 'adopted',
      winner: '方案一',
    });
  });

  it('a tie rejects', async () => {
    const poll = await run({}, [
      [m(0), '赞成'],
      [m(1), '反对'],
    ]);
    expect(poll.results).toMatchObject({ outcome: 'rejected', required: 2 });
  });

  it('refuses a ballot from a member who has not checked in', async () => {
    const created = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决',
      method: 'secret',
    });
    await room.chair.api.post(`/api/polls/${created.body.id}/open`);
    const res = await m(8).api.post(`/api/polls/${created.body.id}/ballots`, { option: '赞成' });
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('not_checked_in');
    const view = await m(8).api.get(`/api/polls/${created.body.id}`);
    expect(view.body).toMatchObject({ canVote: false, hasVoted: false });
    await room.chair.api.post(`/api/polls/${created.body.id}/close`);
  });

  it('validates bodies and hides polls from outsiders', async () => {
    const bad = [
      {},
      { title: '表决', method: 'open' },
      { title: '表决', method: 'secret', options: ['赞成', '赞成'] },
      { title: '表决', method: 'secret', options: ['唯一'] },
      { title: '表决', method: 'secret', rule: 'unanimity' },
      { title: '表决', method: 'secret', quorum: { basis: 'cast', threshold: 'all' } },
      { title: '', method: 'secret' },
      { title: '表决', method: 'secret', agendaItemId: 'nope' },
      { title: '表决', method: 'secret', documentVersionId: 'nope' },
    ];
    for (const body of bad) expectStatus(await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, body), 400);
    expectStatus(
      await m(0).api.post(`/api/meetings/${room.meetingId}/polls`, { title: '表决', method: 'secret' }),
      403,
    );
    expectStatus(await room.chair.api.get('/api/polls/does-not-exist'), 404);
    const created = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '表决',
      method: 'secret',
    });
    expectStatus(await room.chair.api.post(`/api/polls/${created.body.id}/close`), 409);
    const outsider = await createRoom(t, 1);
    expectStatus(await outsider.members[0]!.api.get(`/api/polls/${created.body.id}`), 404);
    expectStatus(await outsider.chair.api.post(`/api/polls/${created.body.id}/open`), 404);
    expectStatus(await outsider.members[0]!.api.post(`/api/polls/${created.body.id}/ballots`, { option: '赞成' }), 404);
    expectStatus(await m(0).api.post(`/api/polls/${created.body.id}/ballots`, { option: 42 }), 400);
    expectStatus(await m(0).api.post(`/api/polls/${created.body.id}/ballots`, '{"option":'), 400);
  });

  it('binds a poll to a frozen document version and its content hash', async () => {
    const doc = await t.db.prisma.document.create({
      data: { kind: 'report', title: '协商意见（表决稿）', ownerId: room.staff.id, meetingId: room.meetingId },
    });
    const version = await t.db.prisma.documentVersion.create({
      data: {
        documentId: doc.id,
        number: 1,
        name: '表决稿',
        authorId: room.staff.id,
        state: Buffer.from([0]),
        text: '全文',
        contentHash: 'a'.repeat(64),
      },
    });
    const created = await room.chair.api.post(`/api/meetings/${room.meetingId}/polls`, {
      title: '关于协商意见（表决稿）的表决',
      method: 'named',
      documentVersionId: version.id,
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ documentVersionId: version.id, documentHash: 'a'.repeat(64) });
  });
});
