import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftMinutes, minutesToPlainBlocks, SAMPLE_MEETING_RECORD } from '@xieshang/domain';
import type { MinutesBlock } from '@xieshang/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPdfFonts } from './fonts.js';
import { renderPdf } from './render-pdf.js';

/*
 * Reads the PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts): what a person gets
 * when they select and copy text. CI installs poppler-utils (.ci/run); elsewhere:
 * `apt-get install -y poppler-utils`.
 */
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler)
  console.warn('render-pdf.spec: pdftotext not found — PDF read-back tests SKIPPED (apt-get install -y poppler-utils)');

const dir = mkdtempSync(join(tmpdir(), 'xs-minutes-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function poppler(pdf: Buffer) {
  const file = join(dir, `m${++counter}.pdf`);
  writeFileSync(file, pdf);
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, [...args, file, ...(cmd === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  const text = run('pdftotext', ['-enc', 'UTF-8']);
  return {
    text,
    /** Physical layout: a table row comes out as one line. */
    layout: run('pdftotext', ['-enc', 'UTF-8', '-layout']),
    /** Line breaks and the spaces pdftotext puts between wrapped lines removed. */
    flat: text.replace(/\s+/g, ''),
    info: run('pdfinfo', []),
    fonts: run('pdffonts', []),
  };
}

const blocks = minutesToPlainBlocks(
  draftMinutes(SAMPLE_MEETING_RECORD, { distribution: ['县委办公室', '县政府办公室'] }),
);

describe.skipIf(!hasPoppler)('renderPdf (read back with poppler)', () => {
  let draft: ReturnType<typeof poppler>;
  let plain: ReturnType<typeof poppler>;
  let draftBytes: Buffer;

  beforeAll(async () => {
    draftBytes = await renderPdf(blocks, { watermark: '草稿' });
    draft = poppler(draftBytes);
    plain = poppler(await renderPdf(blocks));
  }, 120_000);

  it('writes a multi-page A4 PDF titled after the minutes', () => {
    expect(draftBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(draft.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(draft.info)![1])).toBeGreaterThan(2);
    expect(draft.info).toMatch(/Title:\s+青川县政协农村居家养老服务协商座谈会纪要/);
  });

  it('has selectable Chinese text for every part of the minutes', () => {
    for (const s of [
      '青川县政协农村居家养老服务协商座谈会纪要',
      '时间：2026年11月23日上午9:00—11:30',
      '出席：李明、王建国、陈秀英',
      '请假：孙丽',
      '列席：刘洋（县民政局局长）、黄海（县卫生健康局副局长）',
      '现将会议主要情况纪要如下：',
      '二、委员协商发言',
      '1.王建国（县政协委员、县人民医院副院长），9:22—9:30，就“推进医养结合服务向村级延伸”发言。',
      '反对意见（1条）：',
      '不赞成“一刀切”撤并村级互助幸福院',
      '会议形成以下共识：',
      '表决结果：通过。',
      '表决结果：未通过。',
      '二、推进医养结合，将家庭医生签约服务纳入居家养老服务包',
      '记录人：周敏',
      '附：参会人员名单（共8人）',
      '县政协委员、县职业中学教师',
      '青川县政协办公室',
      '2026年11月23日印发',
    ]) {
      expect(plain.flat, s).toContain(s.replace(/\s+/g, ''));
    }
  });

  it('keeps the vote table readable: options, counts and named voters', () => {
    const rows = plain.layout.split('\n').map((l) => l.trim().split(/\s+/).join(' '));
    expect(rows).toEqual(
      expect.arrayContaining(['选项 票数 投票人', '赞成 2 李明、王建国', '反对 0', '弃权 1 陈秀英', '合计 3']),
    );
    expect(rows).toEqual(expect.arrayContaining(['选项 票数', '赞成 2', '反对 1', '弃权 0']));
  });

  it('numbers the pages 「— n —」', () => {
    expect(plain.text).toMatch(/—\s*1\s*—/);
    expect(plain.text).toMatch(/—\s*2\s*—/);
  });

  it('embeds subsets of open CJK fonts, nothing else', () => {
    const rows = draft.fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+Noto\S+\s.*\byes\s+yes\s+yes\b/);
    // Subset, not the 15 MB faces.
    expect(draftBytes.length).toBeLessThan(400_000);
  });

  it('prints a 草稿 watermark only when asked', () => {
    expect(draft.flat).toContain('草稿');
    expect(plain.flat).not.toContain('草稿');
  });

  it('splits a long table across pages and repeats its header', async () => {
    const long: MinutesBlock[] = [
      { type: 'title', anchor: 't', text: '长表测试纪要' },
      {
        type: 'table',
        anchor: 'tbl',
        caption: '附：名单',
        header: ['序号', '姓名', '单位'],
        rows: Array.from({ length: 80 }, (_, i) => [String(i + 1), `委员${i + 1}`, '县政协委员、某某单位负责人']),
        widths: [1, 2, 5],
      },
    ];
    const out = poppler(await renderPdf(long));
    expect(Number(/Pages:\s+(\d+)/.exec(out.info)![1])).toBeGreaterThan(1);
    expect(out.text.match(/序号/g)!.length).toBeGreaterThan(1);
    expect(out.flat).toContain('委员80');
  }, 60_000);
});

describe('renderPdf without poppler', () => {
  it('loads the fonts once per process', () => {
    expect(loadPdfFonts()).toBe(loadPdfFonts());
  });

  it('survives an empty list, unbreakable text and stray line endings', async () => {
    expect((await renderPdf([])).subarray(0, 5).toString()).toBe('%PDF-');
    const odd = await renderPdf([
      { type: 'paragraph', anchor: 'a', text: 'x'.repeat(2000), style: 'note' },
      { type: 'field', anchor: 'b', label: '出席', text: '甲\r\n乙\r丙' },
      { type: 'table', anchor: 'c', caption: null, header: ['一'], rows: [[]], widths: [1] },
    ]);
    expect(odd.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
