import type { PersonRef } from '@xieshang/protocol';
import type { User } from '../generated/prisma/client.js';

/** The few user fields other people may see next to a name (no username, phone or role). */
export const personRefSelect = { id: true, displayName: true, affiliation: true } as const;

export type PersonRefRow = Pick<User, 'id' | 'displayName' | 'affiliation'>;

export function toPersonRef(user: PersonRefRow): PersonRef {
  return { id: user.id, displayName: user.displayName, affiliation: user.affiliation };
}

/** Dates leave the server as ISO-8601 UTC strings. */
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
