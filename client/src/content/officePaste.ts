import { UPLOADING_PREFIX } from './uploadProgress.ts';

/** A pasted image the editor can upload: the placeholder figure carries `token`. */
export interface PastedImage {
  token: string;
  blob: Blob;
}

export interface CleanedPaste {
  html: string;
  images: PastedImage[];
}

export interface CleanOptions {
  /** Text for a placeholder when an image could not be brought in (e.g. "image.png: …"). */
  missingText: (name: string) => string;
  newToken: () => string;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** Word/LibreOffice style names (folded, as they appear in class names) that become boxes. */
const BOX_STYLES: Array<[string, string]> = [
  ['bonnepratique', 'goodPractice'],
  ['goodpractice', 'goodPractice'],
  ['etudedecas', 'caseStudy'],
  ['tudedecas', 'caseStudy'], // Word drops the non-ASCII "É" from class names
  ['casestudy', 'caseStudy'],
  ['pointdevigilance', 'vigilance'],
  ['reflexeaadopter', 'reflex'],
  ['reflexe', 'reflex'],
  ['temoignage', 'testimony'],
  ['tmoignage', 'testimony'],
  ['successstory', 'testimony'],
];

function boxKindOf(element: Element): string | null {
  const names = [...Array.from(element.classList), element.getAttribute('data-style') ?? ''];
  // LibreOffice writes the style as "bonne-pratique-western"; Word as "Bonnepratique"
  for (const name of names) {
    const folded = fold(name.replace(/-(western|cjk|ctl)$/i, ''));
    for (const [style, kind] of BOX_STYLES) if (folded === style || folded === `${style}western`) return kind;
  }
  return null;
}

function dataUrlToBlob(url: string): Blob | null {
  const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(url);
  if (!match) return null;
  try {
    const raw = match[2] ? atob(match[3]!) : decodeURIComponent(match[3]!);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    return new Blob([bytes], { type: match[1] });
  } catch {
    return null;
  }
}

function fileName(src: string): string {
  const clean = src.split(/[?#]/)[0] ?? src;
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1)) || src.slice(0, 40);
}

/** Word's list paragraphs: `mso-list:l0 level2 lfo1` in the style attribute. */
function msoListInfo(element: Element): { list: string; level: number } | null {
  const style = element.getAttribute('style') ?? '';
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  if (!match || /mso-list:\s*ignore/i.test(style)) return null;
  return { list: match[1]!, level: Number(match[2]) };
}

/** Whether Word's visible marker (the text in the "mso-list:Ignore" span) is a number or letter. */
function isOrderedMarker(paragraph: Element): boolean {
  const ignore = paragraph.querySelector('[style*="mso-list"]');
  const marker = (ignore?.textContent ?? '').replace(/\s|\u00a0/g, '');
  return /^(\(?[0-9]+|[a-z]|[ivxlc]+)[.)]$/i.test(marker);
}

function convertWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6')).filter((p) => msoListInfo(p));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    // a run of consecutive list paragraphs makes one list, nested by level
    const run: Element[] = [first];
    let next = first.nextElementSibling;
    while (next && msoListInfo(next)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    const stack: Array<{ list: HTMLElement; level: number }> = [];
    const rootList = doc.createElement(isOrderedMarker(first) ? 'ol' : 'ul');
    first.before(rootList);
    stack.push({ list: rootList, level: msoListInfo(first)!.level });
    for (const paragraph of run) {
      done.add(paragraph);
      const { level } = msoListInfo(paragraph)!;
      for (const marker of Array.from(paragraph.querySelectorAll('[style*="mso-list"]'))) marker.remove();
      while (stack.length > 1 && level < stack.at(-1)!.level) stack.pop();
      let top = stack.at(-1)!;
      if (level > top.level) {
        const parentItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
        const nested = doc.createElement(isOrderedMarker(paragraph) ? 'ol' : 'ul');
        parentItem.appendChild(nested);
        stack.push((top = { list: nested, level }));
      }
      const item = doc.createElement('li');
      const p = doc.createElement('p');
      p.append(...Array.from(paragraph.childNodes));
      item.appendChild(p);
      top.list.appendChild(item);
      paragraph.remove();
    }
  }
}

/**
 * Footnotes as Word, LibreOffice and Google Docs put them on the clipboard: a reference link
 * (`#_ftn1`, `#sdfootnote1sym`, `#ftnt1`) pointing to a note element holding a link back.
 */
function convertFootnotes(doc: Document): void {
  const refs = Array.from(doc.body.querySelectorAll('a[href^="#"]')).filter((a) => /ftn|footnote|sdfootnote|ftnt/i.test(a.getAttribute('href') ?? ''));
  const notes = new Set<Element>();
  for (const ref of refs) {
    const target = decodeURIComponent((ref.getAttribute('href') ?? '').slice(1));
    const note = doc.getElementById(target) ?? doc.querySelector(`a[name="${CSS.escape(target)}"]`);
    if (!note) continue;
    // the note's container: Word's div[mso-element:footnote], LibreOffice's div#sdfootnote1, or the paragraph
    const container = note.closest('div[style*="mso-element:footnote"], div[id^="sdfootnote"], div[id^="ftn"]') ?? note.closest('p') ?? note;
    if (container.contains(ref)) continue; // the back link inside a note
    const clone = container.cloneNode(true) as Element;
    for (const back of Array.from(clone.querySelectorAll('a[href^="#"]'))) back.remove();
    for (const sup of Array.from(clone.querySelectorAll('.MsoFootnoteReference, sup'))) if (!sup.textContent?.trim() || /^\[?\d+\]?$/.test(sup.textContent.trim())) sup.remove();
    const text = (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
    const marker = doc.createElement('span');
    marker.setAttribute('data-footnote', '');
    marker.setAttribute('data-note', text);
    // the reference is often wrapped in <sup> or Word's reference style span
    const wrapper = ref.parentElement?.matches('sup') && ref.parentElement.childNodes.length === 1 ? ref.parentElement : ref;
    wrapper.replaceWith(marker);
    notes.add(container);
  }
  for (const note of notes) note.remove();
  // Word's footnote list separator and container
  for (const list of Array.from(doc.body.querySelectorAll('div[style*="mso-element:footnote-list"]'))) list.remove();
}

function convertBoxes(doc: Document): void {
  const candidates = Array.from(doc.body.querySelectorAll('p, div, h1, h2, h3, h4')).filter((element) => boxKindOf(element));
  const done = new Set<Element>();
  for (const first of candidates) {
    if (done.has(first)) continue;
    const kind = boxKindOf(first)!;
    const aside = doc.createElement('aside');
    aside.setAttribute('data-callout', kind);
    first.before(aside);
    let current: Element | null = first;
    while (current && boxKindOf(current) === kind) {
      const next: Element | null = current.nextElementSibling;
      done.add(current);
      if (current.tagName === 'DIV') aside.append(...Array.from(current.childNodes));
      else aside.append(current);
      current = next;
    }
  }
}

function convertImages(doc: Document, options: CleanOptions, images: PastedImage[]): void {
  for (const img of Array.from(doc.body.querySelectorAll('img, v\\:imagedata'))) {
    const src = img.getAttribute('src') ?? '';
    const alt = img.getAttribute('alt') ?? img.getAttribute('title') ?? '';
    const figure = doc.createElement('figure');
    figure.setAttribute('data-figure', '');
    if (/^(https?:)?\/\//i.test(src) || src.startsWith('/api/')) {
      // a web image: keep the reference only if it is already ours, else say it was not brought in
      if (src.startsWith('/api/')) {
        const image = doc.createElement('img');
        image.setAttribute('src', src);
        image.setAttribute('alt', alt);
        figure.append(image);
      } else {
        figure.setAttribute('data-missing', options.missingText(src));
      }
    } else if (src.startsWith('data:')) {
      const blob = dataUrlToBlob(src);
      if (blob) {
        const token = options.newToken();
        images.push({ token, blob });
        figure.setAttribute('data-missing', token);
      } else figure.setAttribute('data-missing', options.missingText('data:'));
    } else {
      figure.setAttribute('data-missing', options.missingText(fileName(src) || 'image'));
    }
    const caption = doc.createElement('figcaption');
    caption.textContent = alt && !/^(image|picture|imagen|grafik)\s*\d*$/i.test(alt) ? alt : '';
    figure.append(caption);
    // a figure is a block: lift it out of its paragraph so the paragraph's text stays around it
    const block = img.closest('p, h1, h2, h3, h4, h5, h6, li, td, th');
    if (block && block.tagName === 'P' && !block.closest('li, td, th')) {
      block.after(figure);
      img.remove();
    } else {
      img.replaceWith(figure);
    }
  }
}

/** First rows made of bold cells (Word and Google Docs have no <th>) become header rows. */
function markHeaderRows(doc: Document): void {
  for (const table of Array.from(doc.body.querySelectorAll('table'))) {
    const first = table.querySelector('tr');
    if (!first) continue;
    const cells = Array.from(first.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    const bold = (cell: Element) => {
      const text = cell.textContent?.trim() ?? '';
      if (!text) return true;
      const strong = Array.from(cell.querySelectorAll('b, strong, [style*="font-weight:700"], [style*="font-weight: 700"], [style*="font-weight:bold"]'));
      return strong.some((s) => (s.textContent?.trim() ?? '') === text);
    };
    const isHeader = first.closest('thead') !== null || (cells.length > 0 && cells.every(bold) && cells.some((c) => c.textContent?.trim()));
    if (!isHeader) continue;
    for (const cell of cells) {
      if (cell.tagName === 'TH') continue;
      const th = doc.createElement('th');
      for (const attr of ['colspan', 'rowspan']) if (cell.getAttribute(attr)) th.setAttribute(attr, cell.getAttribute(attr)!);
      th.append(...Array.from(cell.childNodes));
      cell.replaceWith(th);
    }
  }
}

function isOfficeHtml(html: string): boolean {
  return /urn:schemas-microsoft-com|mso-|class="?Mso|docs-internal-guid|LibreOffice|sdfootnote|content="OpenOffice/i.test(html);
}

/**
 * Turns the HTML Word, LibreOffice and Google Docs put on the clipboard into HTML the guide
 * schema parses faithfully: real lists from Word's `mso-list` paragraphs, footnotes, boxes from
 * box-named styles, header rows, figures (data: images queued for upload, others replaced by a
 * visible placeholder), and without Word's conditional comments and Google's wrapping <b>.
 * Anything else outside the schema is then dropped by the schema's parser.
 */
export function cleanOfficeHtml(html: string, options: CleanOptions): CleanedPaste {
  const images: PastedImage[] = [];
  const hasImages = /<img|<v:imagedata/i.test(html);
  if (!isOfficeHtml(html) && !hasImages && !/<table/i.test(html)) return { html, images };
  // Word's "supportLists" conditionals wrap the visible bullet; keep their content so the marker can be read
  const source = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '').replace(/<!\[if [^\]]*\]>/gi, '').replace(/<!\[endif\]>/gi, '');
  const doc = new DOMParser().parseFromString(source, 'text/html');
  for (const node of Array.from(doc.querySelectorAll('style, meta, link, script, title, xml, o\\:p'))) node.remove();
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">
  for (const wrapper of Array.from(doc.querySelectorAll('b[id^="docs-internal-guid"]'))) wrapper.replaceWith(...Array.from(wrapper.childNodes));
  // Word's title style is the guide's top heading
  for (const title of Array.from(doc.querySelectorAll('p.MsoTitle'))) {
    const h1 = doc.createElement('h1');
    h1.append(...Array.from(title.childNodes));
    title.replaceWith(h1);
  }
  convertFootnotes(doc);
  convertWordLists(doc);
  convertBoxes(doc);
  convertImages(doc, options, images);
  markHeaderRows(doc);
  return { html: doc.body.innerHTML, images };
}

export { UPLOADING_PREFIX };
