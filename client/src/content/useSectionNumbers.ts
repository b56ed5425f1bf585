import { useMemo } from 'react';
import type { GuideView } from '@dalil/shared';
import { sectionNumbers } from '@dalil/shared/editor';
import './sectionNumbers.css';

/**
 * Chapter and section numbers ("1.2") of the guide as the client knows its structure: recomputed
 * whenever the table of contents changes (a move, by anyone, arrives as a new structure).
 */
export function useSectionNumbers(guide: Pick<GuideView, 'sections' | 'numbering'>): Map<string, string> {
  return useMemo(() => sectionNumbers(guide.sections, guide.numbering ?? { enabled: true }), [guide.sections, guide.numbering]);
}
