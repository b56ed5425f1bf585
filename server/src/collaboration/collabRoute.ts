import { performance } from 'node:perf_hooks';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { CloseCode } from '@dalil/shared';
import { Connection } from './connection.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { AccessChanges } from './accessChanges.ts';
import type { AbuseLog } from './abuseLog.ts';
import type { SocketAccess } from './socketAccess.ts';

export interface CollabRouteOptions {
  registry: RoomRegistry;
  accessChanges: AccessChanges;
  abuseLog: AbuseLog;
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
      const { user, sessionTokenHash, sessionExpiresAt } = access.auth;
      const log = request.log.child({ doc: docName, user: user.id });
      const connection = new Connection(
        socket,
        docName,
        {
          canWrite: access.canWrite,
          identity: { userId: user.id, name: user.name },
          guideId: access.guideId,
          sessionTokenHash,
          sessionExpiresAt,
          pingIntervalMs: options.pingIntervalMs,
          abuseLog: options.abuseLog,
        },
        log,
      );
      options.accessChanges.track(connection);
      const startedAt = performance.now();
      options.registry.acquire(docName, access.kind, access.guideId).then(
        (room) => {
          const loadedAt = performance.now();
          connection.onClose(() => {
            room.remove(connection);
            options.registry.release(room);
          });
          connection.attach(room);
          if (connection.isClosed) options.registry.release(room);
          // Time to open a document server side: load (or reuse) it, then greet the client and answer
          // what it sent meanwhile. Debug level: the benchmark and operators read it, nobody else.
          const doneAt = performance.now();
          log.debug({ event: 'opened', loadMs: loadedAt - startedAt, attachMs: doneAt - loadedAt, totalMs: doneAt - startedAt }, 'document opened');
        },
        (err: unknown) => {
          log.error({ err }, 'could not load document');
          connection.close(CloseCode.internalError, 'document could not be loaded');
        },
      );
    },
  );
};
