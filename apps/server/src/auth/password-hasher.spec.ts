import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at the OWASP minimum (19 MiB, t=2, p=1) and verifies', async () => {
    const hash = await hasher.hash('议事协商-2024');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(hash)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await hasher.verify(hash, '议事协商-2024')).toBe(true);
    expect(await hasher.verify(hash, '议事协商-2025')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('treats a malformed or outdated stored hash safely', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(hasher.needsRehash('not-a-hash')).toBe(true);
    expect(
      hasher.needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA'),
    ).toBe(true);
  });

  it('spends a real verification on unknown accounts', async () => {
    await hasher.verifyDummy('warm-up');
    const started = performance.now();
    expect(await hasher.verifyDummy('whatever')).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
