import type { MinutesBlock, MinutesDraft } from '@xieshang/protocol';
import { minutesToPlainBlocks } from './blocks.js';

/** The minutes as Markdown (CommonMark + GFM tables), from the same block list the DOCX/PDF use. */
export function minutesToMarkdown(draft: MinutesDraft): string {
  return blocksToMarkdown(minutesToPlainBlocks(draft));
}

export function blocksToMarkdown(blocks: MinutesBlock[]): string {
  return `${blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

function blockToMarkdown(b: MinutesBlock): string {
  switch (b.type) {
    case 'title':
      return `# ${inline(b.text)}`;
    case 'heading':
      return `${b.level === 1 ? '##' : '###'} ${inline(b.text)}`;
    case 'field':
      // 「**出席**：」 not 「**出席：**」: CommonMark will not close emphasis after punctuation
      // when a CJK character follows, so the colon stays outside.
      return `**${inline(b.label)}**：${lines(b.text)}`;
    case 'paragraph':
      return b.style === 'quote' ? lines(b.text).replace(/^/gm, '> ') : lines(b.text);
    case 'table':
      return table(b.caption, b.header, b.rows);
  }
}

/**
 * Recorded text is user input: escape what would change the document's structure (emphasis,
 * links, raw HTML, table pipes, a heading or quote marker at line start). Our own "1. " list
 * numbering is left alone on purpose.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#>+-])/gm, '$1\\$2');
}

function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));
}

/** Keeps the recorded line breaks as hard breaks. */
function lines(text: string): string {
  return escapeMarkdown(text.replace(/\r\n?/g, '\n')).split('\n').join('  \n');
}

function table(caption: string | null, header: string[], rows: string[][]): string {
  const row = (cells: string[]) => `| ${header.map((_, i) => inline(cells[i] ?? '') || ' ').join(' | ')} |`;
  const out = [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)];
  return caption ? `**${inline(caption)}**\n\n${out.join('\n')}` : out.join('\n');
}
