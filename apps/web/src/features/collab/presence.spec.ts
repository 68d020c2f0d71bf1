import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, peersFromAwareness, presenceColor } from './presence';

const user = (id: string, name: string, readOnly = false) => ({
  user: { id, name, color: presenceColor(id), readOnly },
});

describe('presenceColor', () => {
  it('is stable per account and always a #rrggbb colour from the palette', () => {
    for (const id of ['u1', 'cm9x0abc', '李桂兰', '']) {
      expect(presenceColor(id)).toBe(presenceColor(id));
      expect(PRESENCE_COLORS).toContain(presenceColor(id));
      expect(presenceColor(id)).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('spreads accounts over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => presenceColor(`user-${i}`)));
    expect(used.size).toBe(PRESENCE_COLORS.length);
  });
});

describe('peersFromAwareness', () => {
  it('lists each person once, this tab first, others by name; skips states without a user', () => {
    const states = new Map<number, Record<string, unknown>>([
      [11, user('b', '王建国')],
      [12, user('me', '李桂兰')],
      [13, {}],
      [14, user('b', '王建国')], // a second tab of the same person
      [15, user('a', '陈立')],
      [16, { user: { name: 'no id' } }],
    ]);
    const peers = peersFromAwareness(states, 12);
    expect(peers.map((p) => [p.id, p.self])).toEqual([
      ['me', true],
      ['a', false],
      ['b', false],
    ]);
  });

  it('keeps this tab as the entry for its person even when another tab of the same account came first', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, user('me', '李桂兰')],
      [2, user('me', '李桂兰')],
    ]);
    expect(peersFromAwareness(states, 2)).toEqual([expect.objectContaining({ id: 'me', clientId: 2, self: true })]);
  });

  it('shows a person as editing when any of their tabs edits', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, user('x', '周敏', true)],
      [2, user('x', '周敏', false)],
    ]);
    expect(peersFromAwareness(states, 99)[0]!.readOnly).toBe(false);
  });
});
