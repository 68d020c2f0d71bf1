import { Prisma } from '../generated/prisma/client.js';

/** True for a UNIQUE constraint violation (Prisma P2002), e.g. two admins creating the same username at once. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}
