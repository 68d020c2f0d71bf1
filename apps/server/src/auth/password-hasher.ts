import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import { AppError } from '../common/errors/app-error.js';
import { ConcurrencyLimit, QueueFullError } from './concurrency-limit.js';

/** OWASP / ASVS 11.4.2 minimum for argon2id: 19 MiB, 2 passes, 1 lane (~45 ms on one core here). */
export const ARGON2_OPTIONS = {
  algorithm: 2, // Argon2id; the package's enum is a `const enum`, which isolatedModules cannot import.
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/** Two cores: two hashes at once. */
const MAX_CONCURRENT_HASHES = 2;
/** ~2,000 × 45 ms / 2 ≈ 45 s of queued work; beyond that a caller is better told to retry. */
const MAX_QUEUED_HASHES = 2_000;

/**
 * Hashes and verifies passwords with argon2id behind a concurrency limit, so 1,000 members
 * signing in as a meeting opens queue up (each waits ≤ tens of seconds) instead of running
 * 1,000 × 19 MiB hashes at once.
 */
@Injectable()
export class PasswordHasher {
  private readonly limit = new ConcurrencyLimit(MAX_CONCURRENT_HASHES, MAX_QUEUED_HASHES);
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return this.queued(() => hash(password, ARGON2_OPTIONS));
  }

  /** False for a wrong password and for a malformed stored hash (never throws on bad data). */
  verify(storedHash: string, password: string): Promise<boolean> {
    return this.queued(() => verify(storedHash, password).catch(() => false));
  }

  /**
   * Spends the same work as a real verification, for unknown, password-less or locked accounts,
   * so response time does not tell an attacker which usernames exist.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /** True when a stored hash was made with weaker or different parameters (rehash after a good login). */
  needsRehash(storedHash: string): boolean {
    try {
      const p = parseOptions(storedHash);
      return (
        p.algorithm !== ARGON2_OPTIONS.algorithm ||
        p.memoryCost !== ARGON2_OPTIONS.memoryCost ||
        p.timeCost !== ARGON2_OPTIONS.timeCost ||
        p.parallelism !== ARGON2_OPTIONS.parallelism
      );
    } catch {
      return true;
    }
  }

  private async queued<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.limit.run(task);
    } catch (e) {
      if (e instanceof QueueFullError) throw new AppError('too_many_requests', undefined, 'password hash queue full');
      throw e;
    }
  }
}
