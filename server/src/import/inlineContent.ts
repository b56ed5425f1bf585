import type { JsonNode } from './convertDocx.ts';
import type { MammothImage } from './mammothTree.ts';
import { LTR_MARK, RTL_MARK } from './paragraphDirections.ts';
import type { OrderedListType } from '@dalil/shared/editor';
import { LIST_FORMAT_MARKS, ORDINAL_DIGIT_0, ORDINAL_MARK } from './listNumbering.ts';

/** The marks a run can carry into the schema (superscript, highlight, capitals have no mark there). */
export interface Marks {
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  link?: string;
}

/** A paragraph's content as read from mammoth's runs, before whitespace is settled. */
export type Inline =
  | { t: 'text'; text: string; marks: Marks }
  | { t: 'br'; marks: Marks }
  | { t: 'note'; text: string; marks: Marks }
  | { t: 'image'; image: MammothImage };

export type Direction = 'rtl' | 'ltr';

export const NO_MARKS: Marks = Object.freeze({});

// Direction marks (`markParagraphDirections`) and list numbering's (`markListNumbering`).
const PRIVATE_MARKS = /[\uE000-\uE006\uE010-\uE019]/g;
export const stripMarks = (text: string) => text.replace(PRIVATE_MARKS, '');

/**
 * Takes the direction marks `markParagraphDirections` put in Word's XML out of the text, and says
 * which one was there (the last, as the DOM pass that read them did).
 */
export function takeDirectionMarks(inline: Inline[]): Direction | null {
  let dir: Direction | null = null;
  for (const item of inline) {
    if (item.t !== 'text') continue;
    const rtl = item.text.lastIndexOf(RTL_MARK);
    const ltr = item.text.lastIndexOf(LTR_MARK);
    if (rtl < 0 && ltr < 0) continue;
    dir = rtl > ltr ? 'rtl' : 'ltr';
    item.text = stripMarks(item.text);
  }
  return dir;
}

const LIST_FORMATS = Object.entries(LIST_FORMAT_MARKS) as Array<[OrderedListType, string]>;
const LIST_MARK = /[\uE002-\uE006]/;
const LIST_MARKS_ALL = /[\uE002-\uE006\uE010-\uE019]/g;
const ORDINAL = new RegExp(`${ORDINAL_MARK}([\\uE010-\\uE019]{1,9})`);

/**
 * Takes the marks `markListNumbering` put in a list paragraph out of its text, and says what they
 * said: its format (null for digits) and its number as Word counts it (null when unmarked). Ours
 * come first (the run put before the paragraph's own): the same characters in the text after them
 * are stripped, never read.
 */
export function takeListNumbering(inline: Inline[]): { format: OrderedListType | null; ordinal: number | null } {
  let format: OrderedListType | null = null;
  let ordinal: number | null = null;
  let read = false;
  for (const item of inline) {
    if (item.t !== 'text' || !LIST_MARK.test(item.text)) continue;
    if (!read) {
      read = true;
      for (const [name, mark] of LIST_FORMATS) if (item.text.includes(mark)) format = name;
      const digits = ORDINAL.exec(item.text)?.[1];
      if (digits) ordinal = Number([...digits].map((d) => d.charCodeAt(0) - ORDINAL_DIGIT_0).join(''));
    }
    item.text = item.text.replace(LIST_MARKS_ALL, '');
  }
  return { format, ordinal };
}

/** Text of inline content as a DOM's textContent would read it (notes carry theirs in an attribute). */
export function inlineText(inline: Inline[]): string {
  let text = '';
  for (const item of inline) if (item.t === 'text') text += item.text;
  return text;
}

/** No text, note or image: the block is empty (a paragraph left with only a direction mark, say). */
export function isEmptyInline(inline: Inline[]): boolean {
  for (const item of inline) {
    if (item.t === 'note' || item.t === 'image') return false;
    if (item.t === 'text' && stripMarks(item.text).trim()) return false;
  }
  return true;
}

const LINK_ATTRS = { target: '_blank', rel: 'noopener noreferrer nofollow', class: '', title: null };

function marksJson(marks: Marks, allowed: ReadonlySet<string> | null): JsonNode['marks'] {
  const out: NonNullable<JsonNode['marks']> = [];
  const add = (type: string, attrs?: Record<string, unknown>) => {
    if (!allowed || allowed.has(type)) out.push(attrs ? { type, attrs } : { type });
  };
  if (marks.bold) add('bold');
  if (marks.italic) add('italic');
  if (marks.underline) add('underline');
  if (marks.strike) add('strike');
  if (marks.link !== undefined) add('link', { href: marks.link, ...LINK_ATTRS });
  return out.length > 0 ? out : undefined;
}

export const sameMarks = (a: Marks, b: Marks) => a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.link === b.link;

const SPACES = /[ \t\r\n\u000c]+/g;
/** Whitespace `SPACES` would change: any but a single space (a text's words are mostly just that). */
const UNSETTLED = /[\t\r\n\u000c]| {2}/;
const TRAILING_SPACES = /[ \t\r\n\u000c]+$/;

/**
 * Inline content as the schema's JSON, whitespace settled the way ProseMirror's DOM parser settles
 * it (what the import did before): runs of spaces, tabs and newlines become one space, a space at
 * the start of the block, after a line break or after a space is dropped, the block's trailing
 * whitespace is dropped. Marks a node may not carry (`allowed`, for a figure's caption) are left out.
 */
export function inlineJson(inline: Inline[], allowed: ReadonlySet<string> | null = null): JsonNode[] {
  const out: Array<{ node: JsonNode; marks: Marks | null }> = [];
  for (const item of inline) {
    if (item.t === 'image') continue;
    if (item.t === 'text') {
      let value = UNSETTLED.test(item.text) ? item.text.replace(SPACES, ' ') : item.text;
      if (value.startsWith(' ')) {
        const before = out[out.length - 1];
        if (!before || before.node.type === 'hardBreak' || (before.node.type === 'text' && before.node.text!.endsWith(' '))) value = value.slice(1);
      }
      if (!value) continue;
      const last = out[out.length - 1];
      const marks = allowed ? filterMarks(item.marks, allowed) : item.marks;
      if (last && last.node.type === 'text' && last.marks && sameMarks(last.marks, marks)) {
        last.node.text += value;
        continue;
      }
      const node: JsonNode = { type: 'text', text: value };
      const json = marksJson(marks, null);
      if (json) node.marks = json;
      out.push({ node, marks });
      continue;
    }
    const node: JsonNode = item.t === 'br' ? { type: 'hardBreak' } : { type: 'footnote', attrs: { text: item.text } };
    const json = marksJson(item.marks, allowed);
    if (json) node.marks = json;
    out.push({ node, marks: null });
  }
  const last = out[out.length - 1];
  if (last && last.node.type === 'text') {
    const trimmed = last.node.text!.replace(TRAILING_SPACES, '');
    if (trimmed) last.node.text = trimmed;
    else out.pop();
  }
  return out.map((o) => o.node);
}

function filterMarks(marks: Marks, allowed: ReadonlySet<string>): Marks {
  const out: Marks = {};
  if (marks.bold && allowed.has('bold')) out.bold = true;
  if (marks.italic && allowed.has('italic')) out.italic = true;
  if (marks.underline && allowed.has('underline')) out.underline = true;
  if (marks.strike && allowed.has('strike')) out.strike = true;
  if (marks.link !== undefined && allowed.has('link')) out.link = marks.link;
  return out;
}
