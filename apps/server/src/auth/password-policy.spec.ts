import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import { assertStrongPassword, weakPasswordReason } from './password-policy.js';

describe('weakPasswordReason', () => {
  it.each([
    '12345678',
    '123456789',
    '88888888',
    'password',
    'qwertyui',
    'a1234567',
    'woaini1314',
    'PassWord',
    '1qaz2wsx',
  ])('refuses the common password %s', (pw) => expect(weakPasswordReason(pw)).toBe('common'));

  it.each(['aaaaaaaaaa', '23456789', 'hgfedcba', 'abababab', '135135135', 'xyzxyzxyz'])(
    'refuses the pattern %s',
    (pw) => expect(weakPasswordReason(pw)).toBe('pattern'),
  );

  it('counts characters, not UTF-16 units or bytes, for the length', () => {
    expect(weakPasswordReason('1234567')).toBe('too_short');
    expect(weakPasswordReason('政协委员议事协商')).toBeNull();
    expect(weakPasswordReason('政协委员议事')).toBe('too_short');
  });

  it('refuses the username itself, in any case', () => {
    expect(weakPasswordReason('ZhangSan2024', 'zhangsan2024')).toBe('username');
    expect(weakPasswordReason('zhangsan-2024!', 'zhangsan2024')).toBeNull();
  });

  it.each(['correct horse battery', 'Xs-9f!kq2L', '县政协2024秋季座谈', 'admin-password-1'])('accepts %s', (pw) =>
    expect(weakPasswordReason(pw, 'admin')).toBeNull(),
  );
});

describe('assertStrongPassword', () => {
  it('throws weak_password naming the field', () => {
    try {
      assertStrongPassword('88888888', 'wang', 'newPassword');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('weak_password');
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).fields?.[0]?.path).toBe('newPassword');
    }
  });

  it('passes a strong password', () => {
    expect(() => assertStrongPassword('Huiyi-2024-秋', 'wang', 'password')).not.toThrow();
  });
});
