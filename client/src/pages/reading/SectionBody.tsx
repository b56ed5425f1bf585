import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionContentNumbers } from '@dalil/shared/editor';
import { decorateContent, type CollectedNote } from './decorateContent.ts';
import { renderLayout } from './renderLayout.ts';

interface SectionBodyProps {
  layout: unknown;
  /** Where this section's figures, tables and notes fall in the guide's numbering. */
  numbers: SectionContentNumbers | undefined;
  onRendered?: () => void;
}

/**
 * A section's content rendered from its JSON into a plain element (no editor: the reading view of a
 * 200-section guide would not afford 200 editors). Each block gets dir="auto", so a French
 * paragraph inside an Arabic section (or the reverse) keeps its own direction. The section's
 * footnotes are collected under it.
 */
export const SectionBody = memo(function SectionBody({ layout, numbers, onRendered }: SectionBodyProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [notes, setNotes] = useState<CollectedNote[]>([]);
  const numbersKey = numbers ? JSON.stringify(numbers) : '';
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fragment = renderLayout(layout);
    for (const child of Array.from(fragment.children)) if (!child.hasAttribute('dir')) child.setAttribute('dir', 'auto');
    el.replaceChildren(fragment);
    setNotes(decorateContent(el, numbers, t));
    onRendered?.();
    // numbers are compared by value: a new batch elsewhere does not re-render this section
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, numbersKey, t, onRendered]);
  return (
    <>
      <div ref={ref} className="reading-section__body prose" />
      {notes.length > 0 && (
        <aside className="reading-notes" aria-label={t('versions.footnotes')}>
          <ol className="reading-notes__list">
            {notes.map((note) => (
              <li key={note.number} id={`fn-${note.number}`} value={note.number} dir="auto">
                {note.text} <a href={`#fnref-${note.number}`} aria-label="↩">↩</a>
              </li>
            ))}
          </ol>
        </aside>
      )}
    </>
  );
});
