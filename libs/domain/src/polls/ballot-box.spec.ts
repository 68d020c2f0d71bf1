import { describe, expect, it } from 'vitest';
import { classifyOptions } from './options.js';
import { ballotBoxDigest, verifyBallotBox, type BallotBox } from './ballot-box.js';

const options = classifyOptions(['赞成', '反对', '弃权']);
const box = (over: Partial<BallotBox> = {}): BallotBox => ({
  pollId: 'p1',
  method: 'secret',
  options: ['赞成', '反对', '弃权'],
  ballots: [
    { id: 'b-3', option: '赞成', voterId: null },
    { id: 'b-1', option: '反对', voterId: null },
    { id: 'b-2', option: '赞成', voterId: null },
  ],
  voters: ['u2', 'u1', 'u3'],
  counts: { 赞成: 2, 反对: 1, 弃权: 0 },
  ...over,
});

describe('ballotBoxDigest', () => {
  it('is a SHA-256 hex digest independent of ballot and register order', () => {
    const d = ballotBoxDigest(box());
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(ballotBoxDigest(box({ ballots: [...box().ballots].reverse(), voters: ['u3', 'u2', 'u1'] }))).toBe(d);
  });
  it('changes when a ballot is flipped, added or removed, or a voter is added', () => {
    const d = ballotBoxDigest(box());
    const [a, b, c] = box().ballots;
    expect(ballotBoxDigest(box({ ballots: [{ ...a!, option: '反对' }, b!, c!] }))).not.toBe(d);
    expect(ballotBoxDigest(box({ ballots: [a!, b!] }))).not.toBe(d);
    expect(ballotBoxDigest(box({ ballots: [a!, b!, c!, { id: 'b-4', option: '赞成', voterId: null }] }))).not.toBe(d);
    expect(ballotBoxDigest(box({ voters: ['u1', 'u2', 'u3', 'u4'] }))).not.toBe(d);
    expect(ballotBoxDigest(box({ pollId: 'p2' }))).not.toBe(d);
  });
});

describe('verifyBallotBox', () => {
  it('accepts an untouched box', () => {
    const b = box();
    expect(verifyBallotBox(b, options, ballotBoxDigest(b))).toEqual({
      countsMatch: true,
      oneBallotPerVoter: true,
      votersConsistent: true,
      digestMatches: true,
      intact: true,
    });
  });
  it('detects a flipped ballot against the published digest and counts', () => {
    const published = ballotBoxDigest(box());
    const [a, b, c] = box().ballots;
    const check = verifyBallotBox(box({ ballots: [{ ...a!, option: '反对' }, b!, c!] }), options, published);
    expect(check).toMatchObject({ countsMatch: false, digestMatches: false, intact: false });
  });
  it('detects a deleted ballot: register and ballots disagree', () => {
    const published = ballotBoxDigest(box());
    const check = verifyBallotBox(box({ ballots: box().ballots.slice(1) }), options, published);
    expect(check).toMatchObject({ oneBallotPerVoter: false, intact: false });
  });
  it('detects a ballot for an unknown option', () => {
    const b = box({ ballots: [{ id: 'x', option: '同意', voterId: null }], voters: ['u1'], counts: { 赞成: 0, 反对: 0, 弃权: 0 } });
    expect(verifyBallotBox(b, options, ballotBoxDigest(b)).countsMatch).toBe(false);
  });
  it('flags a voter id on a secret ballot, and a named ballot whose voter is not in the register', () => {
    const leaked = box({ ballots: box().ballots.map((x, i) => (i === 0 ? { ...x, voterId: 'u1' } : x)) });
    expect(verifyBallotBox(leaked, options, ballotBoxDigest(leaked)).votersConsistent).toBe(false);
    const named = box({
      method: 'named',
      ballots: [
        { id: 'a', option: '赞成', voterId: 'u1' },
        { id: 'b', option: '赞成', voterId: 'u2' },
        { id: 'c', option: '反对', voterId: 'u9' },
      ],
    });
    expect(verifyBallotBox(named, options, ballotBoxDigest(named)).votersConsistent).toBe(false);
  });
});

describe('the digest in the meeting’s audit chain', () => {
  it('an edited poll.closed entry (digest or tally) breaks verification from that entry on', async () => {
    const { auditEntryHash, GENESIS_HASH, verifyAuditChain } = await import('../audit/hash-chain.js');
    const b = box();
    const entries = [
      { action: 'poll.opened', data: null },
      { action: 'poll.ballot_cast', data: null },
      { action: 'poll.closed', data: { counts: b.counts, digest: ballotBoxDigest(b), nVoted: 3 } },
      { action: 'meeting.ended', data: null },
    ];
    let prev = GENESIS_HASH;
    const chain = entries.map((e, i) => {
      const content = { scope: 'meeting:m1', seq: i + 1, at: new Date(Date.UTC(2026, 10, 23, 2, i)), actorId: 'u1', entityType: 'poll', entityId: 'p1', ...e };
      const hash = auditEntryHash(prev, content);
      const row = { ...content, prevHash: prev, hash };
      prev = hash;
      return row;
    });
    expect(verifyAuditChain(chain)).toMatchObject({ intact: true, length: 4 });
    const forged = chain.map((r, i) => (i === 2 ? { ...r, data: { ...(r.data as object), counts: { 赞成: 3, 反对: 0, 弃权: 0 } } } : r));
    expect(verifyAuditChain(forged)).toMatchObject({ intact: false, brokenAt: 3 });
    expect(verifyAuditChain(chain.filter((_, i) => i !== 1))).toMatchObject({ intact: false, brokenAt: 2 });
  });
});
