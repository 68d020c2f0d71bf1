/**
 * Who is in a document, as the awareness protocol tells it: each client publishes a `user`
 * field ({ id, name, color, readOnly }). Colours are derived from the account id, so a person
 * keeps the same colour on every device and in every document.
 */
export interface PresenceUser {
  /** Account id. */
  id: string;
  name: string;
  /** `#rrggbb`; the caret extension ignores anything else. */
  color: string;
  readOnly: boolean;
}

export interface Peer extends PresenceUser {
  /** The Yjs client id of one of this person's tabs. */
  clientId: number;
  /** This browser tab. */
  self: boolean;
}

/**
 * Dark enough for white label text (contrast ≥ 4.5:1) and distinct from each other; the
 * app's own red is left out so a caret is never mistaken for an error.
 */
export const PRESENCE_COLORS = [
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#c2185b',
  '#00695c',
  '#bf360c',
  '#4527a0',
  '#0277bd',
  '#33691e',
  '#795548',
  '#ad1457',
  '#283593',
] as const;

/** FNV-1a: cheap and well spread for short ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function presenceColor(userId: string): string {
  return PRESENCE_COLORS[hash(userId) % PRESENCE_COLORS.length]!;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.color === 'string';
}

/**
 * One entry per person (several tabs of the same account count once; this tab wins so the
 * list can mark "me"), this person first, then by name in the UI language's collation.
 * States without a valid `user` (other clients, half-initialised tabs) are skipped.
 */
export function peersFromAwareness(
  states: Map<number, Record<string, unknown>>,
  selfClientId: number,
  locale = 'zh-CN',
): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const [clientId, state] of states) {
    const user = state.user;
    if (!isPresenceUser(user)) continue;
    const self = clientId === selfClientId;
    const known = byUser.get(user.id);
    if (known && (known.self || !self)) {
      // An editing tab of the same person outranks a read-only one.
      if (!known.self && known.readOnly && !user.readOnly) byUser.set(user.id, { ...known, readOnly: false });
      continue;
    }
    byUser.set(user.id, { id: user.id, name: user.name, color: user.color, readOnly: !!user.readOnly, clientId, self });
  }
  const collator = new Intl.Collator(locale);
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || collator.compare(a.name, b.name));
}
