import type { DocumentKind, ProseMirrorNode } from '@xieshang/protocol';

/**
 * The sections a new document starts with, by kind: 提案 案由 / 案据 / 建议 (the structure the
 * 政协提案 form asks for), 调研报告 调研背景 / 基本情况 / 存在问题 / 对策建议. Each section is a
 * level-2 heading followed by an empty paragraph to type into. The title stays in the document's
 * metadata, not in the text, so renaming never has to touch the content.
 */
export const DOCUMENT_TEMPLATE_SECTIONS: Record<DocumentKind, readonly string[]> = {
  proposal: ['案由', '案据', '建议'],
  report: ['调研背景', '基本情况', '存在问题', '对策建议'],
  minutes: [],
  note: [],
};

/** The initial content as a ProseMirror/TipTap document (`doc` > `heading`/`paragraph`). */
export function documentTemplate(kind: DocumentKind): ProseMirrorNode {
  const content: ProseMirrorNode[] = [];
  for (const section of DOCUMENT_TEMPLATE_SECTIONS[kind]) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: section }] });
    content.push({ type: 'paragraph' });
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}
