import { draftMinutes, minutesToPlainBlocks, SAMPLE_MEETING_RECORD } from '@xieshang/domain';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './render-docx.js';

/** Unescapes the five XML entities the writer uses. */
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each w:p in an XML fragment (generated XML: a regex reader is enough). */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join(''),
  );

/** Every table as rows of cell texts. */
const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n')),
    ),
  );

async function unzip(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const names = Object.keys(zip.files);
  const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read));
  const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read));
  return { names, document: await read('word/document.xml'), styles: await read('word/styles.xml'), headers, footers };
}

const blocks = minutesToPlainBlocks(
  draftMinutes(SAMPLE_MEETING_RECORD, { distribution: ['县委办公室', '县政府办公室'] }),
);

describe('renderDocx', () => {
  let draft: Awaited<ReturnType<typeof unzip>>;
  let plain: Awaited<ReturnType<typeof unzip>>;
  let draftBuf: Buffer;

  beforeAll(async () => {
    draftBuf = await renderDocx(blocks, { watermark: '草稿' });
    draft = await unzip(draftBuf);
    plain = await unzip(await renderDocx(blocks));
  });

  it('writes a Word package', () => {
    expect(draftBuf.subarray(0, 2).toString()).toBe('PK');
    expect(draft.names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
  });

  it('contains the minutes text in Chinese, in order', () => {
    const text = paragraphs(draft.document);
    const at = (s: string) => text.findIndex((p) => p === s);
    expect(at('青川县政协农村居家养老服务协商座谈会纪要')).toBe(0);
    expect(text).toEqual(
      expect.arrayContaining([
        '时间：2026年11月23日 上午9:00—11:30',
        '出席：李明、王建国、陈秀英',
        '请假：孙丽',
        '列席：刘洋（县民政局局长）、黄海（县卫生健康局副局长）',
        '二、委员协商发言',
        '（二）意见建议',
        '1. 陈秀英：不赞成“一刀切”撤并村级互助幸福院，偏远山村老人就近养老需求仍然较大。',
        '记录人：周敏',
        '青川县政协办公室\u3000\u30002026年11月23日印发',
      ]),
    );
    expect(at('一、听取县民政局关于全县农村居家养老服务工作情况的通报')).toBeLessThan(at('二、委员协商发言'));
    expect(at('二、委员协商发言')).toBeLessThan(at('三、审议《关于加快发展农村居家养老服务的建议（审议稿）》'));
  });

  it('puts votes and attendance in real tables', () => {
    const [named, secret, attendance] = tables(draft.document);
    expect(named).toEqual([
      ['选项', '票数', '投票人'],
      ['赞成', '2', '李明、王建国'],
      ['反对', '0', ''],
      ['弃权', '1', '陈秀英'],
      ['合计', '3', ''],
    ]);
    expect(secret).toEqual([
      ['选项', '票数'],
      ['赞成', '2'],
      ['反对', '1'],
      ['弃权', '0'],
      ['合计', '3'],
    ]);
    expect(attendance![0]).toEqual(['序号', '姓名', '单位及职务', '会议身份', '出勤', '签到时间', '备注']);
    expect(attendance).toHaveLength(9);
    expect(attendance![6]).toEqual(['6', '孙丽', '县政协委员、县职业中学教师', '委员', '请假', '', '因公出差']);
    // The header row repeats on every page the table runs onto.
    expect(draft.document).toContain('<w:tblHeader/>');
  });

  it('sets up an A4 page with GB/T 9704 margins and a 22-line grid', () => {
    expect(draft.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^/]*)\/>/.exec(draft.document)![1]!;
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    expect(draft.document).toMatch(/<w:docGrid [^>]*w:type="lines"[^>]*w:linePitch="579"/);
    // 三号 runs set 0.25 pt tight: 28 characters to the 156 mm line.
    expect(draft.document).toContain('<w:spacing w:val="-5"/>');
  });

  it('names the 公文 faces with the East-Asian font set, at 二号/三号', () => {
    expect(draft.styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(draft.styles).toMatch(/<w:sz w:val="32"\/>/);
    const titleRun = /<w:p>[\s\S]*?青川县政协农村居家养老服务协商座谈会纪要/.exec(draft.document)![0];
    expect(titleRun).toContain('w:eastAsia="方正小标宋简体"');
    expect(titleRun).toContain('<w:sz w:val="44"/>');
    expect(draft.document).toContain('w:eastAsia="黑体"');
    expect(draft.document).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('numbers pages 「— n —」 on odd and even footers', () => {
    expect(draft.document).toContain('<w:footerReference w:type="even"');
    expect(draft.footers.length).toBe(2);
    for (const footer of draft.footers) {
      expect(footer).toMatch(/PAGE/);
      expect(paragraphs(footer).join('')).toContain('— ');
    }
  });

  it('adds a 草稿 watermark only when asked', () => {
    expect(draft.headers.length).toBeGreaterThan(0);
    expect(draft.headers.every((h) => /<v:textpath[^>]*string="草稿"/.test(h))).toBe(true);
    expect(plain.headers.join('')).not.toContain('草稿');
    expect(plain.document).not.toContain('草稿');
  });

  it('keeps recorded line breaks and escapes markup in the text', async () => {
    const doc = await unzip(
      await renderDocx([
        { type: 'title', anchor: 't', text: '测试纪要' },
        { type: 'paragraph', anchor: 'p', text: '第一行\n<w:t>第二行 & "引号"', style: 'body' },
      ]),
    );
    expect(paragraphs(doc.document)).toContain('第一行<w:t>第二行 & "引号"');
    expect(doc.document).toMatch(/第一行<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/>/);
  });

  it('renders an empty block list as an empty but valid document', async () => {
    const doc = await unzip(await renderDocx([]));
    expect(doc.document).toContain('<w:body>');
  });
});
