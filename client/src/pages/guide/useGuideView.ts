import { useCallback, useEffect, useState } from 'react';
import type { GuideView } from '@dalil/shared';
import { getGuide, keptGuide } from '../../api/guides.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useLatestResponse } from '../../hooks/useLatestResponse.ts';
import { markLoad } from '../../loading/loadMarks.ts';

export type GuideViewState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  /** Not (or no longer) a member of this guide. */
  | { kind: 'forbidden' }
  | { kind: 'error'; error: unknown }
  /**
   * `fresh`: the server's reply of this visit. Until it comes, a page that asked for it shows the copy
   * this browser kept (`keptFirst`): fine for drawing, not for deciding anything the server would
   * refuse or that cannot be undone (editing, clearing a local copy, redirecting, filling a form).
   */
  | { kind: 'ready'; guide: GuideView; fresh: boolean };

/**
 * The guide and its table of contents from the API. `refresh` is called after our own structure
 * actions and whenever the guide room announces a new structure version; only the newest
 * response is kept, so overlapping refreshes cannot show an older table of contents.
 */
export function useGuideView(guideId: string, { keptFirst = false }: { keptFirst?: boolean } = {}): { state: GuideViewState; refresh: () => Promise<void> } {
  const [state, setState] = useState<GuideViewState>({ kind: 'loading' });
  const latest = useLatestResponse();

  const refresh = useCallback(async () => {
    const outcome = await latest(() => getGuide(guideId));
    if (!outcome) return;
    if (outcome.ok) {
      return setState((current) =>
        current.kind === 'ready' && current.fresh && sameGuide(current.guide, outcome.value) ? current : { kind: 'ready', guide: outcome.value, fresh: true },
      );
    }
    const err = outcome.error;
    if (err instanceof ApiRequestError && err.status === 404) setState({ kind: 'notFound' });
    else if (err instanceof ApiRequestError && err.status === 403) setState({ kind: 'forbidden' });
    // keep showing the last good table of contents if a refresh fails (offline)
    else setState((current) => (current.kind === 'ready' ? current : { kind: 'error', error: err }));
  }, [guideId, latest]);

  useEffect(() => {
    setState({ kind: 'loading' });
    // what this browser last received draws the page while the fresh reply travels (a round trip
    // on a mobile link); the fresh one replaces it, or confirms it without a re-render
    if (keptFirst) {
      void keptGuide(guideId).then(
        (kept) => {
          if (kept) setState((current) => (current.kind === 'loading' ? { kind: 'ready', guide: kept, fresh: false } : current));
        },
        () => undefined,
      );
    }
    void refresh();
  }, [guideId, keptFirst, refresh]);

  useEffect(() => {
    if (state.kind === 'ready') markLoad(state.fresh ? 'guide-fresh' : 'guide-drawn-kept');
  }, [state]);

  return { state, refresh };
}

function sameGuide(a: GuideView, b: GuideView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
