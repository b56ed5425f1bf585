import { useCallback, useEffect, useRef, useState } from 'react';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { listSuggestions } from '../api/suggestions.ts';

export interface SectionSuggestions {
  /** Open suggestions, oldest first (empty until loaded). */
  open: SuggestionView[];
  reload: () => Promise<void>;
  /** Puts a suggestion as the server just returned it (removing it when no longer open), without waiting for the refetch. */
  apply: (suggestion: SuggestionView) => void;
}

/** The open suggestions of a section, refetched whenever the guide room announces a change. */
export function useSectionSuggestions(guideId: string, sectionId: string, suggestionsVersion: number | null): SectionSuggestions {
  const [open, setOpen] = useState<SuggestionView[]>([]);
  const request = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++request.current;
    try {
      const fresh = await listSuggestions(guideId, sectionId);
      if (ticket === request.current) setOpen(fresh);
    } catch {
      // keep what we have; the next announcement or reconnect brings a new attempt
    }
  }, [guideId, sectionId]);

  useEffect(() => {
    void reload();
  }, [reload, suggestionsVersion]);

  const apply = useCallback((suggestion: SuggestionView) => {
    request.current++;
    setOpen((current) => {
      const others = current.filter((s) => s.id !== suggestion.id);
      return suggestion.status === 'open' ? [...others, suggestion] : others;
    });
  }, []);

  return { open, reload, apply };
}
