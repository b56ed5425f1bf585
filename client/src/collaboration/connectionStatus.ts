import type { WebsocketProvider } from 'y-websocket';
import type { ConnectionStatus } from './status.ts';

/**
 * Follows one provider's socket and reports a `ConnectionStatus`. A failed (re)connection attempt
 * keeps reporting `offline` until a socket opens again, so the status line does not flicker
 * between "offline" and "connecting" on every retry.
 */
export function watchConnection(
  provider: WebsocketProvider,
  onChange: (status: ConnectionStatus) => void,
): () => void {
  let lostOnce = false;
  let refused = false;
  let last: ConnectionStatus | null = null;

  const compute = (): ConnectionStatus => {
    if (refused) return 'refused';
    if (provider.wsconnected) return provider.synced ? 'connected' : 'syncing';
    return lostOnce || !navigator.onLine ? 'offline' : 'connecting';
  };
  const update = (): void => {
    const next = compute();
    if (next !== last) {
      last = next;
      onChange(next);
    }
  };
  const onClose = (): void => {
    lostOnce = true;
    update();
  };
  const onClosed = (): void => {
    refused = true;
    update();
  };

  provider.on('status', update);
  provider.on('sync', update);
  provider.on('connection-close', onClose);
  provider.on('connection-error', onClose);
  provider.on('closed', onClosed);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
  return () => {
    provider.off('status', update);
    provider.off('sync', update);
    provider.off('connection-close', onClose);
    provider.off('connection-error', onClose);
    provider.off('closed', onClosed);
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  };
}
