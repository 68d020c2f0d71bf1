import { AppError } from '../common/errors/app-error.js';

/**
 * Which new passwords we refuse (ASVS 6.2.1, 6.2.4, 6.2.11): shorter than 8 characters, one of the
 * passwords most often seen in Chinese and international leaks, trivially patterned (one repeated
 * character, a keyboard or digit run, a short unit repeated), or the username itself.
 * Pure; the server turns a reason into 400 weak_password.
 */
export const MIN_PASSWORD_LENGTH = 8;

/** Lower-cased. Chinese leak lists (CSDN, 12306, Tianya) are dominated by digit runs and 520/1314 love numbers. */
// prettier-ignore
const COMMON_PASSWORDS = new Set([
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '12341234', '11223344',
  '123123123', '123321123', '147258369', '123654789', '159357456', '741852963', '789456123', '147852369',
  '11111111', '00000000', '88888888', '66666666', '99999999', '11112222', '12344321', '1234qwer', 'qwer1234',
  '5201314520', '52013145', '13145200', '1314520520', 'woaini1314', 'woaini520', 'woaini123', 'iloveyou',
  'iloveyou1', 'a1234567', 'a12345678', 'a123456789', 'aa123456', 'aa12345678', 'abc12345', 'abc123456',
  'abcd1234', 'abcd12345', '123456abc', '123456aa', 'qq123456', 'qwertyui', 'qwerty123', 'qwertyuiop',
  'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'zxcvbnm123', '1qaz2wsx', '1qaz@wsx', '1q2w3e4r', '1q2w3e4r5t',
  'q1w2e3r4', '12qwaszx', 'qweasdzxc', '123qweasd', 'password', 'password1', 'password123', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'admin123', 'admin888', 'admin1234', 'admin@123', 'administrator', 'welcome1',
  'sunshine', 'princess', 'football', 'baseball', 'superman', 'trustno1', 'letmein1', 'dragon12',
  'zhengxie', 'zhengxie123', 'xieshang', 'xieshang123', 'changeme', 'changeme1',
]);

export type WeakPasswordReason = 'too_short' | 'common' | 'pattern' | 'username';

export function weakPasswordReason(password: string, username?: string): WeakPasswordReason | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if (isTrivialPattern(lower)) return 'pattern';
  if (username && lower === username.toLowerCase()) return 'username';
  return null;
}

/** One character repeated, a run like 23456789 or hgfedcba, or a unit of ≤ 3 characters repeated. */
function isTrivialPattern(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  if (steps.size === 1 && [...steps].every((d) => Math.abs(d) <= 1)) return true;
  for (let unit = 1; unit <= 3; unit++) {
    if (s.length % unit === 0 && s === s.slice(0, unit).repeat(s.length / unit)) return true;
  }
  return false;
}

const reasonMessages: Record<WeakPasswordReason, string> = {
  too_short: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
  common: 'is one of the most common passwords',
  pattern: 'is a trivial pattern (repeated or consecutive characters)',
  username: 'must not be the username',
};

/** Throws 400 weak_password naming the field, so the form can mark it. */
export function assertStrongPassword(password: string, username: string | undefined, field: string): void {
  const reason = weakPasswordReason(password, username);
  if (reason) throw new AppError('weak_password', [{ path: field, message: reasonMessages[reason] }]);
}
