import { COLLAB_FRAGMENT, type ProseMirrorMark, type ProseMirrorNode } from '@xieshang/protocol';
import * as Y from 'yjs';

/**
 * The editor's content inside a Y.Doc, in the layout y-prosemirror (TipTap's Collaboration
 * extension) reads and writes: a Y.XmlFragment named COLLAB_FRAGMENT whose children are
 * Y.XmlElements named after ProseMirror node types (attributes = node attrs) and Y.XmlTexts
 * holding runs of text, each mark stored as a formatting attribute `{ [markName]: markAttrs }`
 * (`markName--hash` when a mark type may overlap itself).
 */

export function contentFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(COLLAB_FRAGMENT);
}

// ── ProseMirror JSON → Yjs ──

function marksToAttributes(marks: ProseMirrorMark[] | undefined): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const mark of marks ?? []) attrs[mark.type] = mark.attrs ?? {};
  return attrs;
}

/** Adjacent text nodes become one Y.XmlText, as y-prosemirror does. */
function toYChildren(nodes: ProseMirrorNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let text: Y.XmlText | null = null;
  let length = 0;
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!text) {
        text = new Y.XmlText();
        length = 0;
        out.push(text);
      }
      const value = node.text ?? '';
      text.insert(length, value, marksToAttributes(node.marks));
      length += value.length;
      continue;
    }
    text = null;
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as never);
    }
    const children = toYChildren(node.content ?? []);
    if (children.length) element.insert(0, children);
    out.push(element);
  }
  return out;
}

/** A whole Yjs state holding `doc` (a ProseMirror `doc` node), e.g. a new document's template. */
export function proseMirrorToYjsState(doc: ProseMirrorNode): Uint8Array {
  const ydoc = new Y.Doc();
  try {
    contentFragment(ydoc).insert(0, toYChildren(doc.content ?? []));
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

// ── Yjs → ProseMirror JSON ──

function attributesToMarks(attributes: Record<string, unknown> | undefined): ProseMirrorMark[] {
  const marks: ProseMirrorMark[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    const type = key.split('--')[0]!;
    const attrs =
      value && typeof value === 'object' && Object.keys(value).length ? (value as Record<string, unknown>) : undefined;
    marks.push(attrs ? { type, attrs } : { type });
  }
  return marks;
}

function toProseMirrorNodes(children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): ProseMirrorNode[] {
  const out: ProseMirrorNode[] = [];
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        const marks = attributesToMarks(op.attributes);
        out.push(marks.length ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
      }
    } else if (child instanceof Y.XmlElement) {
      const node: ProseMirrorNode = { type: child.nodeName };
      const attrs = child.getAttributes();
      if (Object.keys(attrs).length) node.attrs = attrs;
      const content = toProseMirrorNodes(child.toArray());
      if (content.length) node.content = content;
      out.push(node);
    }
  }
  return out;
}

/** The document as ProseMirror JSON, for read-only rendering of a version. */
export function yjsToProseMirror(doc: Y.Doc): ProseMirrorNode {
  return { type: 'doc', content: toProseMirrorNodes(contentFragment(doc).toArray()) };
}

// ── Yjs → plain text ──

const CONTAINERS = new Set(['bulletList', 'orderedList', 'taskList', 'blockquote', 'table', 'doc']);

function inlineText(element: Y.XmlElement | Y.XmlText): string {
  if (element instanceof Y.XmlText) {
    let s = '';
    for (const op of element.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') s += op.insert;
    return s;
  }
  if (element.nodeName === 'hardBreak') return '\n';
  let s = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText || child instanceof Y.XmlElement) s += inlineText(child);
  }
  return s;
}

function collectBlocks(children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[], prefix: string, out: string[]): void {
  for (const child of children) {
    if (child instanceof Y.XmlText) {
      const text = inlineText(child).trim();
      if (text) out.push(prefix + text);
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (name === 'bulletList' || name === 'taskList') {
      for (const item of child.toArray())
        if (item instanceof Y.XmlElement) collectBlocks(item.toArray(), `${prefix}• `, out);
    } else if (name === 'orderedList') {
      let n = Number(child.getAttribute('start') ?? 1) || 1;
      for (const item of child.toArray())
        if (item instanceof Y.XmlElement) collectBlocks(item.toArray(), `${prefix}${n++}. `, out);
    } else if (name === 'tableRow') {
      const cells = child.toArray().map((cell) => {
        const parts: string[] = [];
        if (cell instanceof Y.XmlElement) collectBlocks(cell.toArray(), '', parts);
        return parts.join(' ');
      });
      if (cells.some(Boolean)) out.push(prefix + cells.join(' | '));
    } else if (CONTAINERS.has(name) || name === 'listItem' || name === 'taskItem') {
      collectBlocks(child.toArray(), prefix, out);
    } else {
      const text = inlineText(child).trim();
      if (text) out.push(prefix + text);
    }
  }
}

/**
 * The non-empty blocks (headings, paragraphs, list items, table rows) as lines of text, in order.
 * List items carry a `• ` or `n. ` prefix. Versions are compared block by block.
 */
export function yjsToBlocks(doc: Y.Doc): string[] {
  const out: string[] = [];
  collectBlocks(contentFragment(doc).toArray(), '', out);
  return out;
}

/** Plain text: the blocks joined by newlines. Its SHA-256 is a version's content hash. */
export function yjsToPlainText(doc: Y.Doc): string {
  return yjsToBlocks(doc).join('\n');
}

/**
 * The update that turns `current`'s content into `target`'s, made as a fresh edit on a copy of
 * `current`: every block is replaced by a copy of the target's. Other clients' later edits merge
 * with it as with any edit; nothing in the history is rewritten.
 */
export function replaceContentUpdate(current: Y.Doc, target: Y.Doc): Uint8Array {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
    const before = Y.encodeStateVector(scratch);
    const fragment = contentFragment(scratch);
    const copy = toYChildren(toProseMirrorNodes(contentFragment(target).toArray()));
    scratch.transact(() => {
      if (fragment.length) fragment.delete(0, fragment.length);
      if (copy.length) fragment.insert(0, copy);
    });
    return Y.encodeStateAsUpdate(scratch, before);
  } finally {
    scratch.destroy();
  }
}
