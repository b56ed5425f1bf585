import type { FastifyPluginAsync } from 'fastify';
import type { CreateThreadBody, PostMessageBody, ThreadStatus, UpdateThreadBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { listThreads } from '../../threads/listThreads.ts';
import { createThread } from '../../threads/createThread.ts';
import { replyToThread } from '../../threads/replyToThread.ts';
import { editMessage } from '../../threads/editMessage.ts';
import { deleteMessage } from '../../threads/deleteMessage.ts';
import { setThreadStatus } from '../../threads/setThreadStatus.ts';
import {
  createThreadSchema,
  deleteMessageSchema,
  editMessageSchema,
  listThreadsSchema,
  postMessageSchema,
  updateThreadSchema,
} from './schemas.ts';

type GuideParams = { guideId: string };
type SectionParams = { guideId: string; sectionId: string };
type ThreadParams = { guideId: string; threadId: string };
type MessageParams = ThreadParams & { messageId: string };

/** Comment threads, mounted under /api/guides/:guideId; the use cases are in server/src/threads/. */
const threadsRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  app.get<{ Params: GuideParams; Querystring: { status?: ThreadStatus; sectionId?: string } }>(
    '/threads',
    { schema: listThreadsSchema },
    async (request) => listThreads(services, request.auth?.user, request.params.guideId, request.query),
  );

  app.post<{ Params: SectionParams; Body: CreateThreadBody }>(
    '/sections/:sectionId/threads',
    { schema: createThreadSchema },
    async (request, reply) => reply.code(201).send(await createThread({ ...services, log: request.log }, request.auth?.user, request.params, request.body)),
  );

  app.post<{ Params: ThreadParams; Body: PostMessageBody }>(
    '/threads/:threadId/messages',
    { schema: postMessageSchema },
    async (request, reply) => reply.code(201).send(await replyToThread({ ...services, log: request.log }, request.auth?.user, request.params, request.body)),
  );

  app.patch<{ Params: MessageParams; Body: PostMessageBody }>(
    '/threads/:threadId/messages/:messageId',
    { schema: editMessageSchema },
    async (request) => editMessage({ ...services, log: request.log }, request.auth?.user, request.params, request.body),
  );

  app.delete<{ Params: MessageParams }>(
    '/threads/:threadId/messages/:messageId',
    { schema: deleteMessageSchema },
    async (request, reply) => {
      const thread = await deleteMessage(services, request.auth?.user, request.params);
      return thread ? thread : reply.code(204).send();
    },
  );

  app.patch<{ Params: ThreadParams; Body: UpdateThreadBody }>(
    '/threads/:threadId',
    { schema: updateThreadSchema },
    async (request) => setThreadStatus(services, request.auth?.user, request.params, request.body.status),
  );
};

export default threadsRoute;
