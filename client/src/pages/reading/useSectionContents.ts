import { useEffect, useState } from 'react';
import { getSectionContents } from '../../api/versions.ts';

/** The first request is small, so the first section shows at once; the rest come in larger batches. */
const FIRST_BATCH = 3;
const BATCH = 25;

export interface SectionContentsState {
  /** Section id → its content (ProseMirror JSON), as batches arrive. */
  contents: ReadonlyMap<string, unknown>;
  done: boolean;
  error: unknown;
}

/**
 * Fetches the content of every section in table-of-contents order, batch by batch, so that a long
 * guide starts showing after the first small request instead of after the whole guide.
 */
export function useSectionContents(guideId: string, versionId: string, sectionIds: readonly string[]): SectionContentsState {
  const [state, setState] = useState<SectionContentsState>({ contents: new Map(), done: sectionIds.length === 0, error: null });
  const key = sectionIds.join(',');
  useEffect(() => {
    let cancelled = false;
    const ids = key === '' ? [] : key.split(',');
    setState({ contents: new Map(), done: ids.length === 0, error: null });
    void (async () => {
      const contents = new Map<string, unknown>();
      for (let start = 0; start < ids.length && !cancelled; ) {
        const size = start === 0 ? FIRST_BATCH : BATCH;
        const batch = ids.slice(start, start + size);
        start += size;
        try {
          const reply = await getSectionContents(guideId, versionId, batch);
          if (cancelled) return;
          for (const s of reply.sections) contents.set(s.id, s.layout);
          const done = start >= ids.length;
          setState({ contents: new Map(contents), done, error: null });
        } catch (error) {
          if (!cancelled) setState({ contents: new Map(contents), done: true, error });
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [guideId, versionId, key]);
  return state;
}
