import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@dalil/shared';

/**
 * What the server says about our access when it closes a socket: the session is gone (4401),
 * we were removed from the guide (4409), the guide went to the trash (4410), our role changed (4000; the provider reconnects by
 * itself with the new rights, but what the page offers must follow), or the socket was refused
 * (4403: not a member when it connected, e.g. removed between the guide's reply and the socket).
 */
export type AccessSignal = 'sessionEnded' | 'removed' | 'trashed' | 'roleChanged' | 'refused';

const SIGNALS: ReadonlyMap<number, AccessSignal> = new Map([
  [CloseCode.unauthenticated, 'sessionEnded'],
  [CloseCode.accessRevoked, 'removed'],
  [CloseCode.guideTrashed, 'trashed'],
  [CloseCode.accessChanged, 'roleChanged'],
  [CloseCode.forbidden, 'refused'],
]);

export function watchAccessSignals(provider: WebsocketProvider, onSignal: (signal: AccessSignal) => void): () => void {
  // `connection-close` carries the CloseEvent for every code, final or not (`closed` only for final ones)
  const onClose = (event: CloseEvent | null): void => {
    const signal = event ? SIGNALS.get(event.code) : undefined;
    if (signal) onSignal(signal);
  };
  provider.on('connection-close', onClose);
  return () => provider.off('connection-close', onClose);
}
