import { describe, expect, it } from 'vitest';
import {
  auditEntryHash,
  canonicalJson,
  encodeAuditEntry,
  GENESIS_HASH,
  verifyAuditChain,
  type AuditEntryContent,
  type StoredAuditEntry,
} from './hash-chain.js';

const entry = (seq: number, over: Partial<AuditEntryContent> = {}): AuditEntryContent => ({
  scope: 'meeting:m1',
  seq,
  at: new Date(Date.UTC(2026, 10, 23, 1, 0, seq)),
  actorId: 'u1',
  action: 'agenda.moved',
  entityType: 'AgendaItem',
  entityId: `a${seq}`,
  data: { to: seq, note: '议题' },
  ...over,
});

function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = auditEntryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('encodes equal content equally regardless of key order', () => {
    expect(canonicalJson({ x: 1, y: '二' })).toBe(canonicalJson({ y: '二', x: 1 }));
  });
});

describe('encodeAuditEntry', () => {
  it('length-prefixes fields so text cannot move between neighbours', () => {
    const a = encodeAuditEntry(GENESIS_HASH, entry(1, { action: 'ab', entityType: 'c' }));
    const b = encodeAuditEntry(GENESIS_HASH, entry(1, { action: 'a', entityType: 'bc' }));
    expect(a).not.toBe(b);
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and reports its head', () => {
    const c = chain(5);
    expect(verifyAuditChain(c)).toEqual({ intact: true, length: 5, headHash: c[4]!.hash, brokenAt: null });
  });
  it('accepts an empty chain', () => {
    expect(verifyAuditChain([])).toEqual({ intact: true, length: 0, headHash: null, brokenAt: null });
  });
  it('detects an edited field', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, data: { to: 99 } };
    expect(verifyAuditChain(c)).toMatchObject({ intact: false, brokenAt: 3 });
  });
  it('detects a deleted entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyAuditChain(c)).toMatchObject({ intact: false, brokenAt: 2 });
  });
  it('detects reordered entries', () => {
    const c = chain(4);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect(verifyAuditChain(c).intact).toBe(false);
  });
  it('detects a re-hashed forgery that does not link to its predecessor', () => {
    const c = chain(3);
    const forged = entry(2, { action: 'poll.closed' });
    c[1] = { ...forged, prevHash: GENESIS_HASH, hash: auditEntryHash(GENESIS_HASH, forged) };
    expect(verifyAuditChain(c)).toMatchObject({ intact: false, brokenAt: 2 });
  });
});
