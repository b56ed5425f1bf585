import type { JsonNode } from './convertDocx.ts';

/** A section cut from an imported document. */
export interface ImportedSection {
  title: string;
  /** 0 for a top-level section (or the first level under the section imported into). */
  depth: number;
  /** The text before the file's first heading. */
  introduction: boolean;
  /** Blocks of the section's document (its own heading removed). */
  content: JsonNode[];
  /** Takes no number in the guide's numbering (front matter). */
  unnumbered?: boolean;
}

/** Deepest heading level the editor knows; deeper headings inside a section stay at this level. */
const MAX_HEADING_LEVEL = 4;

/**
 * Cuts a document into sections at its top-level headings of level ≤ `splitLevel`: each such
 * heading starts a section titled by it, nested under the nearest shallower one (a level skipped in
 * Word does not create an empty section). Blocks before the first cut form the introduction.
 * Headings deeper than `splitLevel` stay in their section's text, raised so that the first level
 * below the section is 1.
 */
export function splitSections(doc: JsonNode, splitLevel: number, introductionTitle: string): { introduction: JsonNode[]; sections: ImportedSection[] } {
  const introduction: JsonNode[] = [];
  const sections: ImportedSection[] = [];
  const open: number[] = []; // heading levels of the sections the next one may nest in
  for (const block of doc.content ?? []) {
    const level = block.type === 'heading' ? Number(block.attrs?.level ?? 1) : Infinity;
    if (level <= splitLevel) {
      while (open.length > 0 && open[open.length - 1]! >= level) open.pop();
      sections.push({ title: textOf(block).trim() || introductionTitle, depth: open.length, introduction: false, content: [] });
      open.push(level);
      continue;
    }
    const target = sections.length > 0 ? sections[sections.length - 1]!.content : introduction;
    target.push(block.type === 'heading' ? raiseHeading(block, splitLevel) : block);
  }
  return { introduction, sections };
}

function raiseHeading(block: JsonNode, splitLevel: number): JsonNode {
  const level = Math.min(MAX_HEADING_LEVEL, Math.max(1, Number(block.attrs?.level ?? 1) - splitLevel));
  return { ...block, attrs: { ...block.attrs, level } };
}

/** Plain text of a node (footnotes carry their text in an attribute and are left out). */
export function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

/** Text of blocks with a space between blocks, for word counts. */
export function blocksText(nodes: JsonNode[]): string {
  const parts: string[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === 'text') parts.push(node.text ?? '');
    else if (node.type === 'footnote') return;
    else {
      for (const child of node.content ?? []) walk(child);
      parts.push(' ');
    }
  };
  nodes.forEach(walk);
  return parts.join('');
}

/** How many nodes of each type the blocks hold, at any depth. */
export function countNodes(nodes: JsonNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (node: JsonNode) => {
    counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
    for (const child of node.content ?? []) walk(child);
  };
  nodes.forEach(walk);
  return counts;
}
