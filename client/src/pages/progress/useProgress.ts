import { useCallback, useEffect, useRef, useState } from 'react';
import type { GuideProgressView } from '@dalil/shared';
import { getProgress } from '../../api/workflow.ts';

export type ProgressState = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; progress: GuideProgressView };

/** The guide's progress; `reload` when the guide room announces a change; also reloaded on window focus. */
export function useProgress(guideId: string): { state: ProgressState; reload: () => Promise<void> } {
  const [state, setState] = useState<ProgressState>({ kind: 'loading' });
  const ticket = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const progress = await getProgress(guideId);
      if (mine === ticket.current) setState({ kind: 'ready', progress });
    } catch (error) {
      if (mine === ticket.current) setState((current) => (current.kind === 'ready' ? current : { kind: 'error', error }));
    }
  }, [guideId]);
  useEffect(() => {
    void reload();
    const onFocus = (): void => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);
  return { state, reload };
}
