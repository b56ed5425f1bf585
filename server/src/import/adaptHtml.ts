// The standard DOM's shape, spelled with happy-dom's types (the server compiles without the DOM
// lib); convertDocx runs it on linkedom's document.
import type { Document, Element, HTMLElement, Text } from 'happy-dom';
import type { ImportWarningCode } from '@dalil/shared/api/import.ts';
import { messages } from '@dalil/shared/i18n';
import { BOX_CLASS_PREFIX, CAPTION_CLASS, CREDIT_CLASS, TITLE_CLASS } from './styleMap.ts';
import { firstStrongDirection, LTR_MARK, RTL_MARK } from './paragraphDirections.ts';

/** Prefix mammoth gives the ids it writes (notes, bookmarks), so ours cannot clash with the text's. */
export const ID_PREFIX = 'dx-';
/** `src` of an image the store refused: the image is dropped. */
export const REFUSED_IMAGE_SRC = 'dalil-refused:';

export interface AdaptResult {
  /** Text of the first paragraph in Word's Title style. */
  title: string | null;
  /**
   * Caption of each table, in document order ('' for none). Given to the parsed tables afterwards:
   * a <caption> element would also be parsed as a row.
   */
  tableCaptions: string[];
  warnings: Map<ImportWarningCode, { count: number; examples: string[] }>;
}

const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li';
const BOX_KINDS = new Set(['goodPractice', 'caseStudy', 'vigilance', 'reflex', 'testimony']);
// "Figure 3 :", "Tableau 2 –", "شكل 1:", or "Figure :" when Word left a number field empty:
// Dalil numbers figures and tables itself.
const NUMBERED_CAPTION = /^\s*(figure|fig\.|tableau|table|illustration|image|photo|شكل|جدول|صورة)\s*(?:\d+(?:[.-]\d+)*\s*[:.–—-]?|[:.–—-])\s*/i;
// "Crédit : ", "Credit: ", "المصدر: ": the prefixes Dalil's export writes before a figure's credit.
const CREDIT_PREFIXES = Object.values(messages).map((m) => m.export.credit.split('{{credit}}')[0]!.trim()).filter(Boolean);
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * Reshapes mammoth's HTML into the HTML the shared schema parses (`aside[data-callout]`,
 * `figure[data-figure]`, `span[data-footnote]`, table captions, `dir` attributes). It only
 * rearranges: what it leaves that the schema does not know is dropped by the schema's parser.
 */
export function adaptHtml(document: Document): AdaptResult {
  const body = document.body;
  const warnings: AdaptResult['warnings'] = new Map();
  const warn = (code: ImportWarningCode, example?: string) => {
    const entry = warnings.get(code) ?? { count: 0, examples: [] };
    entry.count += 1;
    if (example && entry.examples.length < 5 && !entry.examples.includes(example)) entry.examples.push(example.slice(0, 200));
    warnings.set(code, entry);
  };

  const title = takeTitle(body);
  convertNotes(body);
  cleanLinks(body, warn);
  convertBoxes(body, warn);
  convertImages(document, warn);
  const tableCaptions = takeTableCaptions(body);
  for (const p of body.querySelectorAll(`p.${CAPTION_CLASS}, p.${CREDIT_CLASS}`)) p.removeAttribute('class');
  for (const deep of body.querySelectorAll('h5, h6')) {
    warn('deepHeadings', deep.textContent?.trim().slice(0, 80));
    rename(deep, 'h4');
  }
  applyDirections(body);
  for (const heading of body.querySelectorAll('h1, h2, h3, h4')) if (!heading.textContent?.trim()) heading.remove();
  return { title, tableCaptions, warnings };
}

function takeTitle(body: HTMLElement): string | null {
  let title: string | null = null;
  for (const el of body.querySelectorAll(`h1.${TITLE_CLASS}`)) {
    const text = stripMarks(el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (title === null && text) {
      title = text;
      el.remove();
    } else {
      rename(el, 'p');
    }
  }
  return title;
}

/** Footnote and endnote references become inline notes carrying their text; the lists of notes go. */
function convertNotes(body: HTMLElement): void {
  const notes = new Map<string, string>();
  for (const li of body.querySelectorAll(`li[id^="${ID_PREFIX}footnote-"], li[id^="${ID_PREFIX}endnote-"]`)) {
    for (const back of li.querySelectorAll(`a[href^="#${ID_PREFIX}"]`)) back.remove();
    notes.set(li.id, stripMarks(li.textContent ?? '').replace(/\s+/g, ' ').trim());
    const list = li.parentElement;
    li.remove();
    if (list && list.tagName === 'OL' && list.children.length === 0) list.remove();
  }
  for (const ref of body.querySelectorAll(`a[href^="#${ID_PREFIX}footnote-"], a[href^="#${ID_PREFIX}endnote-"]`)) {
    const id = ref.getAttribute('href')!.slice(1);
    const marker = ref.ownerDocument.createElement('span');
    marker.setAttribute('data-footnote', '');
    marker.setAttribute('data-note', notes.get(id) ?? '');
    const sup = ref.parentElement?.tagName === 'SUP' && ref.parentElement.childNodes.length === 1 ? ref.parentElement : ref;
    sup.replaceWith(marker);
  }
}

/** Only http, https and mailto links stay links; any other target leaves its text behind. */
function cleanLinks(body: HTMLElement, warn: (code: ImportWarningCode, example?: string) => void): void {
  for (const a of body.querySelectorAll('a')) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (SAFE_LINK.test(href)) {
      for (const attr of [...a.attributes]) if (attr.name !== 'href') a.removeAttribute(attr.name);
      continue;
    }
    // In-document anchors (tables of contents, bookmarks) are not worth a warning; other schemes are.
    if (href && !href.startsWith('#')) warn('unsafeLinks', href.slice(0, 40));
    unwrap(a);
  }
}

function convertBoxes(body: HTMLElement, warn: (code: ImportWarningCode, example?: string) => void): void {
  for (const div of body.querySelectorAll(`div[class^="${BOX_CLASS_PREFIX}"]`)) {
    const kind = div.className.slice(BOX_CLASS_PREFIX.length);
    if (!BOX_KINDS.has(kind)) continue;
    if (div.parentElement?.closest('aside[data-callout]')) {
      warn('nestedBoxes');
      unwrap(div);
      continue;
    }
    const aside = rename(div, 'aside');
    aside.removeAttribute('class');
    aside.setAttribute('data-callout', kind);
  }
}

/**
 * Every image becomes a figure (a block); the caption paragraph that follows it becomes its caption.
 * An image inside a paragraph of text is placed after that paragraph.
 */
function convertImages(document: Document, warn: (code: ImportWarningCode, example?: string) => void): void {
  for (const img of document.body.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    const block = img.closest(TEXT_BLOCKS);
    if (src.startsWith(REFUSED_IMAGE_SRC) || !src) {
      img.remove();
      if (block && isEmptyBlock(block)) block.remove();
      continue;
    }
    const figure = document.createElement('figure');
    figure.setAttribute('data-figure', '');
    const imageId = img.getAttribute('data-image-id');
    if (imageId) figure.setAttribute('data-image-id', imageId);
    const image = document.createElement('img');
    image.setAttribute('src', src);
    image.setAttribute('alt', (img.getAttribute('alt') ?? '').trim());
    for (const dim of ['width', 'height']) if (img.getAttribute(dim)) image.setAttribute(dim, img.getAttribute(dim)!);
    const caption = document.createElement('figcaption');
    figure.append(image, caption);
    img.remove();
    if (!block) {
      warn('other', 'image outside a paragraph');
      continue;
    }
    let next = block.nextElementSibling;
    if (next?.matches(`p.${CAPTION_CLASS}`)) {
      caption.innerHTML = next.innerHTML;
      stripCaptionNumber(caption);
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
    if (next?.matches(`p.${CREDIT_CLASS}`)) {
      const credit = document.createElement('p');
      credit.className = 'figure-credit';
      let value = stripMarks(next.textContent ?? '').trim();
      for (const prefix of CREDIT_PREFIXES) if (value.startsWith(prefix)) value = value.slice(prefix.length).trim();
      credit.textContent = value;
      figure.append(credit);
      next.remove();
    }
    if (isEmptyBlock(block)) block.replaceWith(figure);
    else block.after(figure);
  }
}

/** A caption paragraph right before or after a table is the table's caption. */
function takeTableCaptions(body: HTMLElement): string[] {
  const captions: string[] = [];
  for (const table of body.querySelectorAll('table')) {
    const before = table.previousElementSibling;
    const after = table.nextElementSibling;
    const source = before?.matches(`p.${CAPTION_CLASS}`) ? before : after?.matches(`p.${CAPTION_CLASS}`) ? after : null;
    captions.push(source ? stripMarks(source.textContent ?? '').replace(NUMBERED_CAPTION, '').trim() : '');
    source?.remove();
  }
  return captions;
}

/**
 * Paragraph directions: the mark placed before conversion where the DOCX said it, otherwise the
 * first strong character of the paragraph.
 */
function applyDirections(body: HTMLElement): void {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const marked: Array<[Text, 'rtl' | 'ltr']> = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.includes(RTL_MARK)) marked.push([node as Text, 'rtl']);
    else if (value.includes(LTR_MARK)) marked.push([node as Text, 'ltr']);
  }
  for (const [text, dir] of marked) {
    text.parentElement?.closest(TEXT_BLOCKS)?.setAttribute('dir', dir);
    text.nodeValue = stripMarks(text.nodeValue ?? '');
  }
  for (const block of body.querySelectorAll(TEXT_BLOCKS)) {
    if (block.hasAttribute('dir')) {
      if (isEmptyBlock(block) && block.tagName === 'P') block.remove();
      continue;
    }
    const dir = firstStrongDirectionIn(block);
    if (dir) block.setAttribute('dir', dir);
  }
}

/** The first strong character's direction, reading text nodes only until one has it (not the whole textContent). */
function firstStrongDirectionIn(block: Element): 'rtl' | 'ltr' | null {
  const walker = block.ownerDocument.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const dir = firstStrongDirection(node.nodeValue ?? '');
    if (dir) return dir;
  }
  return null;
}

function stripCaptionNumber(caption: Element): void {
  const walker = caption.ownerDocument.createTreeWalker(caption, 4);
  const first = walker.nextNode();
  if (first) first.nodeValue = stripMarks(first.nodeValue ?? '').replace(NUMBERED_CAPTION, '');
}

const stripMarks = (text: string) => text.replace(/[\uE000\uE001]/g, '');

const isEmptyBlock = (el: Element) => !stripMarks(el.textContent ?? '').trim() && !el.querySelector('img, figure, span[data-footnote]');

function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

function rename(el: Element, tag: string): Element {
  const replacement = el.ownerDocument.createElement(tag);
  for (const attr of el.attributes) replacement.setAttribute(attr.name, attr.value ?? "");
  replacement.append(...el.childNodes);
  el.replaceWith(replacement);
  return replacement;
}
