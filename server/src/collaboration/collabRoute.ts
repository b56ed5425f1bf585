import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { CloseCode, isValidDocName } from '@dalil/shared';
import { Connection } from './connection.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { RoomKind } from './room.ts';

/** What a document name refers to, or null when there is no such document. */
export type DocumentTarget = { kind: RoomKind; guideId: string } | null;

export interface CollabRouteOptions {
  registry: RoomRegistry;
  resolveDocument: (docName: string) => DocumentTarget;
  pingIntervalMs: number;
}

/**
 * `/collab/<docName>`: the y-websocket endpoint. Access is decided once, here, before anything of the
 * document is sent; the socket's listeners are attached synchronously by Connection so that frames
 * sent while the document loads are not lost.
 */
export const collabRoute: FastifyPluginAsync<CollabRouteOptions> = async (app: FastifyInstance, options) => {
  app.get<{ Params: { docName: string } }>(
    '/collab/:docName',
    { websocket: true, schema: { hide: true } as object },
    (socket, request) => {
      const { docName } = request.params;
      const log = request.log;
      const connection = new Connection(socket, docName, { canWrite: true, pingIntervalMs: options.pingIntervalMs }, log);
      if (!isValidDocName(docName)) {
        connection.close(CloseCode.invalidDocName, 'invalid document name');
        return;
      }
      const target = options.resolveDocument(docName);
      if (!target) {
        connection.close(CloseCode.unknownDocument, 'unknown document');
        return;
      }
      options.registry.acquire(docName, target.kind, target.guideId).then(
        (room) => {
          connection.onClose(() => {
            room.remove(connection);
            options.registry.release(room);
          });
          connection.attach(room);
          if (connection.isClosed) options.registry.release(room);
        },
        (err: unknown) => {
          log.error({ doc: docName, err }, 'could not load document');
          connection.close(CloseCode.internalError, 'document could not be loaded');
        },
      );
    },
  );
};
