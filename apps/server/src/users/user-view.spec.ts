import { describe, expect, it } from 'vitest';
import type { User } from '../generated/prisma/client.js';
import { normalizeUsername, toUserDetail, toUserView, userViewFor } from './user-view.js';

const user: User = {
  id: 'u1',
  username: 'wangfang',
  displayName: '王芳',
  passwordHash: '$argon2id$secret',
  role: 'member',
  disabled: false,
  mustChangePassword: true,
  affiliation: '县教育局',
  sector: '教育界',
  phone: '13800000000',
  failedLogins: 2,
  lockedUntil: new Date('2026-01-01T00:15:00Z'),
  tokenVersion: 3,
  createdAt: new Date('2025-12-31T16:00:00Z'),
  updatedAt: new Date('2025-12-31T16:00:00Z'),
};

describe('user views', () => {
  it('never expose the password hash, failure count or token version', () => {
    for (const view of [toUserView(user), toUserDetail(user)]) {
      expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['passwordHash']));
      expect(view).not.toHaveProperty('passwordHash');
      expect(view).not.toHaveProperty('tokenVersion');
      expect(view).not.toHaveProperty('failedLogins');
    }
  });

  it('show phone and lock state to staff and admins only', () => {
    expect(userViewFor('member', user)).not.toHaveProperty('phone');
    expect(userViewFor('guest', user)).not.toHaveProperty('lockedUntil');
    expect(userViewFor('staff', user)).toMatchObject({ phone: '13800000000', lockedUntil: '2026-01-01T00:15:00.000Z' });
    expect(userViewFor('admin', user)).toHaveProperty('phone');
  });

  it('use UTC ISO timestamps', () => {
    expect(toUserView(user).createdAt).toBe('2025-12-31T16:00:00.000Z');
  });
});

describe('normalizeUsername', () => {
  it('folds case and full-width forms, keeps Chinese', () => {
    expect(normalizeUsername(' ZhangSan ')).toBe('zhangsan');
    expect(normalizeUsername('ｚｈａｎｇｓａｎ')).toBe('zhangsan');
    expect(normalizeUsername('张三')).toBe('张三');
  });
});
