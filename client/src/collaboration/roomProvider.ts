import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { watchAccessSignals, type AccessSignal } from './accessSignals.ts';
import { followBrowserOnline } from './browserOnline.ts';
import { collabUrl } from './collabUrl.ts';
import { watchConnection } from './connectionStatus.ts';
import type { ConnectionStatus } from './status.ts';

export interface RoomProviderOptions {
  /** Share updates with other tabs of this browser through BroadcastChannel (y-websocket's default). */
  broadcastChannel?: boolean;
  onConnection: (connection: ConnectionStatus) => void;
  onAccessSignal: (signal: AccessSignal) => void;
  /**
   * Connect only once this settles: the document's local copy is loaded by then, so the first
   * sync exchanges only what differs (connected earlier, the server would send the whole document
   * and the loaded copy would be sent back to it: twice its size over a weak link).
   */
  connectAfter?: Promise<unknown>;
}

export interface RoomProvider {
  provider: WebsocketProvider;
  /** Stops following the browser's online state, the connection and access signals (not the provider). */
  unwatch: () => void;
}

/**
 * The socket of a guide room or a section, wired the same way for both: it connects only when the
 * browser says it is online and follows it from then on, reports its connection status, and
 * passes on the server's access signals (session ended, role changed, section locked…).
 */
export function openRoomProvider(roomName: string, doc: Y.Doc, { broadcastChannel = true, onConnection, onAccessSignal, connectAfter }: RoomProviderOptions): RoomProvider {
  const provider = new WebsocketProvider(collabUrl(), roomName, doc, {
    connect: navigator.onLine && !connectAfter,
    ...(broadcastChannel ? {} : { disableBc: true }),
  });
  let unwatched = false;
  const disposers = [followBrowserOnline(provider), watchConnection(provider, onConnection), watchAccessSignals(provider, onAccessSignal)];
  void connectAfter?.finally(() => {
    if (!unwatched && navigator.onLine && !provider.wsconnected && !provider.wsconnecting) provider.connect();
  });
  return {
    provider,
    unwatch: () => {
      unwatched = true;
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}
