import type { MinutesBlock, ProseMirrorNode } from '@xieshang/protocol';

/*
 * The minutes block list ⇄ the co-edited document (ProseMirror/TipTap JSON, node names of
 * TipTap's StarterKit and Table extensions). Drafting seeds the document with
 * `blocksToProseMirror`; every export after editing reads it back with `proseMirrorToBlocks`,
 * so the Word/PDF/Markdown files show what the secretary and members agreed, not a re-draft.
 *
 * The title lives in the document's metadata, as for every document kind. Block anchors and
 * minutes styles travel as node attributes (MINUTES_NODE_ATTRS); the editor must declare them
 * as global attributes or ProseMirror drops them on the first edit. Without them the text still
 * converts back sensibly: bold 「出席：」 openings become fields again, right-aligned paragraphs
 * stay right-aligned, and anchors are regenerated.
 */

/** Attributes the editor must keep on paragraph, heading, blockquote and table nodes. */
export const MINUTES_NODE_ATTRS = ['anchor', 'minutesStyle', 'widths'] as const;

type Block = MinutesBlock;
type Node = ProseMirrorNode;

export function blocksToProseMirror(blocks: MinutesBlock[]): { title: string | null; doc: ProseMirrorNode } {
  const title = blocks.find((b) => b.type === 'title')?.text ?? null;
  const content = blocks.flatMap(blockToNodes);
  return { title, doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] } };
}

/** Text with line breaks as hardBreak nodes; never an empty text node (ProseMirror forbids them). */
function inline(text: string, marks?: Node['marks']): Node[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line, i) => [
      ...(i > 0 ? [{ type: 'hardBreak' }] : []),
      ...(line ? [{ type: 'text', text: line, ...(marks ? { marks } : {}) }] : []),
    ]);
}

const para = (attrs: Record<string, unknown>, content: Node[]): Node =>
  content.length ? { type: 'paragraph', attrs, content } : { type: 'paragraph', attrs };

function blockToNodes(b: Block): Node[] {
  switch (b.type) {
    case 'title':
      return [];
    case 'heading':
      // Level 2/3 as the document templates use level 2 for sections; level 1 is the title's.
      return [{ type: 'heading', attrs: { level: b.level + 1, anchor: b.anchor }, content: inline(b.text) }];
    case 'field':
      return [
        para({ anchor: b.anchor, minutesStyle: 'field' }, [
          ...inline(`${b.label}：`, [{ type: 'bold' }]),
          ...inline(b.text),
        ]),
      ];
    case 'paragraph':
      if (b.style === 'quote') {
        return [{ type: 'blockquote', attrs: { anchor: b.anchor }, content: [para({}, inline(b.text))] }];
      }
      if (b.style === 'right')
        return [para({ anchor: b.anchor, textAlign: 'right', minutesStyle: 'right' }, inline(b.text))];
      return [para({ anchor: b.anchor, ...(b.style === 'note' ? { minutesStyle: 'note' } : {}) }, inline(b.text))];
    case 'table':
      return [
        ...(b.caption
          ? [para({ anchor: `${b.anchor}:caption`, minutesStyle: 'caption' }, inline(b.caption, [{ type: 'bold' }]))]
          : []),
        {
          type: 'table',
          attrs: { anchor: b.anchor, widths: b.widths },
          content: [b.header, ...b.rows].map((row, r) => ({
            type: 'tableRow',
            content: b.header.map((_, i) => ({
              type: r === 0 ? 'tableHeader' : 'tableCell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [para({}, inline(row[i] ?? ''))],
            })),
          })),
        },
      ];
  }
}

// ── back from the edited document ──

/** The text of a node: text runs joined, hardBreak as a newline, block children on new lines. */
function textOf(node: Node): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(textOf);
  const isBlock = (n: Node) => n.type !== 'text' && n.type !== 'hardBreak';
  return (node.content ?? []).some(isBlock) && node.type !== 'paragraph' && node.type !== 'heading'
    ? parts.filter(Boolean).join('\n')
    : parts.join('');
}

const attr = (n: Node, key: string): unknown => n.attrs?.[key];
const isBold = (n: Node | undefined) => !!n?.marks?.some((m) => m.type === 'bold');

/** A paragraph opening with a bold 「出席：」 is a labelled line. */
function asField(p: Node): { label: string; text: string } | null {
  const first = p.content?.[0];
  if (!first || first.type !== 'text' || !isBold(first)) return null;
  const m = /^([^：:]{1,6})[：:]$/.exec((first.text ?? '').trim());
  if (!m) return null;
  return { label: m[1]!, text: textOf({ type: 'paragraph', content: p.content!.slice(1) }).trim() };
}

export function proseMirrorToBlocks(doc: ProseMirrorNode, title?: string | null): MinutesBlock[] {
  const out: Block[] = title ? [{ type: 'title', anchor: 'title', text: title }] : [];
  const used = new Set<string>(out.map((b) => b.anchor));
  // The node's own anchor when it kept one, else one from its position; never a duplicate.
  const anchor: AnchorOf = (n, fallback) => {
    const own = n ? attr(n, 'anchor') : null;
    const wanted = typeof own === 'string' && own ? own : fallback;
    let a = wanted;
    for (let k = 2; used.has(a); k++) a = `${wanted}~${k}`;
    used.add(a);
    return a;
  };
  const nodes = doc.content ?? [];
  nodes.forEach((n, i) => {
    const next = nodes[i + 1];
    if (n.type === 'paragraph' && attr(n, 'minutesStyle') === 'caption' && next?.type === 'table') return;
    const prev = nodes[i - 1];
    const caption = prev?.type === 'paragraph' && attr(prev, 'minutesStyle') === 'caption' ? textOf(prev).trim() : null;
    out.push(...nodeToBlocks(n, `doc:${i}`, anchor, caption));
  });
  return out;
}

type AnchorOf = (n: Node | null, fallback: string) => string;

function nodeToBlocks(n: Node, key: string, anchor: AnchorOf, caption: string | null): Block[] {
  switch (n.type) {
    case 'heading': {
      const text = textOf(n).trim();
      const level = Number(attr(n, 'level') ?? 2) <= 2 ? 1 : 2;
      return text ? [{ type: 'heading', anchor: anchor(n, key), level, text }] : [];
    }
    case 'paragraph':
      return paragraphToBlocks(n, key, anchor);
    case 'blockquote':
      return (n.content ?? [])
        .map((c) => textOf(c).trim())
        .filter(Boolean)
        .map((text, j): Block => ({
          type: 'paragraph',
          anchor: anchor(j === 0 ? n : null, `${key}:${j}`),
          text,
          style: 'quote',
        }));
    case 'bulletList':
    case 'orderedList':
      return (n.content ?? [])
        .map((item) => textOf(item).trim())
        .filter(Boolean)
        .map((text, j): Block => ({
          type: 'paragraph',
          anchor: anchor(null, `${key}:${j}`),
          text: `${n.type === 'orderedList' ? `${j + Number(attr(n, 'start') ?? 1)}.` : '•'} ${text}`,
          style: 'body',
        }));
    case 'table':
      return [tableToBlock(n, anchor(n, key), caption)];
    case 'horizontalRule':
      return [];
    default: {
      const text = textOf(n).trim();
      return text ? [{ type: 'paragraph', anchor: anchor(n, key), text, style: 'body' }] : [];
    }
  }
}

function paragraphToBlocks(n: Node, key: string, anchor: AnchorOf): Block[] {
  const text = textOf(n).trim();
  if (!text) return [];
  const style = attr(n, 'minutesStyle');
  if (style === 'right' || attr(n, 'textAlign') === 'right')
    return [{ type: 'paragraph', anchor: anchor(n, key), text, style: 'right' }];
  if (style === 'note') return [{ type: 'paragraph', anchor: anchor(n, key), text, style: 'note' }];
  const field = asField(n);
  if (field) return [{ type: 'field', anchor: anchor(n, key), ...field }];
  return [{ type: 'paragraph', anchor: anchor(n, key), text, style: 'body' }];
}

function tableToBlock(n: Node, anchor: string, caption: string | null): Block {
  const rows = (n.content ?? []).map((row) => (row.content ?? []).map((cell) => textOf(cell).trim()));
  const header = rows[0]?.length ? rows[0] : [''];
  const width = header.length;
  const body = rows.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const widths = attr(n, 'widths');
  const valid = Array.isArray(widths) && widths.length === width && widths.every((w) => typeof w === 'number' && w > 0);
  return {
    type: 'table',
    anchor,
    caption,
    header,
    rows: body,
    widths: valid ? (widths as number[]) : header.map(() => 1),
  };
}
