import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { CloseCode } from '@dalil/shared';
import { Connection } from './connection.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { SocketAccess } from './socketAccess.ts';

export interface CollabRouteOptions {
  registry: RoomRegistry;
  decideAccess: (request: FastifyRequest, docName: string) => SocketAccess;
  pingIntervalMs: number;
}

/**
 * `/collab/<docName>`: the y-websocket endpoint. Access is decided synchronously, here, before
 * anything of the document is sent; Connection attaches its listeners at once so that frames sent
 * while the document loads are kept, not lost.
 */
export const collabRoute: FastifyPluginAsync<CollabRouteOptions> = async (app: FastifyInstance, options) => {
  app.get<{ Params: { docName: string } }>(
    '/collab/:docName',
    { websocket: true, schema: { hide: true } as object },
    (socket, request) => {
      const { docName } = request.params;
      const access = options.decideAccess(request, docName);
      if (!access.ok) {
        socket.close(access.code, access.reason);
        return;
      }
      const log = request.log.child({ doc: docName, user: access.user.id });
      const connection = new Connection(
        socket,
        docName,
        {
          canWrite: access.canWrite,
          identity: { userId: access.user.id, name: access.user.name },
          guideId: access.guideId,
          pingIntervalMs: options.pingIntervalMs,
        },
        log,
      );
      options.registry.track(connection);
      options.registry.acquire(docName, access.kind, access.guideId).then(
        (room) => {
          connection.onClose(() => {
            room.remove(connection);
            options.registry.release(room);
          });
          connection.attach(room);
          if (connection.isClosed) options.registry.release(room);
        },
        (err: unknown) => {
          log.error({ err }, 'could not load document');
          connection.close(CloseCode.internalError, 'document could not be loaded');
        },
      );
    },
  );
};
