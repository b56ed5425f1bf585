import { useCallback, useEffect, useRef, useState } from 'react';
import type { GuideView } from '@dalil/shared';
import { getGuide } from '../../api/guides.ts';
import { ApiRequestError } from '../../api/http.ts';

export type GuideViewState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  /** Not (or no longer) a member of this guide. */
  | { kind: 'forbidden' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; guide: GuideView };

/**
 * The guide and its table of contents from the API. `refresh` is called after our own structure
 * actions and whenever the guide room announces a new structure version; only the newest
 * response is kept, so overlapping refreshes cannot show an older table of contents.
 */
export function useGuideView(guideId: string): { state: GuideViewState; refresh: () => Promise<void> } {
  const [state, setState] = useState<GuideViewState>({ kind: 'loading' });
  const sequence = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++sequence.current;
    try {
      const guide = await getGuide(guideId);
      if (ticket === sequence.current) setState({ kind: 'ready', guide });
    } catch (err) {
      if (ticket !== sequence.current) return;
      if (err instanceof ApiRequestError && err.status === 404) setState({ kind: 'notFound' });
      else if (err instanceof ApiRequestError && err.status === 403) setState({ kind: 'forbidden' });
      // keep showing the last good table of contents if a refresh fails (offline)
      else setState((current) => (current.kind === 'ready' ? current : { kind: 'error', error: err }));
    }
  }, [guideId]);

  useEffect(() => {
    setState({ kind: 'loading' });
    void refresh();
  }, [refresh]);

  return { state, refresh };
}
