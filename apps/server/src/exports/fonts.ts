import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Fonts for the minutes exports.
 *
 * The official 公文 faces (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) are proprietary
 * and cannot be shipped. DOCX files only *name* them — the reader's Word supplies them. PDFs must
 * embed their fonts, so they use open (SIL OFL) faces from the npm registry instead, installed
 * with the server and never downloaded at run time:
 *   - body, quotes (仿宋/宋体 stand-in): Noto Serif SC Regular  (@expo-google-fonts/noto-serif-sc)
 *   - title and level-2 headings (小标宋/楷体 stand-in): Noto Serif SC Bold
 *   - level-1 headings, labels, table headers (黑体 stand-in): Noto Sans Hans Medium (@embedpdf/fonts-sc)
 * Each file is read once per process (≈ 38 MB held); pdfkit embeds only the glyphs a document
 * uses, so a minutes PDF stays around a hundred kilobytes.
 */

/** Names the Word document asks for. */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

export type PdfFontRole = 'body' | 'bold' | 'sans';

export type PdfFontFiles = Record<PdfFontRole, Buffer>;

const require = createRequire(import.meta.url);

/** The font files inside their packages (the packages export no subpaths, so go from their entry). */
export function pdfFontPaths(): Record<PdfFontRole, string> {
  const serif = dirname(require.resolve('@expo-google-fonts/noto-serif-sc'));
  const sans = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return {
    body: join(serif, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: join(serif, '700Bold', 'NotoSerifSC_700Bold.ttf'),
    sans: join(sans, 'NotoSansHans-Medium.otf'),
  };
}

let loaded: PdfFontFiles | null = null;

/** Reads the PDF fonts on first use and keeps them; call at start-up to fail early if one is missing. */
export function loadPdfFonts(): PdfFontFiles {
  if (!loaded) {
    const paths = pdfFontPaths();
    loaded = {
      body: readFileSync(paths.body),
      bold: readFileSync(paths.bold),
      sans: readFileSync(paths.sans),
    };
  }
  return loaded;
}
