import type { LayoutNode } from '@dalil/shared/editor';

/** Every node of a tree, depth first (for counting and collecting, never for writing). */
export function* allNodes(node: LayoutNode): Generator<LayoutNode> {
  yield node;
  for (const child of node.content ?? []) yield* allNodes(child);
}

/** Plain text of a node (titles, alt text, plain-text fallbacks). */
export function plainText(node: LayoutNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

export function attr<T = string>(node: LayoutNode, name: string): T | undefined {
  const value = node.attrs?.[name];
  return value === undefined || value === null ? undefined : (value as T);
}

/** The image ids figures of a section point to. */
export function figureImageIds(content: LayoutNode): string[] {
  const ids: string[] = [];
  for (const node of allNodes(content)) {
    if (node.type !== 'figure') continue;
    const id = attr(node, 'imageId');
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/**
 * Direction of a paragraph: an explicit `dir` attribute wins, otherwise the first strong letter,
 * otherwise the guide's own direction (a French guide quoting an Arabic line gets an RTL paragraph).
 */
export function paragraphDirection(node: LayoutNode, guideRtl: boolean): 'rtl' | 'ltr' {
  const dir = attr(node, 'dir');
  if (dir === 'rtl' || dir === 'ltr') return dir;
  const text = plainText(node);
  for (const ch of text) {
    if (ARABIC.test(ch)) return 'rtl';
    if (LATIN.test(ch)) return 'ltr';
  }
  return guideRtl ? 'rtl' : 'ltr';
}

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/** "2.1  Title", or the title alone for a section left unnumbered. */
export function numberedTitle(s: { number: string; title: string }): string {
  return s.number ? `${s.number}  ${s.title}` : s.title;
}

/** A heading's level from its attribute, 1 when absent or not a number 1–4. */
export function headingLevel(node: LayoutNode): number {
  const level = Number(attr(node, 'level'));
  return Number.isInteger(level) && level >= 1 && level <= 4 ? level : 1;
}

/** A table cell's span, 1 when absent or absurd. */
export function cellSpan(node: LayoutNode, name: 'colspan' | 'rowspan'): number {
  const value = Number(attr(node, name));
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : 1;
}
