import { memo, useLayoutEffect, useRef } from 'react';
import { renderLayout } from './renderLayout.ts';

/**
 * A section's content rendered from its JSON into a plain element (no editor: the reading view of a
 * 200-section guide would not afford 200 editors). Each block gets dir="auto", so a French
 * paragraph inside an Arabic section (or the reverse) keeps its own direction.
 */
export const SectionBody = memo(function SectionBody({ layout, onRendered }: { layout: unknown; onRendered?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fragment = renderLayout(layout);
    for (const child of Array.from(fragment.children)) if (!child.hasAttribute('dir')) child.setAttribute('dir', 'auto');
    el.replaceChildren(fragment);
    onRendered?.();
  }, [layout, onRendered]);
  return <div ref={ref} className="reading-section__body" />;
});
