import type { MinutesAction, MinutesStatus, ParticipantRole } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import {
  canEditMinutesText,
  decideMinutesAction,
  expectedConfirmers,
  minutesContentHash,
  minutesPermissions,
  pendingConfirmers,
  type MinutesActor,
} from './approval.js';
import { SAMPLE_MEETING_RECORD } from './sample-record.js';

const actor = (
  participantRole: ParticipantRole | null,
  globalRole: MinutesActor['globalRole'] = 'member',
): MinutesActor => ({
  globalRole,
  participantRole,
});
const ctx = (status: MinutesStatus, deadline: string | null = null, now: string | Date = '2026-11-24T00:00:00Z') => ({
  status,
  deadline,
  now,
});

describe('minutes approval flow', () => {
  it('walks draft → circulated → revised → approved → locked', () => {
    const secretary = actor('secretary');
    const chair = actor('chair');
    const steps: [MinutesAction, MinutesActor, MinutesStatus][] = [
      ['circulate', secretary, 'circulated'],
      ['confirm', actor('member'), 'circulated'],
      ['comment', actor('guest'), 'circulated'],
      ['revise', secretary, 'revised'],
      ['circulate', secretary, 'circulated'],
      ['revise', secretary, 'revised'],
      ['approve', chair, 'approved'],
      ['lock', chair, 'locked'],
    ];
    let status: MinutesStatus = 'draft';
    for (const [action, who, expected] of steps) {
      const d = decideMinutesAction(action, who, ctx(status));
      expect(d, `${action} from ${status}`).toEqual({ ok: true, next: expected });
      status = expected;
    }
  });

  it('lets the chair approve a circulated text nobody asked to change', () => {
    expect(decideMinutesAction('approve', actor('chair'), ctx('circulated'))).toEqual({ ok: true, next: 'approved' });
  });

  it('refuses steps out of order', () => {
    expect(decideMinutesAction('approve', actor('chair'), ctx('draft'))).toEqual({ ok: false, reason: 'wrong_status' });
    expect(decideMinutesAction('confirm', actor('member'), ctx('draft'))).toEqual({
      ok: false,
      reason: 'wrong_status',
    });
    expect(decideMinutesAction('lock', actor('chair'), ctx('revised'))).toEqual({ ok: false, reason: 'wrong_status' });
    for (const a of ['circulate', 'confirm', 'comment', 'revise', 'approve', 'lock'] as const) {
      expect(decideMinutesAction(a, actor('chair'), ctx('locked')).ok, `${a} after lock`).toBe(false);
    }
  });

  it('lets only the chair approve, and nobody but participants confirm', () => {
    expect(decideMinutesAction('approve', actor('secretary'), ctx('revised'))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(decideMinutesAction('approve', actor(null, 'admin'), ctx('revised'))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(decideMinutesAction('circulate', actor('member'), ctx('draft'))).toEqual({ ok: false, reason: 'forbidden' });
    expect(decideMinutesAction('circulate', actor(null, 'staff'), ctx('draft')).ok).toBe(true);
    expect(decideMinutesAction('confirm', actor(null, 'admin'), ctx('circulated'))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(decideMinutesAction('confirm', actor('observer'), ctx('circulated'))).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('closes confirmations and comments at the deadline', () => {
    const deadline = '2026-11-25T10:00:00Z';
    expect(
      decideMinutesAction('confirm', actor('member'), ctx('circulated', deadline, '2026-11-25T10:00:00Z')).ok,
    ).toBe(true);
    expect(
      decideMinutesAction('comment', actor('member'), ctx('circulated', deadline, '2026-11-25T10:00:01Z')),
    ).toEqual({
      ok: false,
      reason: 'deadline_passed',
    });
    // The secretary can still revise and the chair approve after the deadline.
    expect(
      decideMinutesAction('revise', actor('secretary'), ctx('circulated', deadline, new Date('2026-12-01T00:00:00Z')))
        .ok,
    ).toBe(true);
  });

  it('computes the permission map for a view', () => {
    expect(minutesPermissions(actor('member'), ctx('circulated'))).toEqual({
      circulate: false,
      confirm: true,
      comment: true,
      revise: false,
      approve: false,
      lock: false,
    });
    expect(minutesPermissions(actor('chair'), ctx('approved'))).toMatchObject({ lock: true, approve: false });
  });

  it('makes approved and locked text read-only for everyone', () => {
    expect(canEditMinutesText(actor('secretary'), 'draft')).toBe(true);
    expect(canEditMinutesText(actor('member'), 'draft')).toBe(false);
    expect(canEditMinutesText(actor('secretary'), 'approved')).toBe(false);
    expect(canEditMinutesText(actor('chair'), 'locked')).toBe(false);
    expect(canEditMinutesText(actor(null, 'admin'), 'locked')).toBe(false);
  });
});

describe('confirmations', () => {
  it('asks everyone who attended as chair, member or guest', () => {
    expect(expectedConfirmers(SAMPLE_MEETING_RECORD.participants)).toEqual([
      'u-chair',
      'u-wang',
      'u-chen',
      'u-liu',
      'u-huang',
    ]);
  });

  it('lists who has not yet confirmed the whole text (an item confirmation is not enough)', () => {
    const at = '2026-11-24T01:00:00Z';
    expect(
      pendingConfirmers(SAMPLE_MEETING_RECORD.participants, [
        { userId: 'u-chair', target: { kind: 'whole' }, at },
        { userId: 'u-wang', target: { kind: 'item', agendaItemId: 'a2' }, at },
        { userId: 'u-liu', target: { kind: 'whole' }, at },
      ]),
    ).toEqual(['u-wang', 'u-chen', 'u-huang']);
  });
});

describe('minutesContentHash', () => {
  it('hashes the same words alike whatever the line endings or Unicode form', () => {
    const h = minutesContentHash('纪要\n正文');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(minutesContentHash('纪要\r\n正文')).toBe(h);
    expect(minutesContentHash('Cafe\u0301')).toBe(minutesContentHash('Caf\u00e9'));
    expect(minutesContentHash('纪要\n正文。')).not.toBe(h);
  });
});
