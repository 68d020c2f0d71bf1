import { describe, expect, it } from 'vitest';
import type { AgendaItemStatus, MeetingStatus } from '@xieshang/protocol';
import { canAdoptOpinion, canEditOpinion, canGiveOpinion, isOpinionWindowOpen } from './opinion-rules.js';

const meeting: MeetingStatus[] = ['draft', 'scheduled', 'live', 'ended', 'archived'];
const item: AgendaItemStatus[] = ['pending', 'active', 'done', 'skipped'];

describe('opinion rules', () => {
  it('observers and outsiders give no opinions', () => {
    expect((['chair', 'secretary', 'member', 'guest', 'observer', null] as const).map(canGiveOpinion)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('the window is open before and during the meeting, until the item closes', () => {
    const open = meeting.flatMap((m) => item.filter((i) => isOpinionWindowOpen(m, i)).map((i) => `${m}/${i}`));
    expect(open).toEqual(['scheduled/pending', 'scheduled/active', 'live/pending', 'live/active']);
  });
  it('only the author edits, and only while the window is open', () => {
    expect(canEditOpinion(true, 'live', 'active')).toBe(true);
    expect(canEditOpinion(false, 'live', 'active')).toBe(false);
    expect(canEditOpinion(true, 'live', 'done')).toBe(false);
    expect(canEditOpinion(true, 'ended', 'active')).toBe(false);
  });
  it('the chair adopts, also right after the meeting ends; members do not', () => {
    const chair = { globalRole: 'member' as const, participantRole: 'chair' as const };
    expect(canAdoptOpinion(chair, 'live')).toBe(true);
    expect(canAdoptOpinion(chair, 'ended')).toBe(true);
    expect(canAdoptOpinion(chair, 'archived')).toBe(false);
    expect(canAdoptOpinion({ globalRole: 'member', participantRole: 'member' }, 'live')).toBe(false);
  });
});
