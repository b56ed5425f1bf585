import type * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { layoutJson, missingAltFigures } from '@dalil/shared/editor';

/**
 * Figures of a section that cannot go to review yet: no alt text (screen readers would have
 * nothing to say) or no uploaded image (a paste placeholder). 1-based indexes in reading order.
 */
export function figuresWithoutAlt(doc: Y.Doc): number[] {
  return missingAltFigures(layoutJson(doc.getXmlFragment(SECTION_FRAGMENT)));
}
