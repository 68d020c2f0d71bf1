import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

/** What a search hit is; `link` points at the place in the app. */
export const SearchKind = z.enum([
  'meeting',
  'agenda_item',
  'opinion',
  'document',
  'minutes',
  'proposal',
  'social_report',
]);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  /** One kind or a comma-separated list. */
  kind: z
    .union([SearchKind, z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)])
    .optional()
    .transform((s) => (s ? (s.split(',') as SearchKind[]) : undefined))
    .pipe(z.array(SearchKind).optional()),
  year: z.coerce.number().int().min(1949).max(2200).optional(),
  committeeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** A marked range of the snippet: UTF-16 offsets, end exclusive. */
export const SearchHighlight = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type SearchHighlight = z.infer<typeof SearchHighlight>;

export const SearchResult = z.object({
  kind: SearchKind,
  id: Id,
  title: z.string(),
  /** Plain text around the first match (never HTML); `highlights` mark the matches in it. */
  snippet: z.string(),
  highlights: z.array(SearchHighlight),
  /** App path, e.g. /meetings/abc/minutes or /proposals/xyz. */
  link: z.string(),
  meetingId: Id.nullable().optional(),
  at: IsoDateTime.nullable().optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResults = z.object({ items: z.array(SearchResult), total: z.number().int() });
export type SearchResults = z.infer<typeof SearchResults>;
