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
export function openRoomProvider(roomName: string, doc: Y.Doc, { broadcastChannel = true, onConnection, onAccessSignal }: RoomProviderOptions): RoomProvider {
  const provider = new WebsocketProvider(collabUrl(), roomName, doc, { connect: navigator.onLine, ...(broadcastChannel ? {} : { disableBc: true }) });
  const disposers = [followBrowserOnline(provider), watchConnection(provider, onConnection), watchAccessSignals(provider, onAccessSignal)];
  return {
    provider,
    unwatch: () => {
      for (const dispose of disposers.splice(0)) dispose();
    },
  };
}
