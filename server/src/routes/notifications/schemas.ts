import { NOTIFICATION_KINDS } from '@dalil/shared';
import { errorReplies, idPattern } from '../commonSchemas.ts';

const notificationView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
    guideId: { type: 'string' },
    guideTitle: { type: 'string' },
    sectionId: { type: ['string', 'null'] },
    sectionTitle: { type: ['string', 'null'] },
    threadId: { type: ['string', 'null'] },
    actorId: { type: 'string' },
    actorName: { type: 'string' },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    readAt: { type: ['string', 'null'] },
  },
  required: ['id', 'kind', 'guideId', 'guideTitle', 'sectionId', 'sectionTitle', 'threadId', 'actorId', 'actorName', 'note', 'createdAt', 'readAt'],
} as const;

export const listNotificationsSchema = {
  tags: ['notifications'],
  summary: 'The signed-in user’s notifications, newest first, with the unread count',
  response: {
    200: {
      type: 'object',
      properties: { unread: { type: 'integer' }, items: { type: 'array', items: notificationView } },
      required: ['unread', 'items'],
    },
    ...errorReplies,
  },
};

export const markReadSchema = {
  tags: ['notifications'],
  summary: 'Mark some notifications read (`ids`) or all of them (`all: true`)',
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      ids: { type: 'array', maxItems: 500, items: { type: 'string', pattern: idPattern } },
      all: { type: 'boolean' },
    },
  },
  response: {
    200: { type: 'object', properties: { unread: { type: 'integer' }, marked: { type: 'integer' } }, required: ['unread', 'marked'] },
    ...errorReplies,
  },
};
