import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

export const AuditEventView = z.object({
  id: Id,
  scope: z.string(),
  seq: z.number().int(),
  at: IsoDateTime,
  actorId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditVerifyResponse = z.object({
  scope: z.string(),
  intact: z.boolean(),
  length: z.number().int(),
  headHash: z.string().nullable(),
  /** The first sequence number whose hash does not match, when broken. */
  brokenAt: z.number().int().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
