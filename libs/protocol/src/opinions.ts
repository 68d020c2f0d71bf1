import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { PersonRef } from './meetings.js';

/** 赞成 / 反对 / 补充 / 其他 */
export const OpinionStance = z.enum(['support', 'oppose', 'supplement', 'other']);
export type OpinionStance = z.infer<typeof OpinionStance>;

const OpinionContent = z.string().trim().min(1).max(2000);

export const CreateOpinionBody = z.object({
  agendaItemId: Id,
  stance: OpinionStance,
  content: OpinionContent,
});
export type CreateOpinionBody = z.infer<typeof CreateOpinionBody>;

/** The author edits until the agenda item closes. */
export const UpdateOpinionBody = z
  .object({ stance: OpinionStance, content: OpinionContent })
  .partial()
  .refine((b) => b.stance !== undefined || b.content !== undefined, { message: 'nothing to change' });
export type UpdateOpinionBody = z.infer<typeof UpdateOpinionBody>;

/** The chair marks an opinion as adopted (采纳) into a consensus item, optionally a poll. */
export const AdoptOpinionBody = z.object({
  adopted: z.boolean(),
  pollId: Id.nullable().optional(),
});
export type AdoptOpinionBody = z.infer<typeof AdoptOpinionBody>;

export const OpinionView = z.object({
  id: Id,
  meetingId: Id,
  agendaItemId: Id,
  author: PersonRef,
  stance: OpinionStance,
  content: z.string(),
  adopted: z.boolean(),
  adoptedAt: IsoDateTime.nullable(),
  adoptedIntoPollId: Id.nullable(),
  createdAt: IsoDateTime,
  /** Set once the author has edited it. */
  editedAt: IsoDateTime.nullable(),
});
export type OpinionView = z.infer<typeof OpinionView>;

export const ListOpinionsQuery = z.object({
  agendaItemId: Id.optional(),
  stance: OpinionStance.optional(),
  adopted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListOpinionsQuery = z.input<typeof ListOpinionsQuery>;

export const OpinionList = z.object({ items: z.array(OpinionView), total: z.number().int() });
export type OpinionList = z.infer<typeof OpinionList>;

// ── socket payloads ──
export const OpinionEvent = z.object({ meetingId: Id, opinion: OpinionView });
