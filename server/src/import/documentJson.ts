import { isStorableImageSrc } from '@dalil/shared/editor';
import { messages } from '@dalil/shared/i18n';
import type { JsonNode } from './convertDocx.ts';
import type { MammothImage } from './mammothTree.ts';
import { inlineJson, inlineText, isEmptyInline, sameMarks, stripMarks, type Inline } from './inlineContent.ts';
import { firstStrongDirection } from './paragraphDirections.ts';
import type { Block, Figure, List, ListItem, Para, Warn } from './wordBlocks.ts';

/** Where an image of the file went: stored (or checked), or left out. */
export type ImageOutcome = { src: string; imageId: string | null } | null;

// "Figure 3 :", "Tableau 2 –", "شكل 1:", or "Figure :" when Word left a number field empty:
// Dalil numbers figures and tables itself.
const NUMBERED_CAPTION = /^\s*(figure|fig\.|tableau|table|illustration|image|photo|شكل|جدول|صورة)\s*(?:\d+(?:[.-]\d+)*\s*[:.–—-]?|[:.–—-])\s*/i;
// "Crédit : ", "Credit: ", "المصدر: ": the prefixes Dalil's export writes before a figure's credit.
const CREDIT_PREFIXES = Object.values(messages).map((m) => m.export.credit.split('{{credit}}')[0]!.trim()).filter(Boolean);
const FIGURE_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'link']);
/** Deepest heading level of the schema. */
const MAX_HEADING = 4;

type TextBlock = { inline: Inline[] };

/** Every image of the blocks, in document order. */
export function imagesOf(blocks: Block[]): MammothImage[] {
  const images: MammothImage[] = [];
  const inline = (content: Inline[]) => {
    for (const item of content) if (item.t === 'image') images.push(item.image);
  };
  const list = (l: List) => l.items.forEach((item) => (inline(item.inline), item.lists.forEach(list)));
  const walk = (bs: Block[]) => {
    for (const b of bs) {
      if (b.t === 'p' || b.t === 'h') inline(b.inline);
      else if (b.t === 'quote' || b.t === 'box') walk(b.children);
      else if (b.t === 'list') list(b);
      else if (b.t === 'table') b.rows.forEach((r) => r.cells.forEach((c) => walk(c.blocks)));
    }
  };
  walk(blocks);
  return images;
}

/**
 * Shapes the blocks for the schema, as `adaptHtml` did on mammoth's HTML: the first Title paragraph
 * becomes the guide's title, images become figures (the caption and credit paragraphs after them
 * theirs), a caption paragraph next to a table its caption, headings deeper than the schema's are
 * raised, each text block gets its direction, empty headings go. Then the document's JSON.
 */
export function documentJson(blocks: Block[], images: Map<MammothImage, ImageOutcome>, warn: Warn): { doc: JsonNode; title: string | null } {
  const title = takeTitle(blocks);
  placeFigures(blocks, images);
  takeTableCaptions(blocks);
  settleTextBlocks(blocks, warn);
  const content = blocksJson(blocks).filter((n) => n.type !== 'paragraph' || (n.content?.length ?? 0) > 0);
  return { doc: { type: 'doc', content }, title };
}

/** Calls `visit` on every block list (the body, groups, table cells), outer before inner, in document order. */
function eachBlockList(blocks: Block[], visit: (list: Block[]) => void): void {
  visit(blocks);
  for (const b of blocks) {
    if (b.t === 'quote' || b.t === 'box') eachBlockList(b.children, visit);
    else if (b.t === 'table') for (const row of b.rows) for (const cell of row.cells) eachBlockList(cell.blocks, visit);
  }
}

function takeTitle(blocks: Block[]): string | null {
  let title: string | null = null;
  eachBlockList(blocks, (list) => {
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b.t !== 'p' || b.role !== 'title') continue;
      const text = stripMarks(inlineText(b.inline)).replace(/\s+/g, ' ').trim();
      if (title === null && text) {
        title = text;
        list.splice(i--, 1);
      } else {
        b.role = 'paragraph';
      }
    }
  });
  return title;
}

/**
 * Every image becomes a figure (a block) placed after the block that held it, or instead of it
 * when nothing else is left in it; the caption paragraph (and Dalil's credit line) right after that
 * block become the first figure's. In a list item the figures follow the item's text.
 */
function placeFigures(blocks: Block[], images: Map<MammothImage, ImageOutcome>): void {
  const figuresOf = (block: TextBlock): Figure[] => {
    const figures: Figure[] = [];
    if (!block.inline.some((i) => i.t === 'image')) return figures;
    block.inline = block.inline.filter((item) => {
      if (item.t !== 'image') return true;
      const outcome = images.get(item.image);
      if (outcome) figures.push({ t: 'figure', src: outcome.src, imageId: outcome.imageId, alt: (item.image.altText ?? '').trim(), caption: [], credit: '' });
      return false;
    });
    return figures;
  };
  const inList = (list: List) => {
    for (const item of list.items) {
      item.figures.push(...figuresOf(item));
      item.lists.forEach(inList);
    }
  };
  eachBlockList(blocks, (list) => {
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b.t === 'list') inList(b);
      if (b.t !== 'p' && b.t !== 'h') continue;
      const hadImages = b.inline.some((item) => item.t === 'image');
      if (!hadImages) continue;
      const figures = figuresOf(b);
      let next = i + 1;
      const first = figures[0];
      const caption = list[next];
      if (first && caption?.t === 'p' && caption.role === 'caption') {
        first.caption = captionInline(caption.inline);
        list.splice(next, 1);
      }
      const credit = list[next];
      if (first && credit?.t === 'p' && credit.role === 'credit') {
        let value = stripMarks(inlineText(credit.inline)).trim();
        for (const prefix of CREDIT_PREFIXES) if (value.startsWith(prefix)) value = value.slice(prefix.length).trim();
        first.credit = value;
        list.splice(next, 1);
      }
      if (isEmptyInline(b.inline)) {
        list.splice(i, 1, ...figures);
        i += figures.length - 1;
      } else {
        list.splice(i + 1, 0, ...figures);
        i += figures.length;
      }
    }
  });
}

/**
 * A caption paragraph's content without the number Word wrote before it. Runs of the same
 * formatting are joined first: Word splits "Figure", its number field and " : " into runs.
 */
function captionInline(inline: Inline[]): Inline[] {
  const copy: Inline[] = [];
  for (const item of inline) {
    const last = copy[copy.length - 1];
    if (item.t === 'text' && last?.t === 'text' && sameMarks(last.marks, item.marks)) last.text += item.text;
    else copy.push({ ...item });
  }
  const first = copy.find((item) => item.t === 'text');
  if (first && first.t === 'text') first.text = stripMarks(first.text).replace(NUMBERED_CAPTION, '');
  return copy;
}

/** A caption paragraph right before or after a table is the table's caption. */
function takeTableCaptions(blocks: Block[]): void {
  eachBlockList(blocks, (list) => {
    for (let i = 0; i < list.length; i++) {
      const table = list[i]!;
      if (table.t !== 'table') continue;
      const before = list[i - 1];
      const after = list[i + 1];
      const index = before?.t === 'p' && before.role === 'caption' ? i - 1 : after?.t === 'p' && after.role === 'caption' ? i + 1 : -1;
      if (index < 0) continue;
      table.caption = stripMarks(inlineText((list[index] as Para).inline)).replace(NUMBERED_CAPTION, '').trim();
      list.splice(index, 1);
      if (index < i) i--;
    }
  });
}

/**
 * Headings deeper than the schema's are raised (with a warning); each text block gets its direction
 * (the DOCX's, else its first strong character's); a paragraph that held only a direction mark
 * goes, and so does a heading without text.
 */
function settleTextBlocks(blocks: Block[], warn: Warn): void {
  const directionOf = (inline: Inline[]) => {
    for (const item of inline) {
      if (item.t !== 'text') continue;
      const dir = firstStrongDirection(item.text);
      if (dir) return dir;
    }
    return null;
  };
  const itemDirection = (item: ListItem): 'rtl' | 'ltr' | null => {
    const own = directionOf(item.inline);
    if (own) return own;
    for (const list of item.lists) for (const child of list.items) {
      const dir = itemDirection(child);
      if (dir) return dir;
    }
    return null;
  };
  const inList = (list: List) => {
    for (const item of list.items) {
      if (!item.explicitDir) item.dir = itemDirection(item);
      item.lists.forEach(inList);
    }
  };
  eachBlockList(blocks, (list) => {
    for (const b of list) if (b.t === 'h' && b.level > MAX_HEADING) {
      warn('deepHeadings', stripMarks(inlineText(b.inline)).trim().slice(0, 80));
      b.level = MAX_HEADING;
    }
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b.t === 'list') inList(b);
      if (b.t !== 'p' && b.t !== 'h') continue;
      if (b.t === 'p' && b.role === 'caption') b.role = 'paragraph';
      if (b.t === 'p' && b.role === 'credit') b.role = 'paragraph';
      if (b.explicitDir) {
        if (b.t === 'p' && isEmptyInline(b.inline)) list.splice(i--, 1);
      } else {
        b.dir = directionOf(b.inline);
      }
    }
    for (let i = 0; i < list.length; i++) {
      const b = list[i]!;
      if (b.t !== 'h' || stripMarks(inlineText(b.inline)).trim()) continue;
      // Nothing moves when another heading follows (an empty line in a heading's style, often).
      const next = list[i + 1];
      if (next && next.t !== 'h') warn('emptyHeadings');
      list.splice(i--, 1);
    }
  });
}

const dirAttrs = (dir: string | null) => ({ dir: dir ?? 'auto' });
const emptyParagraph = (): JsonNode => ({ type: 'paragraph', attrs: dirAttrs(null), content: [] });
const orEmpty = (content: JsonNode[]) => (content.length > 0 ? content : [emptyParagraph()]);

function blocksJson(blocks: Block[]): JsonNode[] {
  return blocks.map(blockJson);
}

function blockJson(b: Block): JsonNode {
  switch (b.t) {
    case 'p':
      return { type: 'paragraph', attrs: dirAttrs(b.dir), content: inlineJson(b.inline) };
    case 'h':
      return { type: 'heading', attrs: { level: b.level, ...dirAttrs(b.dir) }, content: inlineJson(b.inline) };
    case 'quote':
      return { type: 'blockquote', content: orEmpty(blocksJson(b.children)) };
    case 'box':
      return { type: 'callout', attrs: { kind: b.box }, content: orEmpty(blocksJson(b.children)) };
    case 'list':
      return listJson(b);
    case 'figure':
      return {
        type: 'figure',
        attrs: { imageId: b.imageId, src: isStorableImageSrc(b.src) ? b.src : null, alt: b.alt, credit: b.credit },
        content: inlineJson(b.caption, FIGURE_MARKS),
      };
    case 'table':
      return {
        type: 'table',
        attrs: { caption: b.caption },
        content: b.rows.map((row) => ({
          type: 'tableRow',
          content: row.cells.map((cell) => ({
            type: row.header ? 'tableHeader' : 'tableCell',
            attrs: { colspan: cell.colspan, rowspan: cell.rowspan, colwidth: null },
            content: orEmpty(blocksJson(cell.blocks)),
          })),
        })),
      };
  }
}

function listJson(list: List): JsonNode {
  return {
    type: list.ordered ? 'orderedList' : 'bulletList',
    ...(list.ordered ? { attrs: { start: list.start, ...(list.format ? { type: list.format } : {}) } } : {}),
    content: list.items.map((item) => ({
      type: 'listItem',
      attrs: dirAttrs(item.dir),
      content: [{ type: 'paragraph', attrs: dirAttrs(null), content: inlineJson(item.inline) }, ...item.figures.map(blockJson), ...item.lists.map(listJson)],
    })),
  };
}
