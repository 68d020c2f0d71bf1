import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Guest invitation links carry a random token (32 random bytes, base64url) in their path
 * `/invite/<token>`. Only this hash is stored, so a database dump does not reveal usable links.
 * Both the organiser side (creating) and the guest side (accepting) look tokens up through it.
 */
export function invitationTokenHash(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}

/** The path a guest opens; the web client serves it. */
export const invitationPath = (token: string) => `/invite/${token}`;

export type InvitationState = 'active' | 'expired' | 'used_up' | 'revoked';

export interface InvitationUsage {
  expiresAt: Date;
  revokedAt: Date | null;
  uses: number;
  maxUses: number;
}

/** Revocation wins over expiry, expiry over exhaustion: the most deliberate reason is reported. */
export function invitationState(inv: InvitationUsage, now: Date): InvitationState {
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (inv.uses >= inv.maxUses) return 'used_up';
  return 'active';
}

/** A link can be accepted only while it is active. */
export function isInvitationUsable(inv: InvitationUsage, now: Date): boolean {
  return invitationState(inv, now) === 'active';
}
