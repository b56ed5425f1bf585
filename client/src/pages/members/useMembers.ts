import { useCallback, useEffect, useState } from 'react';
import type { MemberView } from '@dalil/shared';
import { listMembers } from '../../api/members.ts';

export type MembersState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; members: MemberView[] };

/** A guide's members; `reload` after every change, since a change can touch other rows (roles). */
export function useMembers(guideId: string, enabled: boolean): { state: MembersState; reload: () => Promise<void> } {
  const [state, setState] = useState<MembersState>({ kind: 'loading' });
  const reload = useCallback(async () => {
    if (!enabled) return;
    try {
      setState({ kind: 'ready', members: await listMembers(guideId) });
    } catch (error) {
      setState((current) => (current.kind === 'ready' ? current : { kind: 'error', error }));
    }
  }, [guideId, enabled]);
  useEffect(() => void reload(), [reload]);
  return { state, reload };
}
