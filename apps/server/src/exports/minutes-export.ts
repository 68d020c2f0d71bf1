import type { MinutesBlock, MinutesDraft, MinutesExportFormat } from '@xieshang/protocol';
import { blocksToMarkdown, minutesToPlainBlocks } from '@xieshang/domain';
import { renderDocx } from './render-docx.js';
import type { RenderOptions } from './render-options.js';
import { renderPdf } from './render-pdf.js';

/** A rendered minutes file, ready for a download response. */
export interface MinutesFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const MINUTES_CONTENT_TYPE: Record<MinutesExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
};

/**
 * Renders minutes in one of the export formats, all from the same block list. A MinutesService
 * drafts (or reads the co-edited text as blocks), then passes `watermark: '草稿'` until approved.
 */
export async function exportMinutes(
  source: MinutesDraft | MinutesBlock[],
  format: MinutesExportFormat,
  opts: RenderOptions = {},
): Promise<MinutesFile> {
  const blocks = Array.isArray(source) ? source : minutesToPlainBlocks(source);
  const title = opts.title ?? blocks.find((b) => b.type === 'title')?.text ?? '会议纪要';
  const fileName = minutesFileName(title, format, opts.watermark);
  switch (format) {
    case 'docx':
      return { body: await renderDocx(blocks, opts), contentType: MINUTES_CONTENT_TYPE.docx, fileName };
    case 'pdf':
      return { body: await renderPdf(blocks, opts), contentType: MINUTES_CONTENT_TYPE.pdf, fileName };
    case 'md':
      return {
        body: Buffer.from(markdownWithWatermark(blocks, opts.watermark), 'utf8'),
        contentType: MINUTES_CONTENT_TYPE.md,
        fileName,
      };
  }
}

/** Markdown has no watermark: a marked line under the title says the same. */
function markdownWithWatermark(blocks: MinutesBlock[], watermark: string | undefined): string {
  if (!watermark) return blocksToMarkdown(blocks);
  const at = blocks.findIndex((b) => b.type === 'title') + 1;
  const mark: MinutesBlock = { type: 'paragraph', anchor: 'watermark', text: `【${watermark}】`, style: 'quote' };
  return blocksToMarkdown([...blocks.slice(0, at), mark, ...blocks.slice(at)]);
}

/** 「青川县政协…纪要（草稿）.docx」, with characters no file system accepts replaced. */
export function minutesFileName(title: string, format: MinutesExportFormat, watermark?: string): string {
  const safe = `${title}${watermark ? `（${watermark}）` : ''}`.replace(/[\\/:*?"<>|]/g, '_').replace(/\p{Cc}/gu, '_');
  // By code point, so a cut never splits a surrogate pair.
  const base = Array.from(safe).slice(0, 120).join('');
  return `${base || 'minutes'}.${format}`;
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name every current browser uses. */
export function contentDisposition(fileName: string): string {
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="minutes${ext}"; filename*=UTF-8''${encoded}`;
}
