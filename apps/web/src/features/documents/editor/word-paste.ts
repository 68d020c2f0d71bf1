/**
 * Makes HTML pasted from Microsoft Word or WPS readable for the editor's parser. Headings,
 * bold/italic, links and tables already come through as real tags; lists do not: Word writes
 * each list item as a `<p style="mso-list:l0 level2 lfo1">` preceded by its bullet or number
 * as text inside `<!--[if !supportLists]-->…<!--[endif]-->`. Those paragraphs are turned into
 * nested `<ul>`/`<ol>` here (numbered when the marker is a number, letter, roman or Chinese
 * numeral), and Office-only markup (`<o:p>`, styles, XML islands) is dropped.
 */

const OFFICE_HTML = /class="?Mso|mso-|urn:schemas-microsoft-com:office/i;
const LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const IGNORED_STYLE = /mso-list:\s*ignore/i;
/** 1. 1) a. iv. 一、 （一） ① — anything that is not a bullet glyph. */
const NUMBER_MARKER =
  /^[\s\u00a0]*(?:[(（]?\s*(?:\d+|[a-z]{1,3}|[一二三四五六七八九十百]+)\s*[.)、．）]|[\u2460-\u2473])/i;

interface ListParagraph {
  element: Element;
  level: number;
  ordered: boolean;
}

export function isOfficeHtml(html: string): boolean {
  return OFFICE_HTML.test(html);
}

export function cleanOfficeHtml(html: string): string {
  if (!isOfficeHtml(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const markers = takeListMarkers(doc);
  for (const el of Array.from(doc.querySelectorAll('style, meta, link, xml, title, script'))) el.remove();
  // <o:p> is Word's empty-paragraph filler; the HTML parser keeps it as an unknown element.
  for (const el of Array.from(doc.body.getElementsByTagName('o:p'))) el.replaceWith(...Array.from(el.childNodes));
  // Without conditional comments (other Word versions, WPS) the marker is a span styled mso-list:Ignore.
  for (const el of Array.from(doc.body.querySelectorAll('[style]'))) {
    if (!IGNORED_STYLE.test(el.getAttribute('style') ?? '')) continue;
    const paragraph = el.closest('p, h1, h2, h3, h4, h5, h6, li');
    if (paragraph && !markers.has(paragraph)) markers.set(paragraph, el.textContent ?? '');
    el.remove();
  }
  for (const title of Array.from(doc.body.querySelectorAll('p.MsoTitle'))) retag(title, 'h1');
  buildLists(doc, markers);
  return doc.body.innerHTML;
}

/**
 * Removes the bullet/number text Word puts between `[if !supportLists]` and `[endif]` comments
 * and remembers it per paragraph (it decides between a numbered and a bulleted list).
 */
function takeListMarkers(doc: Document): Map<Element, string> {
  const markers = new Map<Element, string>();
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/^\[if !support/i.test((node as Comment).data.trim())) starts.push(node as Comment);
  }
  for (const start of starts) {
    let text = '';
    let node = start.nextSibling;
    while (node && !(node.nodeType === Node.COMMENT_NODE && /^\[endif\]/i.test((node as Comment).data.trim()))) {
      const next: ChildNode | null = node.nextSibling;
      text += node.textContent ?? '';
      node.remove();
      node = next;
    }
    node?.remove();
    const paragraph = start.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, li');
    if (paragraph && /^\[if !supportLists\]/i.test(start.data.trim())) markers.set(paragraph, text);
    start.remove();
  }
  // Any other comment (conditional or not) is noise for the editor.
  const rest: Comment[] = [];
  const all = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  for (let node = all.nextNode(); node; node = all.nextNode()) rest.push(node as Comment);
  for (const c of rest) c.remove();
  return markers;
}

function listParagraph(el: Element, markers: Map<Element, string>): ListParagraph | null {
  const match = LIST_STYLE.exec(el.getAttribute('style') ?? '');
  const isListClass = /MsoListParagraph/i.test(el.getAttribute('class') ?? '');
  if (!match && !(isListClass && markers.has(el))) return null;
  const level = match ? Math.max(1, Number(match[2])) : 1;
  return { element: el, level, ordered: NUMBER_MARKER.test(markers.get(el) ?? '') };
}

function buildLists(doc: Document, markers: Map<Element, string>): void {
  const containers = new Set<Element>();
  for (const el of Array.from(doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6'))) {
    if (listParagraph(el, markers) && el.parentElement) containers.add(el.parentElement);
  }
  for (const container of containers) {
    let run: ListParagraph[] = [];
    for (const child of Array.from(container.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE && !child.textContent?.trim()) continue;
      const item = child.nodeType === Node.ELEMENT_NODE ? listParagraph(child as Element, markers) : null;
      if (item) {
        run.push(item);
        continue;
      }
      if (run.length) nest(doc, run);
      run = [];
    }
    if (run.length) nest(doc, run);
  }
}

/** Replaces a run of consecutive list paragraphs with nested lists. */
function nest(doc: Document, run: ListParagraph[]): void {
  const stack: { level: number; ordered: boolean; list: HTMLElement }[] = [];
  // Lists are inserted, in order, just before this marker; it goes once the run is rebuilt.
  const anchor = doc.createElement('span');
  run[0]!.element.before(anchor);
  for (const item of run) {
    while (stack.length && stack[stack.length - 1]!.level > item.level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === item.level && top.ordered !== item.ordered) stack.pop();
    const current = stack[stack.length - 1];
    if (!current || current.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (current) {
        const parentItem =
          (current.list.lastElementChild as HTMLElement | null) ?? current.list.appendChild(doc.createElement('li'));
        parentItem.appendChild(list);
      } else {
        anchor.before(list);
      }
      stack.push({ level: item.level, ordered: item.ordered, list });
    }
    const li = doc.createElement('li');
    const p = doc.createElement('p');
    p.append(...Array.from(item.element.childNodes));
    li.appendChild(p);
    stack[stack.length - 1]!.list.appendChild(li);
    item.element.remove();
  }
  anchor.remove();
}

function retag(el: Element, tag: string): void {
  const replacement = el.ownerDocument.createElement(tag);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
}
