import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const GlobalRole = z.enum(['admin', 'staff', 'member', 'guest']);
export type GlobalRole = z.infer<typeof GlobalRole>;

/** Passwords: ≥ 8 characters (ASVS 6.2.1), ≤ 128 so long passphrases fit (ASVS 6.2.9). */
export const Password = z.string().min(8).max(128);

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, underscore or dash');

export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: GlobalRole,
  disabled: z.boolean(),
  affiliation: z.string().nullable(),
  sector: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: IsoDateTime,
});
export type UserView = z.infer<typeof UserView>;

export const CreateUserBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(64),
  password: Password,
  role: z.enum(['admin', 'staff', 'member']).default('member'),
  affiliation: z.string().trim().max(200).optional(),
  sector: z.string().trim().max(64).optional(),
  phone: z.string().trim().max(32).optional(),
  /** Initial passwords expire (ASVS 6.4.1): the user is asked to choose their own at first sign-in. */
  mustChangePassword: z.boolean().default(true),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

export const UpdateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(64),
    role: z.enum(['admin', 'staff', 'member']),
    affiliation: z.string().trim().max(200).nullable(),
    sector: z.string().trim().max(64).nullable(),
    phone: z.string().trim().max(32).nullable(),
    disabled: z.boolean(),
  })
  .partial();
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ password: Password });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

/** What admins and staff see of an account; everyone else gets UserView (no phone, no lock state). */
export const UserDetail = UserView.extend({
  phone: z.string().nullable(),
  /** Set while the account is locked after repeated failed sign-ins. */
  lockedUntil: IsoDateTime.nullable(),
});
export type UserDetail = z.infer<typeof UserDetail>;

/** GET /api/users: items are UserDetail for admins and staff, UserView for everyone else. */
export const UserList = z.object({
  items: z.array(z.union([UserDetail, UserView])),
  total: z.number().int(),
});
export type UserList = z.infer<typeof UserList>;

export const ListUsersQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: GlobalRole.optional(),
  includeDisabled: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListUsersQuery = z.input<typeof ListUsersQuery>;
