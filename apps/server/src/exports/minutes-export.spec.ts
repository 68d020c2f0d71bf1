import { draftMinutes, SAMPLE_MEETING_RECORD } from '@xieshang/domain';
import { MinutesExportFormat } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { MinutesExportService } from './exports.module.js';
import { contentDisposition, exportMinutes, minutesFileName } from './minutes-export.js';

const draft = draftMinutes(SAMPLE_MEETING_RECORD);

describe('exportMinutes', () => {
  it('renders every export format from a draft', async () => {
    const magic = { docx: 'PK', pdf: '%PDF-', md: '# 青川' };
    for (const format of MinutesExportFormat.options) {
      const file = await exportMinutes(draft, format, { watermark: '草稿' });
      expect(file.body.subarray(0, Buffer.byteLength(magic[format])).toString(), format).toBe(magic[format]);
      expect(file.fileName).toBe(`青川县政协农村居家养老服务协商座谈会纪要（草稿）.${format}`);
    }
  }, 60_000);

  it('marks a Markdown draft under its title, and only when asked', async () => {
    const marked = (await exportMinutes(draft, 'md', { watermark: '草稿' })).body.toString('utf8');
    expect(marked.startsWith('# 青川县政协农村居家养老服务协商座谈会纪要\n\n> 【草稿】\n\n**时间**：')).toBe(true);
    const approved = await exportMinutes(draft, 'md');
    expect(approved.body.toString('utf8')).not.toContain('草稿');
    expect(approved.contentType).toBe('text/markdown; charset=utf-8');
    expect(approved.fileName).toBe('青川县政协农村居家养老服务协商座谈会纪要.md');
  });

  it('accepts a block list (e.g. the co-edited text) instead of a draft', async () => {
    const file = await exportMinutes([{ type: 'title', anchor: 't', text: '修订后的纪要' }], 'md');
    expect(file.body.toString('utf8')).toBe('# 修订后的纪要\n');
    expect(file.fileName).toBe('修订后的纪要.md');
  });

  it('goes through the injectable service the same way', async () => {
    const service = new MinutesExportService();
    service.onModuleInit();
    const file = await service.export(draft, 'docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('download names', () => {
  it('replaces characters file systems refuse and caps the length', () => {
    expect(minutesFileName('a/b:c*d?"e"<f>|g', 'pdf')).toBe('a_b_c_d__e__f__g.pdf');
    expect(minutesFileName('', 'md')).toBe('minutes.md');
    expect(minutesFileName('纪'.repeat(300), 'docx')).toBe(`${'纪'.repeat(120)}.docx`);
  });

  it('sends an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('会议纪要（草稿）.docx')).toBe(
      `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent('会议纪要')}%EF%BC%88${encodeURIComponent('草稿')}%EF%BC%89.docx`,
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      'attachment; filename="minutes.pdf"; filename*=UTF-8\'\'it%27s%20%281%29.pdf',
    );
  });
});
