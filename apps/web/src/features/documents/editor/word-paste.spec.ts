import { describe, expect, it } from 'vitest';
import { cleanOfficeHtml, isOfficeHtml } from './word-paste';

// What Word (and WPS, which copies Word's format) puts on the clipboard, trimmed.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
<body lang=ZH-CN><!--StartFragment-->
<p class=MsoTitle>关于加快农村居家养老服务体系建设的提案<o:p></o:p></p>
<h2>案由<o:p></o:p></h2>
<p class=MsoNormal><b>随着人口老龄化</b>，<i>农村</i>养老需求日益增长。<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18pt;text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>建设互助养老站点<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:36pt;text-indent:-18pt;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span lang=EN-US style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><!--[endif]-->每村至少一处<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:36pt;text-indent:-18pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·</span><![endif]>配备专职人员<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18pt;text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>2.</span><![endif]>推进医养结合<o:p></o:p></p>
<p class=MsoNormal>建议如下：<o:p></o:p></p>
<p class=MsoNormal style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>（一）</span>加大财政投入<o:p></o:p></p>
<p class=MsoNormal style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>（二）</span>完善考核机制<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>乡镇<o:p></o:p></p></td><td><p class=MsoNormal>站点数<o:p></o:p></p></td></tr></table>
<!--EndFragment--></body></html>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('cleanOfficeHtml', () => {
  it('leaves HTML from other sources alone', () => {
    const html = '<p>普通网页 <b>文字</b></p><ul><li>一</li></ul>';
    expect(isOfficeHtml(html)).toBe(false);
    expect(cleanOfficeHtml(html)).toBe(html);
  });

  it('turns Word list paragraphs into nested numbered and bulleted lists without their typed markers', () => {
    const out = parse(cleanOfficeHtml(WORD));
    const top = out.body.querySelector('ol')!;
    expect(top).not.toBeNull();
    const items = Array.from(top.children).map((li) => li.querySelector(':scope > p')!.textContent);
    expect(items).toEqual(['建设互助养老站点', '推进医养结合']);
    const nested = top.children[0]!.querySelector(':scope > ul')!;
    expect(Array.from(nested.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '每村至少一处',
      '配备专职人员',
    ]);
    expect(out.body.textContent).not.toMatch(/1\.|2\.|·/);
  });

  it('recognises Chinese numbering （一）（二） as a numbered list', () => {
    const out = parse(cleanOfficeHtml(WORD));
    const lists = out.body.querySelectorAll(':scope > ol');
    expect(lists).toHaveLength(2);
    expect(Array.from(lists[1]!.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '加大财政投入',
      '完善考核机制',
    ]);
  });

  it('keeps headings, bold/italic and tables; maps the Word title style to h1; drops Office markup', () => {
    const html = cleanOfficeHtml(WORD);
    const out = parse(html);
    expect(out.body.querySelector('h1')!.textContent).toBe('关于加快农村居家养老服务体系建设的提案');
    expect(out.body.querySelector('h2')!.textContent).toBe('案由');
    expect(out.body.querySelector('b')!.textContent).toBe('随着人口老龄化');
    expect(out.body.querySelector('i')!.textContent).toBe('农村');
    expect(out.body.querySelectorAll('td')).toHaveLength(2);
    expect(html).not.toMatch(/o:p|<style|<meta|<!--|mso-list:\s*ignore/i);
    // Paragraph order is kept around the lists.
    const order = Array.from(out.body.children).map((el) => el.tagName.toLowerCase());
    expect(order).toEqual(['h1', 'h2', 'p', 'ol', 'p', 'ol', 'table']);
  });
});
