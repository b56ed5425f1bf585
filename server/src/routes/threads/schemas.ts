import { Type } from '@sinclair/typebox';
import { IdParams } from '@dalil/shared/api/common.ts';
import {
  CreateThreadBody,
  MessageParams,
  PostMessageBody,
  ThreadParams,
  ThreadsQuery,
  ThreadView,
  UpdateThreadBody,
} from '@dalil/shared/api/threads.ts';
import { errorReplies } from '../commonSchemas.ts';

const tags = ['threads'];

export const listThreadsSchema = {
  tags,
  summary: 'Comment threads of a guide, oldest first (filter by status or section)',
  params: IdParams('guideId'),
  querystring: ThreadsQuery,
  response: { 200: Type.Array(ThreadView), ...errorReplies },
};

export const createThreadSchema = {
  tags,
  summary: 'Open a thread anchored to a range of a section (two Yjs relative positions)',
  params: IdParams('guideId', 'sectionId'),
  body: CreateThreadBody,
  response: { 201: ThreadView, ...errorReplies },
};

export const postMessageSchema = {
  tags,
  summary: 'Reply in a thread',
  params: ThreadParams,
  body: PostMessageBody,
  response: { 201: ThreadView, ...errorReplies },
};

export const editMessageSchema = {
  tags,
  summary: 'Edit one of your own messages',
  params: MessageParams,
  body: PostMessageBody,
  response: { 200: ThreadView, ...errorReplies },
};

export const deleteMessageSchema = {
  tags,
  summary: 'Delete one of your messages (coordinators: any message); the last one deletes the thread',
  params: MessageParams,
  response: { 200: ThreadView, 204: { type: 'null' }, ...errorReplies },
};

export const updateThreadSchema = {
  tags,
  summary: 'Resolve or reopen a thread',
  params: ThreadParams,
  body: UpdateThreadBody,
  response: { 200: ThreadView, ...errorReplies },
};
