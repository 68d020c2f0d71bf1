import { z } from 'zod';
import { Id, IsoDateTime, Title } from './common.js';
import { PersonRef } from './meetings.js';

/** 提案 / 调研报告 / 会议纪要 / 其他文稿. */
export const DocumentKind = z.enum(['proposal', 'report', 'minutes', 'note']);
export type DocumentKind = z.infer<typeof DocumentKind>;

// ── ProseMirror JSON (the editor's document model; TipTap uses the same shape) ──
export interface ProseMirrorMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface ProseMirrorNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorNode[];
  text?: string;
  marks?: ProseMirrorMark[];
}
export const ProseMirrorMark = z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });
/**
 * Validated one level deep on purpose: a recursive schema would emit a `$ref` the OpenAPI
 * document cannot resolve. Children have the same shape (see the interface).
 */
export const ProseMirrorNode = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(z.looseObject({ type: z.string() })).optional(),
  text: z.string().optional(),
  marks: z.array(ProseMirrorMark).optional(),
}) as unknown as z.ZodType<ProseMirrorNode>;

// ── documents ──
export const CreateDocumentBody = z.object({
  title: Title(200),
  kind: DocumentKind,
  /** The meeting the document belongs to; inferred from agendaItemId when only that is given. */
  meetingId: Id.optional(),
  agendaItemId: Id.optional(),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

export const RenameDocumentBody = z.object({ title: Title(200) });
export type RenameDocumentBody = z.infer<typeof RenameDocumentBody>;

export const AddCoAuthorBody = z.object({ userId: Id });
export type AddCoAuthorBody = z.infer<typeof AddCoAuthorBody>;

export const ListDocumentsQuery = z.object({
  meetingId: Id.optional(),
  agendaItemId: Id.optional(),
  kind: DocumentKind.optional(),
  /** Matches the title. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListDocumentsQuery = z.input<typeof ListDocumentsQuery>;

/** What the caller may do with the document right now (role and lock both count). */
export const DocumentCapabilities = z.object({
  /** Type into the live document (false for observers and while locked). Connect read-only otherwise. */
  edit: z.boolean(),
  rename: z.boolean(),
  /** Lock and unlock (freeze the text, e.g. for 表决). */
  lock: z.boolean(),
  manageCoAuthors: z.boolean(),
  saveVersion: z.boolean(),
  /** Restore an older version as a new edit (false while locked). */
  restoreVersion: z.boolean(),
});
export type DocumentCapabilities = z.infer<typeof DocumentCapabilities>;

export const DocumentSummary = z.object({
  id: Id,
  kind: DocumentKind,
  title: z.string(),
  owner: PersonRef,
  meetingId: Id.nullable(),
  agendaItemId: Id.nullable(),
  locked: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentView = DocumentSummary.extend({
  lockedAt: IsoDateTime.nullable(),
  coAuthors: z.array(PersonRef),
  can: DocumentCapabilities,
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentList = z.object({ items: z.array(DocumentSummary), total: z.number().int() });
export type DocumentList = z.infer<typeof DocumentList>;

/** Plain text of the live document: blocks separated by newlines (for search and minutes). */
export const DocumentText = z.object({ id: Id, title: z.string(), text: z.string() });
export type DocumentText = z.infer<typeof DocumentText>;

// ── versions ──
export const DocumentVersionKind = z.enum(['named', 'before_restore']);
export type DocumentVersionKind = z.infer<typeof DocumentVersionKind>;

/** A version name, e.g. 初稿 / 征求意见稿 / 表决稿 (suggestions: DOCUMENT_STAGE_NAMES in libs/domain). */
export const CreateVersionBody = z.object({ name: Title(60) });
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

export const DocumentVersionView = z.object({
  id: Id,
  documentId: Id,
  /** 1-based, per document (第 n 版). */
  number: z.number().int(),
  name: z.string(),
  kind: DocumentVersionKind,
  author: PersonRef,
  createdAt: IsoDateTime,
  /** SHA-256 (hex) of `text` in UTF-8 (what polls freeze and minutes cite). */
  contentHash: z.string(),
  /** For before_restore: the version that was then restored. */
  sourceVersionId: Id.nullable(),
  /** Characters of plain text, for the list. */
  textLength: z.number().int(),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

export const DocumentVersionList = z.object({ items: z.array(DocumentVersionView) });
export type DocumentVersionList = z.infer<typeof DocumentVersionList>;

/** One version, read-only: its plain text and its content as ProseMirror JSON (render with editable: false). */
export const DocumentVersionDetail = DocumentVersionView.extend({
  text: z.string(),
  content: ProseMirrorNode,
});
export type DocumentVersionDetail = z.infer<typeof DocumentVersionDetail>;

/** `to`: another version id, or `current` for the live document (the default). */
export const VersionDiffQuery = z.object({ to: z.union([z.literal('current'), Id]).default('current') });
export type VersionDiffQuery = z.input<typeof VersionDiffQuery>;

export const DiffOp = z.enum(['equal', 'insert', 'delete']);
export type DiffOp = z.infer<typeof DiffOp>;

/** A run of text, kept, inserted or deleted. */
export const DiffSegment = z.object({ op: DiffOp, text: z.string() });
export type DiffSegment = z.infer<typeof DiffSegment>;

/** One paragraph/heading of the comparison: unchanged, added, removed, or changed within. */
export const DiffBlock = z.object({
  op: z.enum(['equal', 'insert', 'delete', 'change']),
  segments: z.array(DiffSegment),
});
export type DiffBlock = z.infer<typeof DiffBlock>;

export const DiffSide = z.object({
  /** A version id, or `current`. */
  id: z.string(),
  name: z.string(),
  contentHash: z.string(),
  createdAt: IsoDateTime.nullable(),
});
export type DiffSide = z.infer<typeof DiffSide>;

export const VersionDiff = z.object({
  from: DiffSide,
  to: DiffSide,
  blocks: z.array(DiffBlock),
  /** Characters inserted and deleted. */
  stats: z.object({ inserted: z.number().int(), deleted: z.number().int() }),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

export const RestoreVersionResult = z.object({
  /** The version whose content is now the live document's content. */
  restored: DocumentVersionView,
  /** The live content just before the restore, saved automatically so the restore can be undone. */
  savedBefore: DocumentVersionView,
});
export type RestoreVersionResult = z.infer<typeof RestoreVersionResult>;
