import { tocOrder, type TocNode } from '../toc/tocOrder.ts';
import type { LayoutNode } from './layoutJson.ts';

/** A guide's numbering choice: numbers on or off, and sections left unnumbered (front matter). */
export interface NumberingSettings {
  enabled: boolean;
  /** Sections (with their sub-sections) that get no number, e.g. an introduction or a preface. */
  unnumberedSectionIds?: readonly string[];
}

export const DEFAULT_NUMBERING: NumberingSettings = { enabled: true, unnumberedSectionIds: [] };

/**
 * Chapter and section numbers ("1", "1.2", "1.2.3") from the table-of-contents structure, keyed
 * by section id. Unnumbered sections (and everything under them) are absent and do not take a
 * number from their siblings, so "Introduction, 1, 2" reads as expected. Pure: the same answer in
 * the editor, the reading view and every export, and it follows a move as soon as the ToC does.
 */
export function sectionNumbers(nodes: readonly TocNode[], settings: NumberingSettings = DEFAULT_NUMBERING): Map<string, string> {
  const out = new Map<string, string>();
  if (!settings.enabled) return out;
  const excluded = new Set(settings.unnumberedSectionIds ?? []);
  const ordered = tocOrder(nodes);
  const ids = new Set(ordered.map((n) => n.id));
  const counters = new Map<string | null, number>();
  const skipped = new Set<string>();
  for (const node of ordered) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    if (excluded.has(node.id) || (parent !== null && skipped.has(parent))) {
      skipped.add(node.id);
      continue;
    }
    const n = (counters.get(parent) ?? 0) + 1;
    counters.set(parent, n);
    const prefix = parent !== null ? out.get(parent) : undefined;
    out.set(node.id, prefix ? `${prefix}.${n}` : String(n));
  }
  return out;
}

/** The things numbered across a whole guide. */
export type NumberedKind = 'figure' | 'table' | 'footnote';

export interface NumberedCounts {
  figure: number;
  table: number;
  footnote: number;
}

const NUMBERED = new Set<string>(['figure', 'table', 'footnote']);

/** Visits figures, tables and footnotes of a section document in reading order (depth first). */
export function forEachNumbered(doc: LayoutNode, visit: (kind: NumberedKind, node: LayoutNode) => void): void {
  const walk = (node: LayoutNode) => {
    if (NUMBERED.has(node.type)) visit(node.type as NumberedKind, node);
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
}

/** How many figures, tables and footnotes a section document holds. */
export function countNumbered(doc: LayoutNode): NumberedCounts {
  const counts: NumberedCounts = { figure: 0, table: 0, footnote: 0 };
  forEachNumbered(doc, (kind) => {
    counts[kind] += 1;
  });
  return counts;
}

export interface SectionContentNumbers {
  /** Number of the first figure/table/footnote of this section minus one (what comes before it). */
  offset: NumberedCounts;
  /** Numbers of this section's figures, tables and footnotes, in reading order. */
  figure: number[];
  table: number[];
  footnote: number[];
}

/**
 * Figure, table and footnote numbers across a sequence of section documents (in reading order,
 * e.g. from `tocOrder`): "Figure 3", "Tableau 2", note 7. Keyed by section id. Sections may be
 * given as counts alone (when only the counts of earlier sections are known, as in the editor).
 */
export function numberContent(sections: ReadonlyArray<{ id: string; doc: LayoutNode } | { id: string; counts: NumberedCounts }>): Map<string, SectionContentNumbers> {
  const out = new Map<string, SectionContentNumbers>();
  const running: NumberedCounts = { figure: 0, table: 0, footnote: 0 };
  for (const section of sections) {
    const entry: SectionContentNumbers = { offset: { ...running }, figure: [], table: [], footnote: [] };
    if ('doc' in section) {
      forEachNumbered(section.doc, (kind) => {
        running[kind] += 1;
        entry[kind].push(running[kind]);
      });
    } else {
      for (const kind of ['figure', 'table', 'footnote'] as const) {
        for (let i = 0; i < section.counts[kind]; i += 1) entry[kind].push(running[kind] + i + 1);
        running[kind] += section.counts[kind];
      }
    }
    out.set(section.id, entry);
  }
  return out;
}
