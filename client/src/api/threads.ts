import type { CreateThreadBody, PostMessageBody, ThreadStatus, ThreadView } from '@dalil/shared';
import { requestJson } from './http.ts';

const guide = (guideId: string): string => `/api/guides/${encodeURIComponent(guideId)}`;
const thread = (guideId: string, threadId: string): string => `${guide(guideId)}/threads/${encodeURIComponent(threadId)}`;

export const listThreads = (guideId: string, status?: ThreadStatus): Promise<ThreadView[]> =>
  requestJson('GET', `${guide(guideId)}/threads${status ? `?status=${status}` : ''}`);

export const createThread = (guideId: string, sectionId: string, body: CreateThreadBody): Promise<ThreadView> =>
  requestJson('POST', `${guide(guideId)}/sections/${encodeURIComponent(sectionId)}/threads`, body);

export const replyToThread = (guideId: string, threadId: string, body: PostMessageBody): Promise<ThreadView> =>
  requestJson('POST', `${thread(guideId, threadId)}/messages`, body);

export const editMessage = (guideId: string, threadId: string, messageId: string, body: PostMessageBody): Promise<ThreadView> =>
  requestJson('PATCH', `${thread(guideId, threadId)}/messages/${encodeURIComponent(messageId)}`, body);

/** Resolves to the thread as it is now, or null when that was its last message and the thread is gone. */
export const deleteMessage = async (guideId: string, threadId: string, messageId: string): Promise<ThreadView | null> =>
  (await requestJson<ThreadView | undefined>('DELETE', `${thread(guideId, threadId)}/messages/${encodeURIComponent(messageId)}`)) ?? null;

export const setThreadStatus = (guideId: string, threadId: string, status: ThreadStatus): Promise<ThreadView> =>
  requestJson('PATCH', thread(guideId, threadId), { status });
