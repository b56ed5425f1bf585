import { useCallback, useEffect, useState } from 'react';
import type { GuideProgressView } from '@dalil/shared';
import { getProgress } from '../../api/workflow.ts';
import { useLatestResponse } from '../../hooks/useLatestResponse.ts';

export type ProgressState = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; progress: GuideProgressView };

/** The guide's progress; `reload` when the guide room announces a change; also reloaded on window focus. */
export function useProgress(guideId: string): { state: ProgressState; reload: () => Promise<void> } {
  const [state, setState] = useState<ProgressState>({ kind: 'loading' });
  const latest = useLatestResponse();
  const reload = useCallback(async () => {
    const outcome = await latest(() => getProgress(guideId));
    if (!outcome) return;
    if (outcome.ok) setState({ kind: 'ready', progress: outcome.value });
    else setState((current) => (current.kind === 'ready' ? current : { kind: 'error', error: outcome.error }));
  }, [guideId, latest]);
  useEffect(() => {
    void reload();
    const onFocus = (): void => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);
  return { state, reload };
}
