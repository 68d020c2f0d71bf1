/** Options every minutes renderer takes. */
export interface RenderOptions {
  /** Diagonal watermark on every page (a marked line in Markdown), e.g. 草稿 until the minutes are approved. */
  watermark?: string;
  /** Document title and file name; defaults to the first title block. */
  title?: string;
}
