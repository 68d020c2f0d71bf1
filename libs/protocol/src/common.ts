import { z } from 'zod';

/** Opaque string id. */
export const Id = z.string().min(1).max(64);

/** ISO-8601 timestamp (UTC on output). Accepts any offset on input. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Trimmed, non-empty text with an upper bound, for titles and names. */
export const Title = (max = 200) => z.string().trim().min(1).max(max);

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
