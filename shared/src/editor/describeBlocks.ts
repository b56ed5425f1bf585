import type { SuggestedBlock, SuggestedBlockJson, SuggestedBlocks } from '../api/suggestions.ts';

/** Longest text shown after a block's label. */
const MAX_EXCERPT = 120;

/** The messages a description needs: `suggestedBlocks.*` with `{{name}}` placeholders, and a box kind's name. */
export interface BlockWords {
  message: (key: 'table' | 'figure' | 'callout' | 'heading' | 'bulletList' | 'orderedList' | 'blockquote' | 'codeBlock' | 'horizontalRule' | 'paragraph', vars?: Record<string, string | number>) => string;
  calloutKind: (kind: string) => string;
}

/** The words of a block, blocks and cells separated by a space (footnotes say nothing inline). */
export function blockText(node: SuggestedBlockJson): string {
  if (typeof node.text === 'string') return node.text;
  const parts = (node.content ?? []).map((child) => blockText(child));
  const inline = node.content?.every((child) => child.type === 'text' || child.type === 'hardBreak' || child.type === 'footnote');
  return (inline ? parts.join('') : parts.filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
}

function excerpt(text: string): string {
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

/**
 * A readable line for one suggested block: what it is ("Tableau 3 × 2", "Titre 2") and its words
 * (a table's caption or first cells, a figure's caption, a heading's text). Plain paragraphs are their text.
 */
export function describeBlock(node: SuggestedBlockJson, words: BlockWords): string {
  const { label, text } = describeBlockParts(node, words);
  return label && text ? `${label} · ${text}` : label || text;
}

/** What a block is (empty for a plain paragraph with text) and its words, apart: the label in the reader's language, the words in the guide's. */
export function describeBlockParts(node: SuggestedBlockJson, words: BlockWords): { label: string; text: string } {
  const attrs = node.attrs ?? {};
  const text = excerpt(blockText(node));
  const labelled = (label: string, rest: string) => ({ label, text: rest });
  switch (node.type) {
    case 'table': {
      const rows = node.content ?? [];
      const cols = Math.max(0, ...rows.map((row) => (row.content ?? []).reduce((n, cell) => n + (Number(cell.attrs?.colspan) || 1), 0)));
      const caption = typeof attrs.caption === 'string' ? attrs.caption.trim() : '';
      return labelled(words.message('table', { rows: rows.length, cols }), excerpt(caption || text));
    }
    case 'figure':
      return labelled(words.message('figure'), text || excerpt(typeof attrs.alt === 'string' ? attrs.alt : ''));
    case 'callout':
      return labelled(words.message('callout', { kind: words.calloutKind(String(attrs.kind ?? 'goodPractice')) }), text);
    case 'heading':
      return labelled(words.message('heading', { level: Number(attrs.level) || 1 }), text);
    case 'bulletList':
    case 'orderedList':
      return labelled(words.message(node.type, { count: node.content?.length ?? 0 }), text);
    case 'blockquote':
    case 'codeBlock':
    case 'horizontalRule':
      return labelled(words.message(node.type), text);
    default:
      return text ? { label: '', text } : { label: words.message('paragraph'), text: '' };
  }
}

/** One line per suggested block. */
export function describeBlocks(content: SuggestedBlockJson[], words: BlockWords): string {
  return content.map((node) => describeBlock(node, words)).join('\n');
}

/** `{{name}}` placeholders filled in, for catalogues read without i18next (the server). */
export function fillPlaceholders(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Any suggested block in the current shape: the first shape's box of text becomes a callout of paragraphs, one per line. */
export function asBlocks(block: SuggestedBlock): SuggestedBlocks {
  if (block.type === 'blocks') return block;
  const paragraphs = block.text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' }));
  return { type: 'blocks', content: [{ type: 'callout', attrs: { kind: block.kind }, content: paragraphs }] };
}

/** The message key saying what a block-type suggestion does ("Transformer en titre 2" with `{level}`). */
export function blockTypeMessageKey(change: { type: string }): 'toParagraph' | 'toHeading' | 'toBulletList' | 'toOrderedList' | 'toBlockquote' {
  return `to${change.type[0]!.toUpperCase()}${change.type.slice(1)}` as 'toHeading';
}
