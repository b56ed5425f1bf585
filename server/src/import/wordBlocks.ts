import type { ImportWarningCode } from '@dalil/shared/api/import.ts';
import type { CalloutKind, OrderedListType } from '@dalil/shared/editor';
import type { MammothDocument, MammothElement, MammothImage, MammothParagraph, MammothRun } from './mammothTree.ts';
import { paragraphRoles, type ParagraphRole } from './styleMap.ts';
import { isEmptyInline, NO_MARKS, stripMarks, takeDirectionMarks, takeListNumbering, type Direction, type Inline, type Marks } from './inlineContent.ts';

/**
 * The blocks of a Word document as mammoth's default HTML conversion would group them (what the
 * import converted before it read mammoth's tree directly): one paragraph per Word paragraph,
 * consecutive paragraphs of a quotation or box style in one group, list paragraphs in nested lists
 * by their level, tables with their header rows and merged cells.
 */
export type Block = Para | Heading | Group | List | Table | Figure;

export interface Para {
  t: 'p';
  role: 'paragraph' | 'title' | 'caption' | 'credit';
  inline: Inline[];
  /** From the DOCX's `w:bidi` (see paragraphDirections.ts), else from the first strong character. */
  dir: Direction | null;
  explicitDir: boolean;
}

export interface Heading {
  t: 'h';
  level: number;
  inline: Inline[];
  dir: Direction | null;
  explicitDir: boolean;
}

export interface Group {
  t: 'quote' | 'box';
  box: CalloutKind | null;
  children: Block[];
}

export interface List {
  t: 'list';
  ordered: boolean;
  /** Letters or Roman numerals instead of numbers (`markListNumbering`). */
  format: OrderedListType | null;
  /** The number of its first item, as Word counts it (1 when Word's count is not known). */
  start: number;
  /** The number its next item would have in Word, when known: an item numbered otherwise starts a list of its own. */
  next: number | null;
  items: ListItem[];
}

export interface ListItem {
  inline: Inline[];
  dir: Direction | null;
  explicitDir: boolean;
  figures: Figure[];
  lists: List[];
}

export interface Table {
  t: 'table';
  caption: string;
  rows: Array<{ header: boolean; cells: Array<{ colspan: number; rowspan: number; blocks: Block[] }> }>;
}

export interface Figure {
  t: 'figure';
  src: string;
  imageId: string | null;
  alt: string;
  caption: Inline[];
  credit: string;
}

export type Warn = (code: ImportWarningCode, example?: string) => void;

const ROLES = paragraphRoles();
// mammoth's default style map (lib/options-reader.js): these styles are known to it, others warn.
const DEFAULT_HEADING_IDS = new Map([['Heading1', 1], ['Heading2', 2], ['Heading3', 3], ['Heading4', 4], ['Heading5', 5], ['Heading6', 6], ['Heading', 1]]);
const DEFAULT_PARAGRAPH_NAMES = new Set(['FOOTNOTE TEXT', 'ENDNOTE TEXT', 'ANNOTATION TEXT', 'FOOTNOTE', 'ENDNOTE', 'NORMAL', 'BODY']);
const KNOWN_RUN_NAMES = new Set(['STRONG', 'EMPHASIS', 'FOOTNOTE REFERENCE', 'ENDNOTE REFERENCE', 'ANNOTATION REFERENCE', 'FOOTNOTE ANCHOR', 'ENDNOTE ANCHOR', 'HYPERLINK']);
/** mammoth's default map has list rules for five levels. */
const LIST_LEVELS = 5;
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

type Role = ParagraphRole | { kind: 'list'; ordered: boolean; level: number };

/** Reads mammoth's document into blocks; `warn` gets unknown styles and refused links. */
export function readBlocks(document: MammothDocument, warnings: { conversion: Warn; adapt: Warn }): Block[] {
  // mammoth reports each unknown style once (its messages are deduplicated), however often it is used.
  const reported = new Set<string>();
  const conversion: Warn = (code, example) => {
    const key = `${code}\u0000${example ?? ''}`;
    if (reported.has(key)) return;
    reported.add(key);
    warnings.conversion(code, example);
  };
  const warn = { conversion, adapt: warnings.adapt };
  const noteText = (reference: { noteType: string; noteId: string }): string => {
    let note;
    try {
      note = document.notes.resolve(reference);
    } catch {
      return '';
    }
    return stripMarks(textOfElements(note.body, warn.conversion)).replace(/\s+/g, ' ').trim();
  };

  const inlineOf = (elements: MammothElement[], marks: Marks, out: Inline[]): boolean => {
    // Whether mammoth would write anything for these elements (it drops paragraphs it writes nothing for).
    let written = false;
    for (const element of elements) {
      switch (element.type) {
        case 'run': {
          written = inlineOf(element.children, runMarks(element, marks, warn.conversion), out) || written;
          break;
        }
        case 'text':
          if (element.value) {
            out.push({ t: 'text', text: element.value, marks });
            written = true;
          }
          break;
        case 'tab':
          out.push({ t: 'text', text: '\t', marks });
          written = true;
          break;
        case 'break':
          if (element.breakType === 'line') {
            out.push({ t: 'br', marks });
            written = true;
          }
          break;
        case 'hyperlink': {
          const href = element.anchor ? '#' : (element.href ?? '');
          const safe = SAFE_LINK.test(href.trim());
          const start = out.length;
          const wrote = inlineOf(element.children, safe ? { ...marks, link: href } : marks, out);
          // In-document anchors (tables of contents, bookmarks) are not worth a warning; other schemes are.
          if (!safe && out.length > start && href && !href.startsWith('#')) warn.adapt('unsafeLinks', href.trim().slice(0, 40));
          written = wrote || written;
          break;
        }
        case 'noteReference':
          out.push({ t: 'note', text: noteText(element), marks });
          written = true;
          break;
        case 'image':
          out.push({ t: 'image', image: element });
          written = true;
          break;
        case 'bookmarkStart':
        case 'checkbox':
          written = true;
          break;
        default:
          break;
      }
    }
    return written;
  };

  const blocksOf = (elements: MammothElement[]): Block[] => {
    const blocks: Block[] = [];
    for (const element of elements) {
      if (element.type === 'table') {
        blocks.push({
          t: 'table',
          caption: '',
          rows: rowsOf(element.children).map((row) => ({
            header: row.header,
            cells: row.cells.map((cell) => ({ colspan: cell.colSpan, rowspan: cell.rowSpan, blocks: blocksOf(cell.children) })),
          })),
        });
        continue;
      }
      if (element.type !== 'paragraph') continue;
      const role = paragraphRole(element, warn.conversion);
      if (role.kind === 'drop') continue;
      if (role.kind === 'contents') {
        warn.adapt('wordContents');
        continue;
      }
      const inline: Inline[] = [];
      // An empty heading is kept until the blocks settle, which drop it and warn when text followed it.
      if (!inlineOf(element.children, NO_MARKS, inline) && role.kind !== 'heading') continue;
      // Before the directions: taking those strips every private mark from the text they are in.
      const numbering = takeListNumbering(inline);
      const explicit = takeDirectionMarks(inline);
      // A paragraph that held only a mark is as empty as mammoth would have found it without.
      if (role.kind !== 'heading' && isEmptyInline(inline)) continue;
      const text = { inline, dir: explicit, explicitDir: explicit !== null };
      const last = blocks[blocks.length - 1];
      switch (role.kind) {
        case 'heading':
          blocks.push({ t: 'h', level: role.level, ...text });
          break;
        case 'quote':
        case 'box': {
          const box = role.kind === 'box' ? role.box : null;
          const para: Para = { t: 'p', role: 'paragraph', ...text };
          if (last && last.t === role.kind && last.box === box) last.children.push(para);
          else blocks.push({ t: role.kind, box, children: [para] });
          break;
        }
        case 'list':
          placeListItem(blocks, role.level, role.ordered ? numbering : undefined, { ...text, figures: [], lists: [] });
          break;
        default:
          blocks.push({ t: 'p', role: role.kind, ...text });
      }
    }
    return blocks;
  };

  return blocksOf(document.children);
}

/** The first rule of mammoth's map (ours, then its default one) that matches the paragraph. */
function paragraphRole(p: MammothParagraph, warn: Warn): Role {
  const named = p.styleName ? ROLES.get(p.styleName.toUpperCase()) : undefined;
  if (named) return named;
  const heading = (p.styleId && DEFAULT_HEADING_IDS.get(p.styleId)) || headingLevelOfName(p.styleName);
  if (heading) return { kind: 'heading', level: heading };
  if (p.numbering && Number(p.numbering.level) < LIST_LEVELS) return { kind: 'list', ordered: p.numbering.isOrdered, level: Number(p.numbering.level) };
  if (p.styleId && !(p.styleName && DEFAULT_PARAGRAPH_NAMES.has(p.styleName.toUpperCase())) && p.styleId !== 'Body') warn('unknownStyles', p.styleName ?? undefined);
  return { kind: 'paragraph' };
}

/**
 * mammoth's paths `ul|ol > li > … > ul > li:fresh`: a list paragraph of level n goes into the last
 * item of the list before it, n levels down, and opens whatever list or item is missing.
 */
function placeListItem(
  blocks: Block[],
  level: number,
  numbering: { format: OrderedListType | null; ordinal: number | null } | undefined,
  item: ListItem,
): void {
  // undefined: bullets; a format of null: decimal numbers; otherwise letters or Roman numerals.
  const ordered = numbering !== undefined;
  const format = numbering?.format ?? null;
  const ordinal = numbering?.ordinal ?? null;
  let siblings: Block[] | List[] = blocks;
  for (let depth = 0; depth < level; depth++) {
    let list: Block | undefined = siblings[siblings.length - 1];
    if (!list || list.t !== 'list') {
      list = { t: 'list', ordered: false, format: null, start: 1, next: null, items: [] };
      (siblings as Block[]).push(list);
    }
    let parent: ListItem | undefined = list.items[list.items.length - 1];
    if (!parent) {
      parent = { inline: [], dir: null, explicitDir: false, figures: [], lists: [] };
      list.items.push(parent);
    }
    siblings = parent.lists;
  }
  const last = siblings[siblings.length - 1];
  // Word numbers them on from the list before: they belong to it (a list restarted right after
  // another, or counting elsewhere, is a list of its own).
  const followsOn = last && last.t === 'list' && last.ordered === ordered && last.format === format && (ordinal === null || last.next === null || ordinal === last.next);
  if (followsOn) {
    last.items.push(item);
    last.next = ordinal === null ? null : ordinal + 1;
  } else (siblings as Block[]).push({ t: 'list', ordered, format, start: ordinal ?? 1, next: ordinal === null ? null : ordinal + 1, items: [item] });
}

function runMarks(run: MammothRun, marks: Marks, warn: Warn): Marks {
  let out = marks;
  const set = (mark: keyof Marks) => {
    if (!out[mark]) out = { ...out, [mark]: true };
  };
  if (run.isStrikethrough) set('strike');
  if (run.isUnderline) set('underline');
  if (run.isItalic) set('italic');
  if (run.isBold) set('bold');
  const name = run.styleName?.toUpperCase();
  if (name === 'STRONG') set('bold');
  else if (name === 'EMPHASIS') set('italic');
  else if (run.styleId && !(name && KNOWN_RUN_NAMES.has(name))) warn('unknownStyles', run.styleName ?? undefined);
  return out;
}

/** Rows with mammoth's header rule: the rows before the first that is not a header row. */
function rowsOf(children: MammothElement[]): Array<{ header: boolean; cells: Array<{ colSpan: number; rowSpan: number; children: MammothElement[] }> }> {
  let inHeader = true;
  return children.flatMap((row) => {
    if (row.type !== 'tableRow') {
      inHeader = false;
      return [];
    }
    inHeader = inHeader && row.isHeader;
    const cells = row.children.flatMap((cell) => (cell.type === 'tableCell' ? [{ colSpan: cell.colSpan, rowSpan: cell.rowSpan, children: cell.children }] : []));
    return [{ header: inHeader, cells }];
  });
}

function headingLevelOfName(name: string | null): number | null {
  if (!name) return null;
  const upper = name.toUpperCase();
  if (upper === 'HEADING') return 1;
  const m = /^HEADING ([1-6])$/.exec(upper);
  return m ? Number(m[1]) : null;
}

/**
 * A note's text as the DOM's textContent of mammoth's HTML read it: the text of its paragraphs
 * (styles mapped to nothing left out), tables included, one after the other.
 */
function textOfElements(elements: MammothElement[], warn: Warn): string {
  let text = '';
  for (const element of elements) {
    switch (element.type) {
      case 'paragraph':
        if (['drop', 'contents'].includes(paragraphRole(element, warn).kind)) break;
        text += textOfElements(element.children, warn);
        break;
      case 'run':
        runMarks(element, NO_MARKS, warn);
        text += textOfElements(element.children, warn);
        break;
      case 'hyperlink':
      case 'table':
      case 'tableRow':
      case 'tableCell':
        text += textOfElements(element.children, warn);
        break;
      case 'text':
        text += element.value;
        break;
      case 'tab':
        text += '\t';
        break;
      default:
        break;
    }
  }
  return text;
}

export type { MammothImage };
