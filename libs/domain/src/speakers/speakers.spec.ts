import { describe, expect, it } from 'vitest';
import type { MeetingActor } from '../access/meeting-access.js';
import {
  canEndSpeech,
  canModerateSpeakers,
  canRequestToSpeak,
  canWithdrawRequest,
  reorderQueue,
} from './queue.js';
import {
  elapsedMs,
  isOvertime,
  pauseStopwatch,
  remainingMs,
  resetStopwatch,
  startStopwatch,
  stoppedStopwatch,
} from './timer.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 2, 0, 0) + s * 1000);
const member: MeetingActor = { globalRole: 'member', participantRole: 'member' };
const chair: MeetingActor = { globalRole: 'member', participantRole: 'chair' };

describe('stopwatch', () => {
  it('runs, pauses and resumes, accumulating elapsed time', () => {
    let t = startStopwatch(stoppedStopwatch(480), at(0));
    expect(elapsedMs(t, at(60))).toBe(60_000);
    t = pauseStopwatch(t, at(100));
    expect(elapsedMs(t, at(500))).toBe(100_000);
    t = startStopwatch(t, at(500));
    expect(elapsedMs(t, at(520))).toBe(120_000);
    expect(remainingMs(t, at(520))).toBe(360_000);
  });
  it('start and pause are idempotent', () => {
    const t = startStopwatch(stoppedStopwatch(), at(0));
    expect(startStopwatch(t, at(50))).toBe(t);
    const p = pauseStopwatch(t, at(10));
    expect(pauseStopwatch(p, at(20))).toBe(p);
  });
  it('goes over time past its limit, never without one', () => {
    const t = startStopwatch(stoppedStopwatch(60), at(0));
    expect(isOvertime(t, at(60))).toBe(false);
    expect(isOvertime(t, at(61))).toBe(true);
    expect(remainingMs(t, at(90))).toBe(-30_000);
    expect(isOvertime(startStopwatch(stoppedStopwatch(null), at(0)), at(10_000))).toBe(false);
    expect(remainingMs(stoppedStopwatch(null), at(0))).toBeNull();
  });
  it('reset keeps the limit and stops', () => {
    const t = resetStopwatch(startStopwatch(stoppedStopwatch(300), at(0)));
    expect(t).toEqual({ runningSince: null, elapsedMs: 0, limitSeconds: 300 });
  });
  it('a clock that goes backwards does not produce negative time', () => {
    expect(elapsedMs(startStopwatch(stoppedStopwatch(), at(10)), at(5))).toBe(0);
  });
});

describe('speakers queue rules', () => {
  it('everyone but observers may ask to speak', () => {
    expect((['chair', 'secretary', 'member', 'guest', 'observer', null] as const).map(canRequestToSpeak)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('moderation is for the chair, secretary and staff', () => {
    expect(canModerateSpeakers(chair)).toBe(true);
    expect(canModerateSpeakers({ globalRole: 'staff', participantRole: null })).toBe(true);
    expect(canModerateSpeakers(member)).toBe(false);
  });
  it('authors withdraw their own request, speakers end their own speech; the chair both', () => {
    expect(canWithdrawRequest(member, true)).toBe(true);
    expect(canWithdrawRequest(member, false)).toBe(false);
    expect(canWithdrawRequest(chair, false)).toBe(true);
    expect(canEndSpeech(member, true)).toBe(true);
    expect(canEndSpeech(member, false)).toBe(false);
    expect(canEndSpeech(chair, false)).toBe(true);
  });
  it('accepts a reorder only as a permutation of the waiting queue', () => {
    expect(reorderQueue(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
    expect(reorderQueue([], [])).toEqual([]);
    expect(reorderQueue(['a', 'b', 'c'], ['c', 'a'])).toBeNull();
    expect(reorderQueue(['a', 'b', 'c'], ['c', 'a', 'a'])).toBeNull();
    expect(reorderQueue(['a', 'b'], ['a', 'x'])).toBeNull();
  });
});
