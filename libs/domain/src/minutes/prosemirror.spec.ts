import type { MinutesBlock, ProseMirrorNode } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { minutesToPlainBlocks } from './blocks.js';
import { draftMinutes } from './draft.js';
import { blocksToProseMirror, proseMirrorToBlocks } from './prosemirror.js';
import { SAMPLE_MEETING_RECORD } from './sample-record.js';

const blocks = minutesToPlainBlocks(draftMinutes(SAMPLE_MEETING_RECORD, { distribution: ['县委办公室'] }));

/** What an editor that does not know our attributes keeps: node types, text, marks, level, textAlign. */
function stripAttrs(n: ProseMirrorNode): ProseMirrorNode {
  const kept: Record<string, unknown> = {};
  for (const k of ['level', 'textAlign', 'colspan', 'rowspan', 'colwidth'])
    if (n.attrs?.[k] !== undefined) kept[k] = n.attrs[k];
  return {
    ...n,
    ...(n.attrs ? { attrs: kept } : {}),
    ...(n.content ? { content: n.content.map(stripAttrs) } : {}),
  };
}

/** No empty text nodes anywhere (ProseMirror rejects them). */
function textNodes(n: ProseMirrorNode): ProseMirrorNode[] {
  return n.type === 'text' ? [n] : (n.content ?? []).flatMap(textNodes);
}

describe('blocksToProseMirror', () => {
  const { title, doc } = blocksToProseMirror(blocks);

  it('keeps the title out of the text, as every document does', () => {
    expect(title).toBe('青川县政协农村居家养老服务协商座谈会纪要');
    expect(JSON.stringify(doc)).not.toContain('"text":"青川县政协农村居家养老服务协商座谈会纪要"');
  });

  it('uses StarterKit and Table node names', () => {
    const types = new Set<string>();
    const walk = (n: ProseMirrorNode) => {
      types.add(n.type);
      n.content?.forEach(walk);
    };
    walk(doc);
    expect([...types].sort()).toEqual([
      'blockquote',
      'doc',
      'heading',
      'paragraph',
      'table',
      'tableCell',
      'tableHeader',
      'tableRow',
      'text',
    ]);
    expect(doc.content![0]).toEqual({
      type: 'paragraph',
      attrs: { anchor: 'header:time', minutesStyle: 'field' },
      content: [
        { type: 'text', text: '时间：', marks: [{ type: 'bold' }] },
        { type: 'text', text: '2026年11月23日 上午9:00—11:30' },
      ],
    });
    expect(textNodes(doc).every((t) => (t.text ?? '').length > 0)).toBe(true);
  });

  it('seeds an empty document with one empty paragraph', () => {
    expect(blocksToProseMirror([])).toEqual({ title: null, doc: { type: 'doc', content: [{ type: 'paragraph' }] } });
  });
});

describe('proseMirrorToBlocks', () => {
  it('gives back exactly the blocks it was seeded with', () => {
    const { title, doc } = blocksToProseMirror(blocks);
    expect(proseMirrorToBlocks(JSON.parse(JSON.stringify(doc)) as ProseMirrorNode, title)).toEqual(blocks);
  });

  it('keeps line breaks through hardBreak nodes', () => {
    const withBreaks: MinutesBlock[] = [{ type: 'paragraph', anchor: 'p', text: '第一行\n第二行', style: 'body' }];
    const { doc } = blocksToProseMirror(withBreaks);
    expect(doc.content![0]!.content!.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(proseMirrorToBlocks(doc)).toEqual(withBreaks);
  });

  it('still reads sensibly when the editor dropped our attributes', () => {
    const { title, doc } = blocksToProseMirror(blocks);
    const back = proseMirrorToBlocks(stripAttrs(doc), title);
    // Same kinds of blocks with the same text; fields recognised by their bold label, the 印发 line by its alignment.
    const shape = (bs: MinutesBlock[]) =>
      bs.map((b) =>
        b.type === 'table'
          ? ['table', b.header, b.rows]
          : b.type === 'field'
            ? ['field', b.label, b.text]
            : [b.type, b.text],
      );
    const expected = blocks.flatMap((b) =>
      b.type === 'table' && b.caption
        ? [{ type: 'paragraph', anchor: '', text: b.caption, style: 'body' } as MinutesBlock, { ...b, caption: null }]
        : [b],
    );
    expect(shape(back)).toEqual(shape(expected));
    expect(back.filter((b) => b.type === 'paragraph' && b.style === 'right')).toHaveLength(1);
    expect(back.filter((b) => b.type === 'paragraph' && b.style === 'quote')).toHaveLength(4);
    expect(new Set(back.map((b) => b.anchor)).size).toBe(back.length);
  });

  it('reads what a member might type: lists, headings of any level, empty lines, unknown nodes', () => {
    const doc: ProseMirrorNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '四、其他事项' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: '（一）补充' }] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '甲事项' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '乙事项' }] }] },
          ],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '丙' }] }] }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '会议认为：', marks: [{ type: 'bold' }] },
            { type: 'text', text: '可行。' },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '这是一个很长的加粗开头：', marks: [{ type: 'bold' }] },
            { type: 'text', text: '正文' },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: '甲' }] }] },
              ],
            },
            { type: 'tableRow', content: [] },
          ],
        },
      ],
    };
    const back = proseMirrorToBlocks(doc);
    expect(back).toEqual([
      { type: 'heading', anchor: 'doc:0', level: 1, text: '四、其他事项' },
      { type: 'heading', anchor: 'doc:2', level: 2, text: '（一）补充' },
      { type: 'paragraph', anchor: 'doc:3:0', text: '3. 甲事项', style: 'body' },
      { type: 'paragraph', anchor: 'doc:3:1', text: '4. 乙事项', style: 'body' },
      { type: 'paragraph', anchor: 'doc:4:0', text: '• 丙', style: 'body' },
      { type: 'field', anchor: 'doc:5', label: '会议认为', text: '可行。' },
      { type: 'paragraph', anchor: 'doc:6', text: '这是一个很长的加粗开头：正文', style: 'body' },
      { type: 'paragraph', anchor: 'doc:8', text: 'x = 1', style: 'body' },
      { type: 'table', anchor: 'doc:9', caption: null, header: ['甲'], rows: [['']], widths: [1] },
    ]);
  });

  it('makes duplicate anchors unique and handles an empty document', () => {
    const p = (text: string): ProseMirrorNode => ({
      type: 'paragraph',
      attrs: { anchor: 'same' },
      content: [{ type: 'text', text }],
    });
    expect(proseMirrorToBlocks({ type: 'doc', content: [p('一'), p('二'), p('三')] }).map((b) => b.anchor)).toEqual([
      'same',
      'same~2',
      'same~3',
    ]);
    expect(proseMirrorToBlocks({ type: 'doc' })).toEqual([]);
    expect(proseMirrorToBlocks({ type: 'doc', content: [{ type: 'paragraph' }] }, '纪要')).toEqual([
      { type: 'title', anchor: 'title', text: '纪要' },
    ]);
  });
});
