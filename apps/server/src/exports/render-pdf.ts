import type { MinutesBlock } from '@xieshang/protocol';
import PDFDocument from 'pdfkit';
import { loadPdfFonts, type PdfFontRole } from './fonts.js';
import {
  CHAR_PITCH_PT,
  INDENT_PT,
  LINE_PITCH_PT,
  mm,
  PAGE,
  SIZE,
  TABLE_LINE_PITCH_PT,
  TITLE_COLOR,
} from './gbt9704.js';
import type { RenderOptions } from './render-options.js';

/*
 * Minutes as a print-quality PDF with selectable Chinese text, laid out like the DOCX (GB/T 9704
 * page, 22 lines × 28 characters, outside page numbers). The 公文 faces are proprietary, so the
 * open Noto faces in fonts.ts stand in for them; pdfkit embeds only the glyphs used.
 */

type Doc = PDFKit.PDFDocument;
type Block = MinutesBlock;

const LEFT = mm(PAGE.marginMm.left);
const WIDTH = mm(PAGE.textWidthMm);
const TEXT_COLOR = '#000000';

export async function renderPdf(blocks: MinutesBlock[], opts: RenderOptions = {}): Promise<Buffer> {
  const title = opts.title ?? blocks.find((b) => b.type === 'title')?.text ?? '会议纪要';
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mm(PAGE.marginMm.top),
      bottom: mm(PAGE.marginMm.bottom),
      left: LEFT,
      right: mm(PAGE.marginMm.right),
    },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Author: 'Xieshang 协商', Creator: 'Xieshang 协商', Subject: '会议纪要' },
  });
  const fonts = loadPdfFonts();
  for (const role of Object.keys(fonts) as PdfFontRole[]) doc.registerFont(role, fonts[role]);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  for (const b of blocks) draw(doc, b);
  decoratePages(doc, opts.watermark);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function draw(doc: Doc, b: Block): void {
  switch (b.type) {
    case 'title':
      return drawTitle(doc, b.text);
    case 'heading':
      ensureRoom(doc, 2 * LINE_PITCH_PT);
      return paragraph(doc, b.text, { font: b.level === 1 ? 'sans' : 'bold', size: SIZE.san, indent: INDENT_PT });
    case 'field':
      return drawField(doc, b.label, b.text);
    case 'paragraph':
      return drawParagraph(doc, b);
    case 'table':
      return drawTable(doc, b);
  }
}

interface TextStyle {
  font: PdfFontRole;
  size: number;
  pitch?: number;
  indent?: number;
  x?: number;
  y?: number;
  width?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  color?: string;
}

/** Extra gap that makes consecutive lines `pitch` apart, whatever the face's own metrics. */
function lineGap(doc: Doc, style: TextStyle): number {
  doc.font(style.font).fontSize(style.size);
  return Math.max(0, (style.pitch ?? LINE_PITCH_PT) - doc.currentLineHeight(true));
}

function paragraph(doc: Doc, text: string, style: TextStyle): void {
  const gap = lineGap(doc, style);
  doc.fillColor(style.color ?? TEXT_COLOR).text(text.replace(/\r\n?/g, '\n'), style.x ?? LEFT, style.y ?? doc.y, {
    width: style.width ?? WIDTH,
    // pdfkit justifies by stretching spaces, which CJK lines do not have: set ragged-right.
    align: style.align ?? 'left',
    indent: style.indent ?? 0,
    lineGap: gap,
    // 28 characters to the line at 三号, as the DOCX grid does.
    characterSpacing: style.size === SIZE.san ? CHAR_PITCH_PT - SIZE.san : 0,
  });
  doc.fillColor(TEXT_COLOR);
}

function drawTitle(doc: Doc, text: string): void {
  // §10.3: the 纪要标志 sits 35 mm below the top of the 版心, then a blank line.
  if (doc.y < doc.page.margins.top + mm(PAGE.titleOffsetMm)) doc.y = doc.page.margins.top + mm(PAGE.titleOffsetMm);
  paragraph(doc, text, {
    font: 'bold',
    size: SIZE.er,
    pitch: SIZE.er * 1.5,
    align: 'center',
    color: `#${TITLE_COLOR}`,
  });
  doc.y += LINE_PITCH_PT;
}

/** 「出席：」 in the 黑体 stand-in, then the names; wrapped lines line up after the colon (§10.3). */
function drawField(doc: Doc, label: string, text: string): void {
  ensureRoom(doc, LINE_PITCH_PT);
  const y = doc.y;
  const x = LEFT + INDENT_PT;
  const head = `${label}：`;
  // pdfkit sets text by its top; shift the label so both faces share one baseline.
  const shift = ascent(doc, 'body', SIZE.san) - ascent(doc, 'sans', SIZE.san);
  doc.text(head, x, y + shift, { lineBreak: false });
  const labelWidth = doc.widthOfString(head);
  paragraph(doc, text, {
    font: 'body',
    size: SIZE.san,
    x: x + labelWidth,
    y,
    width: WIDTH - INDENT_PT - labelWidth,
    align: 'left',
  });
  doc.y = Math.max(doc.y, y + LINE_PITCH_PT);
}

/** Distance from the top of a line to its baseline in a face (pdfkit keeps it on the font object). */
function ascent(doc: Doc, font: PdfFontRole, size: number): number {
  doc.font(font).fontSize(size);
  const current = (doc as unknown as { _font: { ascender: number } })._font;
  return (current.ascender / 1000) * size;
}

function drawParagraph(doc: Doc, b: Extract<Block, { type: 'paragraph' }>): void {
  switch (b.style) {
    case 'body':
      return paragraph(doc, b.text, { font: 'body', size: SIZE.san, indent: INDENT_PT });
    case 'quote':
      return paragraph(doc, b.text, {
        font: 'body',
        size: SIZE.san,
        indent: INDENT_PT,
        x: LEFT + INDENT_PT,
        width: WIDTH - 2 * INDENT_PT,
        color: '#333333',
      });
    case 'note':
      return paragraph(doc, b.text, {
        font: 'body',
        size: SIZE.xiaosi,
        pitch: TABLE_LINE_PITCH_PT,
        indent: INDENT_PT,
        align: 'left',
      });
    case 'right':
      doc.y += LINE_PITCH_PT;
      return paragraph(doc, b.text, { font: 'body', size: SIZE.si, align: 'right', width: WIDTH - SIZE.san });
  }
}

const CELL_PAD = 4;

function drawTable(doc: Doc, b: Extract<Block, { type: 'table' }>): void {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cols = b.header.map((_, i) => (WIDTH * (b.widths[i] ?? 1)) / total);
  const style = (header: boolean): TextStyle => ({
    font: header ? 'sans' : 'body',
    size: SIZE.xiaosi,
    pitch: TABLE_LINE_PITCH_PT,
  });
  const textHeight = (text: string, width: number, gap: number) =>
    doc.heightOfString(text || ' ', { width: width - 2 * CELL_PAD, lineGap: gap });
  const height = (cells: string[], header: boolean) => {
    const gap = lineGap(doc, style(header));
    return Math.max(...cols.map((w, i) => textHeight(cells[i] ?? '', w, gap))) + 2 * CELL_PAD;
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: string[], header: boolean, y: number, h: number) => {
    const gap = lineGap(doc, style(header));
    let x = LEFT;
    cols.forEach((w, i) => {
      doc.lineWidth(0.5).rect(x, y, w, h).stroke();
      const text = cells[i] ?? '';
      // Vertically centred, as Word's table cells are.
      doc.text(text, x + CELL_PAD, y + (h - textHeight(text, w, gap)) / 2, {
        width: w - 2 * CELL_PAD,
        align: header || i === 0 ? 'center' : 'left',
        lineGap: gap,
      });
      x += w;
    });
  };

  const headerHeight = height(b.header, true);
  const rowHeights = b.rows.map((r) => height(r, false));
  const captionHeight = b.caption ? 1.25 * LINE_PITCH_PT : 0;
  const whole = captionHeight + headerHeight + rowHeights.reduce((a, h) => a + h, 0);
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  // A table that fits on one page is kept whole; a longer one starts with at least one row.
  ensureRoom(doc, whole <= pageRoom ? whole : captionHeight + headerHeight + (rowHeights[0] ?? 0));
  if (b.caption) {
    doc.y += LINE_PITCH_PT / 4;
    paragraph(doc, b.caption, { font: 'sans', size: SIZE.si, align: 'center', pitch: LINE_PITCH_PT });
  }
  let y = doc.y;
  drawRow(b.header, true, y, headerHeight);
  y += headerHeight;
  for (const [i, row] of b.rows.entries()) {
    const h = rowHeights[i] ?? 0;
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(b.header, true, y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, false, y, h);
    y += h;
  }
  doc.x = LEFT;
  doc.y = y + LINE_PITCH_PT / 2;
}

function ensureRoom(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Page numbers 「— n —」 outside (odd right, even left, one character in), and the watermark. */
function decoratePages(doc: Doc, watermark: string | undefined): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing below the bottom margin would make pdfkit start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const n = i + 1;
    const y = doc.page.height - margin + mm(PAGE.pageNumberGapMm) - SIZE.si;
    doc.font('body').fontSize(SIZE.si).fillColor(TEXT_COLOR);
    doc.text(`— ${n} —`, n % 2 === 1 ? LEFT : LEFT + SIZE.si, y, {
      width: WIDTH - SIZE.si,
      align: n % 2 === 1 ? 'right' : 'left',
      lineBreak: false,
    });
    if (watermark) drawWatermark(doc, watermark);
    doc.page.margins.bottom = margin;
  }
}

function drawWatermark(doc: Doc, text: string): void {
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  const size = 120;
  doc.save();
  doc.rotate(-45, { origin: [cx, cy] });
  doc.font('sans').fontSize(size).fillColor('#808080').fillOpacity(0.18);
  doc.text(text, cx - doc.widthOfString(text) / 2, cy - size / 2, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor(TEXT_COLOR);
}
