import type { FastifyPluginAsync } from 'fastify';
import type { CreateThreadBody, PostMessageBody, ThreadStatus, UpdateThreadBody } from '@dalil/shared';
import { canDeleteMessage, canEditMessage } from '@dalil/shared';
import { forbidden } from '../../auth/guideAccess.ts';
import { ThreadRepository } from '../../storage/threadRepository.ts';
import type { RouteServices } from '../routeServices.ts';
import { anchorThread, unanchorThread } from './anchorThread.ts';
import { messageInput } from './messageInput.ts';
import { threadView } from './threadView.ts';
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

/**
 * Comment threads, mounted under /api/guides/:guideId. Anyone who may comment writes here, text
 * rights or not; the anchors are written into the document by the server itself.
 */
const threadsRoute: FastifyPluginAsync<RouteServices> = async (app, { guides, accounts, members, threads, notifications, access, live }) => {
  /** People named in a message hear of it (the author never notifies themself). */
  const notifyMentions = (guideId: string, sectionId: string, threadId: string, actorId: string, mentioned: string[]) =>
    mentioned.length > 0 ? notifications.notify({ recipientIds: mentioned, actorId, guideId, sectionId, threadId, kind: 'mention' }) : Promise.resolve([]);

  const view = (guideId: string, threadId: string) => {
    const thread = threads.get(guideId, threadId);
    return threadView(thread, guides.getSection(guideId, thread.sectionId).title, accounts);
  };

  app.get<{ Params: GuideParams; Querystring: { status?: ThreadStatus; sectionId?: string } }>(
    '/threads',
    { schema: listThreadsSchema },
    async (request) => {
      const { guideId } = request.params;
      access.authorize(request.auth?.user, guideId, 'guide.read');
      const titles = new Map(guides.listSections(guideId).map((s) => [s.id, s.title]));
      return threads.list(guideId, request.query).map((t) => threadView(t, titles.get(t.sectionId) ?? '', accounts));
    },
  );

  app.post<{ Params: SectionParams; Body: CreateThreadBody }>(
    '/sections/:sectionId/threads',
    { schema: createThreadSchema },
    async (request, reply) => {
      const { guideId, sectionId } = request.params;
      const user = request.auth?.user;
      access.authorize(user, guideId, 'section.comment');
      const section = guides.getSection(guideId, sectionId);
      if (section.deletedAt) throw forbidden('this section is in the trash');
      const message = messageInput(guideId, request.body, members);
      const threadId = ThreadRepository.newThreadId();
      const quote = await anchorThread(live, guideId, section.docName, threadId, request.body.anchor);
      await threads.create({ id: threadId, guideId, sectionId, quote, authorId: user!.id, ...message });
      await notifyMentions(guideId, sectionId, threadId, user!.id, message.mentions);
      live.threadsChanged(guideId);
      return reply.code(201).send(view(guideId, threadId));
    },
  );

  app.post<{ Params: ThreadParams; Body: PostMessageBody }>(
    '/threads/:threadId/messages',
    { schema: postMessageSchema },
    async (request, reply) => {
      const { guideId, threadId } = request.params;
      const user = request.auth?.user;
      access.authorize(user, guideId, 'section.comment');
      const thread = threads.get(guideId, threadId);
      const message = messageInput(guideId, request.body, members);
      await threads.addMessage(guideId, threadId, user!.id, message.body, message.mentions);
      await notifyMentions(guideId, thread.sectionId, threadId, user!.id, message.mentions);
      live.threadsChanged(guideId);
      return reply.code(201).send(view(guideId, threadId));
    },
  );

  app.patch<{ Params: MessageParams; Body: PostMessageBody }>(
    '/threads/:threadId/messages/:messageId',
    { schema: editMessageSchema },
    async (request) => {
      const { guideId, threadId, messageId } = request.params;
      const user = request.auth?.user;
      const { role } = access.authorize(user, guideId, 'guide.read');
      const thread = threads.get(guideId, threadId);
      const existing = threads.getMessage(thread, messageId);
      if (!canEditMessage(role, user!.id, { authorId: existing.authorId, deleted: existing.deletedAt !== null })) throw forbidden('only its author can edit a message');
      const message = messageInput(guideId, request.body, members);
      const newlyMentioned = message.mentions.filter((id) => !existing.mentions.includes(id));
      await threads.editMessage(guideId, threadId, messageId, message.body, message.mentions);
      await notifyMentions(guideId, thread.sectionId, threadId, user!.id, newlyMentioned);
      live.threadsChanged(guideId);
      return view(guideId, threadId);
    },
  );

  app.delete<{ Params: MessageParams }>(
    '/threads/:threadId/messages/:messageId',
    { schema: deleteMessageSchema },
    async (request, reply) => {
      const { guideId, threadId, messageId } = request.params;
      const user = request.auth?.user;
      const { role } = access.authorize(user, guideId, 'guide.read');
      const thread = threads.get(guideId, threadId);
      const existing = threads.getMessage(thread, messageId);
      if (!canDeleteMessage(role, user!.id, { authorId: existing.authorId, deleted: existing.deletedAt !== null })) throw forbidden('only its author or a coordinator can delete a message');
      const docName = guides.getSection(guideId, thread.sectionId).docName;
      const { threadDeleted } = await threads.deleteMessage(guideId, threadId, messageId);
      if (threadDeleted) await unanchorThread(live, guideId, docName, threadId);
      live.threadsChanged(guideId);
      return threadDeleted ? reply.code(204).send() : view(guideId, threadId);
    },
  );

  app.patch<{ Params: ThreadParams; Body: UpdateThreadBody }>(
    '/threads/:threadId',
    { schema: updateThreadSchema },
    async (request) => {
      const { guideId, threadId } = request.params;
      const user = request.auth?.user;
      access.authorize(user, guideId, 'section.comment');
      await threads.setStatus(guideId, threadId, request.body.status, user!.id);
      live.threadsChanged(guideId);
      return view(guideId, threadId);
    },
  );
};

export default threadsRoute;
