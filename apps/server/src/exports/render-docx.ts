import type { MinutesBlock } from '@xieshang/protocol';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { DOCX_FONTS } from './fonts.js';
import type { RenderOptions } from './render-options.js';
import {
  CHAR_PITCH_PT,
  INDENT_PT,
  LINE_PITCH_PT,
  LINE_PITCH_TWIP,
  mm,
  PAGE,
  SIZE,
  TABLE_LINE_PITCH_PT,
  TITLE_COLOR,
  twip,
} from './gbt9704.js';

/*
 * Minutes as a real Word document laid out after GB/T 9704: A4 with 公文 margins and a 22 × 28
 * grid, 纪要标志 in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, 一、 headings in 黑体 and （一）
 * in 楷体_GB2312, tables for votes and attendance, "— 1 —" page numbers outside on odd/even
 * pages, and an optional diagonal 草稿 watermark that Word's own Watermark command recognises.
 */

type Block = MinutesBlock;

/** Latin letters and digits in Times New Roman, Chinese in the named 公文 face. */
const face = (eastAsia: string) => ({
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia,
  cs: DOCX_FONTS.latin,
});
const halfPoints = (pt: number) => pt * 2;
const BODY_LINE = { line: LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TEXT_WIDTH = twip(mm(PAGE.textWidthMm));

export async function renderDocx(blocks: MinutesBlock[], opts: RenderOptions = {}): Promise<Buffer> {
  const title = opts.title ?? blocks.find((b) => b.type === 'title')?.text ?? '会议纪要';
  const watermark = opts.watermark ? watermarkHeader(opts.watermark) : undefined;
  const doc = new Document({
    title,
    creator: 'Xieshang 协商',
    description: '会议纪要',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: face(DOCX_FONTS.body),
            size: halfPoints(SIZE.san),
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: BODY_LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(mm(PAGE.widthMm)), height: twip(mm(PAGE.heightMm)) },
            margin: {
              top: twip(mm(PAGE.marginMm.top)),
              bottom: twip(mm(PAGE.marginMm.bottom)),
              left: twip(mm(PAGE.marginMm.left)),
              right: twip(mm(PAGE.marginMm.right)),
              header: twip(mm(15)),
              // Footer text ends about 7 mm below the 版心.
              footer: twip(mm(PAGE.marginMm.bottom - PAGE.pageNumberGapMm - 5)),
            },
          },
          // 22 lines to the page. Only the line pitch is gridded: a character grid would also space
          // out the 小四 tables and notes, and LibreOffice reads its pitch differently from Word.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIP },
        },
        headers: watermark ? { default: watermark, even: watermarkHeader(opts.watermark!) } : undefined,
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: blocks.flatMap(toDocx),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function toDocx(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [titleParagraph(b.text)];
    case 'heading':
      return [headingParagraph(b.level, b.text)];
    case 'field':
      return [fieldParagraph(b.label, b.text)];
    case 'paragraph':
      return [bodyParagraph(b.text, b.style)];
    case 'table':
      return tableBlocks(b);
  }
}

/** Text runs with the recorded line breaks kept. */
/** 三号 set 0.25 pt tight, so 28 characters fill the 156 mm line as the GB/T grid asks. */
const BODY_CHARACTER_SPACING = Math.floor((CHAR_PITCH_PT - SIZE.san) * 20);

function runs(text: string, style: { font: string; size: number; bold?: boolean; color?: string }): TextRun[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          font: face(style.font),
          size: halfPoints(style.size),
          bold: style.bold,
          color: style.color,
          characterSpacing: style.size === SIZE.san ? BODY_CHARACTER_SPACING : undefined,
          // Smaller or larger type keeps its own exact line height instead of the 三号 line grid.
          snapToGrid: style.size === SIZE.san ? undefined : false,
        }),
    );
}

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // §10.3: the 纪要标志 sits 35 mm below the top of the 版心, followed by a blank line.
    spacing: {
      before: twip(mm(PAGE.titleOffsetMm)),
      after: LINE_PITCH_TWIP,
      line: twip(SIZE.er * 1.5),
      lineRule: LineRuleType.EXACT,
    },
    children: runs(text, { font: DOCX_FONTS.title, size: SIZE.er, color: TITLE_COLOR }),
  });
}

function headingParagraph(level: 1 | 2, text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    indent: { firstLine: twip(INDENT_PT) },
    spacing: BODY_LINE,
    children: runs(
      text,
      level === 1 ? { font: DOCX_FONTS.heading1, size: SIZE.san } : { font: DOCX_FONTS.heading2, size: SIZE.san },
    ),
  });
}

/** 「出席：」 in 黑体, names in 仿宋; wrapped lines line up after the full-width colon (§10.3). */
function fieldParagraph(label: string, text: string): Paragraph {
  const labelWidth = (label.length + 1) * SIZE.san;
  return new Paragraph({
    indent: { left: twip(INDENT_PT + labelWidth), hanging: twip(labelWidth) },
    spacing: BODY_LINE,
    children: [
      ...runs(`${label}：`, { font: DOCX_FONTS.heading1, size: SIZE.san }),
      ...runs(text, { font: DOCX_FONTS.body, size: SIZE.san }),
    ],
  });
}

function bodyParagraph(text: string, style: Extract<Block, { type: 'paragraph' }>['style']): Paragraph {
  switch (style) {
    case 'body':
      return new Paragraph({
        alignment: AlignmentType.BOTH,
        indent: { firstLine: twip(INDENT_PT) },
        spacing: BODY_LINE,
        children: runs(text, { font: DOCX_FONTS.body, size: SIZE.san }),
      });
    case 'quote':
      return new Paragraph({
        alignment: AlignmentType.BOTH,
        indent: { left: twip(INDENT_PT), right: twip(INDENT_PT), firstLine: twip(INDENT_PT) },
        spacing: BODY_LINE,
        children: runs(text, { font: DOCX_FONTS.heading2, size: SIZE.san }),
      });
    case 'note':
      return new Paragraph({
        indent: { firstLine: twip(INDENT_PT) },
        spacing: { line: twip(TABLE_LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: runs(text, { font: DOCX_FONTS.body, size: SIZE.xiaosi }),
      });
    case 'right':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: twip(SIZE.san) },
        spacing: { ...BODY_LINE, before: LINE_PITCH_TWIP },
        children: runs(text, { font: DOCX_FONTS.body, size: SIZE.si }),
      });
  }
}

function tableBlocks(b: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // A short table (votes) is kept on one page: every row but the last keeps with the next.
  const keepTogether = b.rows.length <= 20;
  const cell = (text: string, i: number, header: boolean, last = false) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          keepNext: keepTogether && !last,
          alignment: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: twip(TABLE_LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: runs(text, { font: header ? DOCX_FONTS.heading1 : DOCX_FONTS.body, size: SIZE.xiaosi }),
        }),
      ],
    });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map(
        (r) => new TableRow({ cantSplit: true, children: b.header.map((_, i) => cell(r[i] ?? '', i, false)) }),
      ),
    ],
  });
  const caption = b.caption
    ? [
        new Paragraph({
          keepNext: true,
          alignment: AlignmentType.CENTER,
          spacing: { ...BODY_LINE, before: twip(LINE_PITCH_PT / 2) },
          children: runs(b.caption, { font: DOCX_FONTS.heading1, size: SIZE.si }),
        }),
      ]
    : [];
  // A paragraph after the table keeps two adjacent tables apart and gives the next text room.
  return [
    ...caption,
    table,
    new Paragraph({ spacing: { line: twip(SIZE.xiaosi), lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

/** 「— 1 —」 in 宋体 四号: odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: twip(SIZE.si) } : { left: twip(SIZE.si) },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: face(DOCX_FONTS.pageNumber),
            size: halfPoints(SIZE.si),
          }),
        ],
      }),
    ],
  });
}

function watermarkHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        children: [new TextWatermark({ text, font: DOCX_FONTS.heading1, color: 'C0C0C0', opacity: 0.5 })],
      }),
    ],
  });
}
