import { useMemo } from 'react';
import { tocOrder, type GuideView } from '@dalil/shared';
import type { NumberedCounts } from '@dalil/shared/editor';

/**
 * How many figures, tables and footnotes come before this section in the guide, from the counts
 * the server keeps per section (updated when a section's text settles). The editor numbers this
 * section's own items from there: "as far as it can know" while others are typing elsewhere.
 */
export function useNumberingOffset(guide: Pick<GuideView, 'sections'>, sectionId: string): NumberedCounts {
  const ordered = useMemo(() => tocOrder(guide.sections), [guide.sections]);
  const offset = { figure: 0, table: 0, footnote: 0 };
  for (const section of ordered) {
    if (section.id === sectionId) break;
    const counts = section.numbered;
    if (!counts) continue;
    offset.figure += counts.figure;
    offset.table += counts.table;
    offset.footnote += counts.footnote;
  }
  // a stable object while the numbers do not change (the editor re-numbers on change only)
  return useMemo(() => offset, [offset.figure, offset.table, offset.footnote]);
}
