import { useCallback, useEffect, useRef, useState } from 'react';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { listDecidedSuggestions, listSuggestions } from '../api/suggestions.ts';
import { useAfterSectionEditor } from '../loading/useAfterSectionEditor.ts';

export interface SectionSuggestions {
  /** Open suggestions, oldest first (empty until loaded). */
  open: SuggestionView[];
  /** Decided suggestions, most recently decided first: read-only, kept for their outcome and discussion. */
  decided: SuggestionView[];
  reload: () => Promise<void>;
  /** Puts a suggestion as the server just returned it (moving it to the decided ones once decided), without waiting for the refetch. */
  apply: (suggestion: SuggestionView) => void;
}

/** The open and decided suggestions of a section, refetched whenever the guide room announces a change. */
export function useSectionSuggestions(guideId: string, sectionId: string, suggestionsVersion: number | null): SectionSuggestions {
  const [lists, setLists] = useState<{ open: SuggestionView[]; decided: SuggestionView[] }>({ open: [], decided: [] });
  const request = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++request.current;
    try {
      const [open, decided] = await Promise.all([listSuggestions(guideId, sectionId), listDecidedSuggestions(guideId, sectionId)]);
      if (ticket === request.current) setLists({ open, decided });
    } catch {
      // keep what we have; the next announcement or reconnect brings a new attempt
    }
  }, [guideId, sectionId]);

  const afterEditor = useAfterSectionEditor();
  useEffect(() => {
    if (afterEditor) void reload();
  }, [reload, suggestionsVersion, afterEditor]);

  const apply = useCallback((suggestion: SuggestionView) => {
    request.current++;
    setLists((current) => {
      const open = current.open.filter((s) => s.id !== suggestion.id);
      const decided = current.decided.filter((s) => s.id !== suggestion.id);
      return suggestion.status === 'open' ? { open: [...open, suggestion], decided } : { open, decided: [suggestion, ...decided] };
    });
  }, []);

  return { open: lists.open, decided: lists.decided, reload, apply };
}
