import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PollQuorum, PollRule } from '@xieshang/protocol';
import { classifyOptions, isMotion } from './options.js';
import { countBallots, requiredCount, tally, UnknownOptionError, type TallyInput } from './tally.js';

const motion = classifyOptions(['赞成', '反对', '弃权']);
const ballots = (counts: Record<string, number>) => Object.entries(counts).flatMap(([k, n]) => Array<string>(n).fill(k));
const run = (over: Partial<TallyInput> & { votes?: Record<string, number> }) =>
  tally({
    options: motion,
    ballots: over.votes ? ballots(over.votes) : (over.ballots ?? []),
    rule: 'simple_majority',
    quorum: null,
    entitled: 30,
    present: 30,
    ...over,
  });

describe('classifyOptions', () => {
  it('reads the default 赞成/反对/弃权 as a motion', () => {
    expect(motion).toEqual([
      { label: '赞成', role: 'for' },
      { label: '反对', role: 'against' },
      { label: '弃权', role: 'abstain' },
    ]);
    expect(isMotion(motion)).toBe(true);
  });
  it('recognises English labels, case and spaces ignored', () => {
    expect(classifyOptions([' Yes', 'NO', 'Abstain']).map((o) => o.role)).toEqual(['for', 'against', 'abstain']);
  });
  it('treats any other set of labels as a choice between alternatives', () => {
    expect(classifyOptions(['方案一', '方案二', '弃权']).map((o) => o.role)).toEqual(['choice', 'choice', 'abstain']);
    // two affirmative labels, or an unknown label beside 赞成: not a motion
    expect(classifyOptions(['赞成', '同意', '反对']).map((o) => o.role)).toEqual(['choice', 'choice', 'choice']);
    expect(classifyOptions(['赞成', '反对', '其他']).map((o) => o.role)).toEqual(['choice', 'choice', 'choice']);
    expect(isMotion(classifyOptions(['方案一', '方案二']))).toBe(false);
  });
});

describe('requiredCount', () => {
  it('is more than half for a majority', () => {
    expect([1, 2, 3, 4, 29, 30].map((b) => requiredCount('majority', b))).toEqual([1, 2, 2, 3, 15, 16]);
  });
  it('is at least two thirds, rounded up', () => {
    expect([3, 4, 5, 6, 29, 30].map((b) => requiredCount('two_thirds', b))).toEqual([2, 3, 4, 4, 20, 20]);
  });
  it('never asks for fewer than one vote', () => {
    expect(requiredCount('majority', 0)).toBe(1);
    expect(requiredCount('two_thirds', 0)).toBe(1);
  });
  it('matches the exact fraction definitions for every base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (base) => {
        const m = requiredCount('majority', base);
        expect(2 * m > base && 2 * (m - 1) <= base).toBe(true);
        const t = requiredCount('two_thirds', base);
        expect(3 * t >= 2 * base && 3 * (t - 1) < 2 * base).toBe(true);
      }),
    );
  });
});

describe('countBallots', () => {
  it('lists every option, including those nobody chose', () => {
    expect(countBallots(motion, ['赞成', '赞成'])).toEqual({ 赞成: 2, 反对: 0, 弃权: 0 });
  });
  it('refuses a ballot for an option the poll does not have', () => {
    expect(() => countBallots(motion, ['同意'])).toThrow(UnknownOptionError);
    expect(() => countBallots(motion, ['toString'])).toThrow(UnknownOptionError);
  });
});

describe('tally — simple majority of ballots cast', () => {
  it('adopts with more affirmative than negative votes', () => {
    const r = run({ votes: { 赞成: 16, 反对: 10, 弃权: 4 } });
    expect(r).toMatchObject({ counts: { 赞成: 16, 反对: 10, 弃权: 4 }, cast: 30, abstained: 4, outcome: 'adopted', required: 14 });
  });
  it('rejects a tie', () => {
    expect(run({ votes: { 赞成: 10, 反对: 10, 弃权: 10 } })).toMatchObject({ outcome: 'rejected', required: 11 });
  });
  it('leaves abstentions out of the base: 3 for, 2 against, 25 abstain is adopted', () => {
    expect(run({ votes: { 赞成: 3, 反对: 2, 弃权: 25 } })).toMatchObject({ outcome: 'adopted', required: 3 });
  });
  it('rejects when everyone abstains', () => {
    expect(run({ votes: { 弃权: 5 } })).toMatchObject({ outcome: 'rejected', cast: 5, abstained: 5, required: 1 });
  });
  it('rejects an empty poll', () => {
    expect(run({ ballots: [] })).toMatchObject({
      counts: { 赞成: 0, 反对: 0, 弃权: 0 },
      cast: 0,
      outcome: 'rejected',
      quorumMet: true,
    });
  });
  it('adopts a single vote for', () => {
    expect(run({ votes: { 赞成: 1 } }).outcome).toBe('adopted');
  });
});

describe('tally — majority of those present', () => {
  it('counts abstentions and absentees against: 15 of 30 present is not enough', () => {
    expect(run({ rule: 'majority_present', votes: { 赞成: 15, 反对: 0, 弃权: 15 } })).toMatchObject({
      outcome: 'rejected',
      required: 16,
    });
    expect(run({ rule: 'majority_present', votes: { 赞成: 16 } }).outcome).toBe('adopted');
  });
  it('uses the present count, not the entitled one', () => {
    expect(run({ rule: 'majority_present', entitled: 40, present: 21, votes: { 赞成: 11 } })).toMatchObject({
      outcome: 'adopted',
      required: 11,
    });
  });
  it('counts every voter as present even when the register says fewer', () => {
    expect(run({ rule: 'majority_present', present: 2, votes: { 赞成: 3, 反对: 2 } })).toMatchObject({
      present: 5,
      required: 3,
      outcome: 'adopted',
    });
  });
});

describe('tally — two thirds of those entitled', () => {
  it('needs two thirds of everyone entitled, present or not', () => {
    expect(run({ rule: 'two_thirds_entitled', entitled: 30, present: 25, votes: { 赞成: 20, 反对: 5 } })).toMatchObject({
      outcome: 'adopted',
      required: 20,
    });
    expect(run({ rule: 'two_thirds_entitled', entitled: 30, present: 25, votes: { 赞成: 19, 反对: 6 } }).outcome).toBe(
      'rejected',
    );
  });
  it('is exact at the boundary when the base is not divisible by three', () => {
    expect(run({ rule: 'two_thirds_entitled', entitled: 31, votes: { 赞成: 21 } }).outcome).toBe('adopted');
    expect(run({ rule: 'two_thirds_entitled', entitled: 31, votes: { 赞成: 20 } }).outcome).toBe('rejected');
  });
  it('rejects an empty poll even with nobody entitled', () => {
    expect(run({ rule: 'two_thirds_entitled', entitled: 0, present: 0 }).outcome).toBe('rejected');
  });
});

describe('tally — quorum', () => {
  const presentMajority: PollQuorum = { basis: 'present', threshold: 'majority' };
  const castTwoThirds: PollQuorum = { basis: 'cast', threshold: 'two_thirds' };
  it('reports no_quorum when too few are present, whatever the votes', () => {
    expect(run({ quorum: presentMajority, entitled: 30, present: 15, votes: { 赞成: 15 } })).toMatchObject({
      outcome: 'no_quorum',
      quorumMet: false,
    });
    expect(run({ quorum: presentMajority, entitled: 30, present: 16, votes: { 赞成: 15 } }).outcome).toBe('adopted');
  });
  it('counts ballots cast (abstentions included) for a cast quorum', () => {
    expect(run({ quorum: castTwoThirds, votes: { 赞成: 10, 弃权: 9 } }).outcome).toBe('no_quorum');
    expect(run({ quorum: castTwoThirds, votes: { 赞成: 10, 弃权: 10 } }).outcome).toBe('adopted');
  });
  it('makes an empty poll no_quorum', () => {
    expect(run({ quorum: castTwoThirds, ballots: [] }).outcome).toBe('no_quorum');
  });
  it('a rejected motion with quorum met stays rejected', () => {
    expect(run({ quorum: presentMajority, votes: { 赞成: 5, 反对: 20 } }).outcome).toBe('rejected');
  });
});

describe('tally — choice polls', () => {
  const choice = classifyOptions(['方案一', '方案二', '方案三', '弃权']);
  it('adopts the single leading option when it meets the rule', () => {
    expect(run({ options: choice, votes: { 方案一: 12, 方案二: 8, 方案三: 2, 弃权: 8 } })).toMatchObject({
      outcome: 'adopted',
      winner: '方案一',
      required: 12,
    });
  });
  it('adopts nothing on a tie for the lead', () => {
    expect(run({ options: choice, votes: { 方案一: 10, 方案二: 10, 方案三: 0 } })).toMatchObject({
      outcome: 'rejected',
      winner: null,
    });
  });
  it('adopts nothing when the leader has only a plurality', () => {
    expect(run({ options: choice, votes: { 方案一: 10, 方案二: 9, 方案三: 8 } })).toMatchObject({
      outcome: 'rejected',
      winner: null,
    });
  });
  it('adopts nothing in an empty choice poll', () => {
    expect(run({ options: choice, ballots: [] })).toMatchObject({ outcome: 'rejected', winner: null });
  });
});

describe('tally — invariants', () => {
  const rules: PollRule[] = ['simple_majority', 'majority_present', 'two_thirds_entitled'];
  it('counts add up, outcome is consistent with the counts, and adding a vote for never turns adopted into rejected', () => {
    fc.assert(
      fc.property(
        fc.record({
          yes: fc.nat(60),
          no: fc.nat(60),
          abstain: fc.nat(60),
          absent: fc.nat(60),
          away: fc.nat(60),
          rule: fc.constantFrom(...rules),
        }),
        ({ yes, no, abstain, absent, away, rule }) => {
          const cast = yes + no + abstain;
          const present = cast + away;
          const entitled = present + absent;
          const input = { rule, entitled, present, votes: { 赞成: yes, 反对: no, 弃权: abstain } };
          const r = run(input);
          expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(cast);
          expect(r.cast).toBe(cast);
          expect(r.outcome === 'adopted').toBe(yes >= r.required);
          if (r.outcome === 'adopted') {
            const more = run({ ...input, present: present + 1, entitled: entitled + 1, votes: { ...input.votes, 赞成: yes + 1 } });
            expect(more.outcome).toBe('adopted');
          }
          // A rule is never stricter than the next one up the ladder (cast ⊆ present ⊆ entitled).
          if (rule === 'two_thirds_entitled' && r.outcome === 'adopted') {
            expect(run({ ...input, rule: 'simple_majority' }).outcome).toBe('adopted');
          }
        },
      ),
    );
  });
});
