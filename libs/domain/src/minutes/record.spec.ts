import type { OpinionView, PollPublic, SpeechView } from '@xieshang/protocol';
import { MeetingRecord } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { recordedAttendance, recordedOpinion, recordedPoll, recordedSpeech } from './record.js';
import { SAMPLE_MEETING_RECORD } from './sample-record.js';

const START = '2026-11-23T01:00:00.000Z';

describe('recordedAttendance', () => {
  it.each([
    [{ attendance: 'checked_in', checkedInAt: '2026-11-23T00:55:00Z' }, 'present'],
    [{ attendance: 'checked_in', checkedInAt: '2026-11-23T01:05:00Z' }, 'present'],
    [{ attendance: 'checked_in', checkedInAt: '2026-11-23T01:05:01Z' }, 'late'],
    [{ attendance: 'left', checkedInAt: '2026-11-23T00:50:00Z' }, 'present'],
    [{ attendance: 'checked_in', checkedInAt: null }, 'present'],
    [{ attendance: 'confirmed', checkedInAt: null, onLeave: true }, 'leave'],
    [{ attendance: 'checked_in', checkedInAt: '2026-11-23T00:59:00Z', onLeave: true }, 'present'],
    [{ attendance: 'declined', checkedInAt: null }, 'leave'],
    [{ attendance: 'confirmed', checkedInAt: null }, 'absent'],
    [{ attendance: 'invited', checkedInAt: null }, 'absent'],
  ] as const)('%o → %s', (facts, expected) => expect(recordedAttendance(facts, START)).toBe(expected));

  it('follows the committee’s rules for grace and declines', () => {
    expect(
      recordedAttendance({ attendance: 'checked_in', checkedInAt: '2026-11-23T01:05:00Z' }, START, { graceMinutes: 0 }),
    ).toBe('late');
    expect(recordedAttendance({ attendance: 'declined', checkedInAt: null }, START, { declinedIsLeave: false })).toBe(
      'absent',
    );
    expect(recordedAttendance({ attendance: 'checked_in', checkedInAt: '2026-11-23T03:00:00Z' }, null)).toBe('present');
  });
});

describe('recorded speeches and opinions', () => {
  it('keep who, when and what', () => {
    const speech: SpeechView = {
      id: 's1',
      requestId: null,
      speaker: { id: 'u-wang', displayName: '王建国', affiliation: null },
      agendaItemId: 'a2',
      topic: '医养结合',
      startedAt: '2026-11-23T01:22:00.000Z',
      endedAt: null,
      limitSeconds: 480,
    };
    expect(recordedSpeech(speech)).toEqual({
      speakerId: 'u-wang',
      startedAt: '2026-11-23T01:22:00.000Z',
      endedAt: null,
      topic: '医养结合',
    });
    const opinion: OpinionView = {
      id: 'o9',
      meetingId: 'm',
      agendaItemId: 'a2',
      author: { id: 'u-chen', displayName: '陈秀英', affiliation: null },
      stance: 'oppose',
      content: '不赞成',
      adopted: false,
      adoptedAt: null,
      adoptedIntoPollId: null,
      createdAt: '2026-11-23T01:38:00.000Z',
      editedAt: null,
    };
    expect(recordedOpinion(opinion)).toEqual({
      id: 'o9',
      authorId: 'u-chen',
      stance: 'oppose',
      content: '不赞成',
      adopted: false,
      createdAt: '2026-11-23T01:38:00.000Z',
    });
  });
});

describe('recordedPoll', () => {
  const closed: PollPublic = {
    id: 'p1',
    meetingId: 'm',
    agendaItemId: 'a3',
    title: '通过建议',
    description: null,
    method: 'named',
    rule: 'majority_present',
    quorum: null,
    allowGuests: false,
    options: ['赞成', '反对', '弃权'],
    status: 'closed',
    documentVersionId: 'dv-3',
    documentHash: null,
    createdAt: '2026-11-23T02:45:00.000Z',
    openedAt: '2026-11-23T02:50:00.000Z',
    closedAt: '2026-11-23T02:55:00.000Z',
    cast: 3,
    results: {
      counts: { 赞成: 2, 弃权: 1 },
      cast: 3,
      abstained: 1,
      entitled: 5,
      present: 3,
      outcome: 'adopted',
      winner: null,
      required: 2,
      digest: 'c'.repeat(64),
      votes: [
        { userId: 'u-chair', displayName: '李明', option: '赞成' },
        { userId: 'u-wang', displayName: '王建国', option: '赞成' },
        { userId: 'u-chen', displayName: '陈秀英', option: '弃权' },
      ],
    },
  };

  it('flattens a closed poll with its results into a valid record entry', () => {
    const p = recordedPoll(closed)!;
    expect(p).toMatchObject({
      counts: { 赞成: 2, 反对: 0, 弃权: 1 },
      present: 3,
      required: 2,
      ballotBoxDigest: 'c'.repeat(64),
      frozenDocument: null,
    });
    expect(p.namedBallots).toHaveLength(3);
    const record = structuredClone(SAMPLE_MEETING_RECORD);
    record.agenda[2]!.polls = [p];
    expect(MeetingRecord.safeParse(record).success).toBe(true);
  });

  it('never carries names for a secret poll, and skips polls that did not close', () => {
    expect(recordedPoll({ ...closed, method: 'secret' })!.namedBallots).toEqual([]);
    expect(recordedPoll({ ...closed, status: 'open', results: null })).toBeNull();
    expect(
      recordedPoll({ ...closed, results: { ...closed.results!, digest: 'not-a-digest' } })!.ballotBoxDigest,
    ).toBeNull();
  });
});
