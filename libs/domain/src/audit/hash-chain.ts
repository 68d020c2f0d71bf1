import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The hash that precedes the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface AuditEntryContent {
  scope: string;
  seq: number;
  /** Millisecond precision, as stored (timestamptz(3)). */
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always encodes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Length-prefixed encoding of the fields, so no two different entries share an encoding
 * (a field cannot swallow its neighbour's text).
 */
export function encodeAuditEntry(prevHash: string, e: AuditEntryContent): string {
  const fields = [
    prevHash,
    e.scope,
    String(e.seq),
    e.at.toISOString(),
    e.actorId ?? '',
    e.action,
    e.entityType,
    e.entityId ?? '',
    canonicalJson(e.data ?? null),
  ];
  return fields.map((f) => `${f.length}:${f}`).join('|');
}

export function auditEntryHash(prevHash: string, e: AuditEntryContent): string {
  return bytesToHex(sha256(utf8ToBytes(encodeAuditEntry(prevHash, e))));
}

export interface StoredAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  intact: boolean;
  length: number;
  headHash: string | null;
  brokenAt: number | null;
}

/** Checks a chain given in seq order: links, hashes and a gap-free sequence from 1. */
export function verifyAuditChain(entries: readonly StoredAuditEntry[]): ChainVerification {
  let prev = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq || e.prevHash !== prev || auditEntryHash(prev, e) !== e.hash) {
      return { intact: false, length: entries.length, headHash: null, brokenAt: expectedSeq };
    }
    prev = e.hash;
  }
  return { intact: true, length: entries.length, headHash: entries.length ? prev : null, brokenAt: null };
}
