import { useCallback, useEffect, useState } from 'react';
import type { InvitationPreview } from '@dalil/shared';
import { ApiRequestError } from '../../api/http.ts';
import { previewInvitation } from '../../api/invitations.ts';

export type PreviewState =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; preview: InvitationPreview };

/** What an invitation link offers; `reload` after a refused accept shows why it was refused. */
export function useInvitationPreview(token: string): { state: PreviewState; reload: () => void } {
  const [state, setState] = useState<PreviewState>({ kind: 'loading' });
  const reload = useCallback(() => {
    previewInvitation(token).then(
      (preview) => setState({ kind: 'ready', preview }),
      (error: unknown) => {
        // a malformed token fails the route's schema (400): for a visitor it is the same dead link
        const dead = error instanceof ApiRequestError && (error.status === 404 || error.status === 400);
        setState(dead ? { kind: 'notFound' } : { kind: 'error', error });
      },
    );
  }, [token]);
  useEffect(reload, [reload]);
  return { state, reload };
}
