import { useEffect, useState } from 'react';
import { suggestionCounts } from '../api/suggestions.ts';
import { useAfterSectionEditor } from '../loading/useAfterSectionEditor.ts';

/** Open suggestions per section of the guide, refetched whenever the guide room announces a change. */
export function useSuggestionCounts(guideId: string, suggestionsVersion: number | null): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const afterEditor = useAfterSectionEditor();
  useEffect(() => {
    if (!afterEditor) return;
    let current = true;
    suggestionCounts(guideId).then(
      (fresh) => current && setCounts(new Map(Object.entries(fresh))),
      () => undefined, // keep what we have; the next announcement brings a new attempt
    );
    return () => {
      current = false;
    };
  }, [guideId, suggestionsVersion, afterEditor]);
  return counts;
}
