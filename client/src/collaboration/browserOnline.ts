import type { WebsocketProvider } from 'y-websocket';

/**
 * Follows the browser's own online/offline state: when it says the device has no network, close
 * the socket at once (a half-open socket on a dropped mobile link can look alive for a long time,
 * and edits typed meanwhile would be "sent" into the void); when the network returns, reconnect now
 * instead of waiting for the provider's backoff. A final refusal from the server (4400–4499) is
 * respected: coming back online does not retry it.
 */
export function followBrowserOnline(provider: WebsocketProvider): () => void {
  let refused = false;
  const onOffline = (): void => provider.disconnect();
  const onOnline = (): void => {
    if (!refused) provider.connect();
  };
  const onClosed = (): void => {
    refused = true;
  };
  provider.on('closed', onClosed);
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  if (!navigator.onLine) provider.disconnect();
  return () => {
    provider.off('closed', onClosed);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
}
