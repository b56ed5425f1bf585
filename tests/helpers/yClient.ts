import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { waitFor } from './waitFor.ts';

// Each Node provider adds a process 'exit' listener; tests open dozens on purpose.
process.setMaxListeners(0);

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** A Y.Text used by tests that only need plain text. */
  text: Y.Text;
  fragment: Y.XmlFragment;
  synced(): Promise<void>;
  destroy(): void;
}

/**
 * A stock y-websocket client in Node. BroadcastChannel is disabled so that clients in one process
 * really go through the server.
 */
export function connectClient(
  wsUrl: string,
  docName: string,
  options: { doc?: Y.Doc; connect?: boolean; cookie?: string; headers?: Record<string, string> } = {},
): YClient {
  const doc = options.doc ?? new Y.Doc();
  const headers = { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  // The stock provider cannot set headers; a ws subclass carries the session cookie, as a browser would.
  class WebSocketWithSession extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: WebSocketWithSession as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 500,
  });
  return {
    doc,
    provider,
    text: doc.getText('text'),
    fragment: doc.getXmlFragment(SECTION_FRAGMENT),
    synced: () => waitFor(`client of ${docName} synced`, () => provider.synced, { timeoutMs: 30_000 }).then(() => {}),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
