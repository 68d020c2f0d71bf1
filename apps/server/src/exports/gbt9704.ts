/*
 * Page and type of a 公文 (GB/T 9704-2012) as both renderers use them: A4, 版心 156 × 225 mm
 * (天头 37 mm, 订口 28 mm ⇒ margins 37/35/28/26 mm), body 三号 (16 pt) in 22 lines of 28
 * characters, title 二号 (22 pt), page numbers 四号 (14 pt) 7 mm below the 版心.
 * See shared notes domain-cppcc.md §4 for the sources.
 */

const PT_PER_MM = 72 / 25.4;

export const mm = (v: number) => v * PT_PER_MM;
/** Word measures in twentieths of a point. */
export const twip = (pt: number) => Math.round(pt * 20);

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  /** 版心 */
  textWidthMm: 156,
  textHeightMm: 225,
  /** Page number baseline distance below the 版心. */
  pageNumberGapMm: 7,
  /** 纪要标志 sits this far below the top of the 版心 (§10.3). */
  titleOffsetMm: 35,
} as const;

/** Chinese type sizes (号) in points. */
export const SIZE = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm / 22 lines ≈ 28.95 pt between baselines. */
export const LINE_PITCH_PT = mm(PAGE.textHeightMm) / LINES_PER_PAGE;

/** Rounded down, or Word fits only 21 lines into the 版心 (22 × 580 twips > 225 mm). */
export const LINE_PITCH_TWIP = Math.floor(LINE_PITCH_PT * 20);

/** 156 mm / 28 characters ≈ 15.79 pt per character: 三号 type set slightly tight. */
export const CHAR_PITCH_PT = mm(PAGE.textWidthMm) / CHARS_PER_LINE;

/** Tables use 小四 and a tighter line so a seven-column attendance list stays readable. */
export const TABLE_LINE_PITCH_PT = 20;

/** The 纪要标志 colour GB/T 9704 recommends (红色). */
export const TITLE_COLOR = 'C00000';

/** 2 characters of first-line indent at body size. */
export const INDENT_PT = 2 * SIZE.san;
