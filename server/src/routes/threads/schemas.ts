import { MAX_MESSAGE_LENGTH, THREAD_STATUSES } from '@dalil/shared';
import { errorReplies, idParams, idPattern } from '../commonSchemas.ts';

const person = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' } },
  required: ['id', 'name'],
} as const;

const messageView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    author: person,
    body: { type: 'string' },
    mentions: { type: 'array', items: person },
    createdAt: { type: 'string' },
    editedAt: { type: ['string', 'null'] },
    deleted: { type: 'boolean' },
  },
  required: ['id', 'author', 'body', 'mentions', 'createdAt', 'editedAt', 'deleted'],
} as const;

const threadView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    sectionId: { type: 'string' },
    sectionTitle: { type: 'string' },
    status: { type: 'string', enum: [...THREAD_STATUSES] },
    quote: { type: 'string' },
    detached: { type: 'boolean' },
    createdBy: person,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    resolvedBy: { anyOf: [person, { type: 'null' }] },
    resolvedAt: { type: ['string', 'null'] },
    messages: { type: 'array', items: messageView },
  },
  required: ['id', 'sectionId', 'sectionTitle', 'status', 'quote', 'detached', 'createdBy', 'createdAt', 'updatedAt', 'resolvedBy', 'resolvedAt', 'messages'],
} as const;

const messageBody = { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_LENGTH } as const;
const mentions = { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', pattern: idPattern } } as const;
// A Yjs relative position is a few dozen bytes; base64 of far more is not one.
const anchorPosition = { type: 'string', minLength: 4, maxLength: 512, pattern: '^[A-Za-z0-9+/]+={0,2}$' } as const;

export const listThreadsSchema = {
  tags: ['threads'],
  summary: 'Comment threads of a guide, oldest first (filter by status or section)',
  params: idParams('guideId'),
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { status: { type: 'string', enum: [...THREAD_STATUSES] }, sectionId: { type: 'string', pattern: idPattern } },
  },
  response: { 200: { type: 'array', items: threadView }, ...errorReplies },
};

export const createThreadSchema = {
  tags: ['threads'],
  summary: 'Open a thread anchored to a range of a section (two Yjs relative positions)',
  params: idParams('guideId', 'sectionId'),
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      anchor: {
        type: 'object',
        additionalProperties: false,
        properties: { start: anchorPosition, end: anchorPosition },
        required: ['start', 'end'],
      },
      body: messageBody,
      mentions,
    },
    required: ['anchor', 'body'],
  },
  response: { 201: threadView, ...errorReplies },
};

export const postMessageSchema = {
  tags: ['threads'],
  summary: 'Reply in a thread',
  params: idParams('guideId', 'threadId'),
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { body: messageBody, mentions },
    required: ['body'],
  },
  response: { 201: threadView, ...errorReplies },
};

export const editMessageSchema = {
  tags: ['threads'],
  summary: 'Edit one of your own messages',
  params: idParams('guideId', 'threadId', 'messageId'),
  body: postMessageSchema.body,
  response: { 200: threadView, ...errorReplies },
};

export const deleteMessageSchema = {
  tags: ['threads'],
  summary: 'Delete one of your messages (coordinators: any message); the last one deletes the thread',
  params: idParams('guideId', 'threadId', 'messageId'),
  response: { 200: threadView, 204: { type: 'null' }, ...errorReplies },
};

export const updateThreadSchema = {
  tags: ['threads'],
  summary: 'Resolve or reopen a thread',
  params: idParams('guideId', 'threadId'),
  body: {
    type: 'object',
    additionalProperties: false,
    properties: { status: { type: 'string', enum: [...THREAD_STATUSES] } },
    required: ['status'],
  },
  response: { 200: threadView, ...errorReplies },
};
