import { Type, type Static } from '@sinclair/typebox';
import { MAX_MESSAGE_LENGTH, THREAD_STATUSES } from '../types/threads.ts';
import { Id, IdParams, Nullable } from './common.ts';

/** Wire shapes of comment threads (`/api/guides/:guideId/threads`, `/sections/:sectionId/threads`). */

const ThreadStatusSchema = Type.Union(THREAD_STATUSES.map((s) => Type.Literal(s)));

/** A member as shown next to their words. */
export const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
export type PersonRef = Static<typeof PersonRef>;

export const ThreadMessageView = Type.Object({
  id: Type.String(),
  author: PersonRef,
  /** Empty when deleted. Plain text: clients must render it as text, never as HTML. */
  body: Type.String(),
  mentions: Type.Array(PersonRef),
  createdAt: Type.String(),
  editedAt: Nullable(Type.String()),
  deleted: Type.Boolean(),
});
export type ThreadMessageView = Static<typeof ThreadMessageView>;

export const ThreadView = Type.Object({
  id: Type.String(),
  sectionId: Type.String(),
  sectionTitle: Type.String(),
  status: ThreadStatusSchema,
  quote: Type.String(),
  detached: Type.Boolean(),
  createdBy: PersonRef,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  resolvedBy: Nullable(PersonRef),
  resolvedAt: Nullable(Type.String()),
  messages: Type.Array(ThreadMessageView),
});
export type ThreadView = Static<typeof ThreadView>;

// A Yjs relative position is a few dozen bytes; base64 of far more is not one.
const AnchorPosition = Type.String({ minLength: 4, maxLength: 512, pattern: '^[A-Za-z0-9+/]+={0,2}$' });

/**
 * Where a new thread is anchored: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) into the section's fragment, start inclusive, end exclusive.
 */
export const ThreadAnchorBody = Type.Object({ start: AnchorPosition, end: AnchorPosition }, { additionalProperties: false });
export type ThreadAnchorBody = Static<typeof ThreadAnchorBody>;

const MessageBody = Type.String({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH });
const Mentions = Type.Array(Id, { maxItems: 20, uniqueItems: true });

export const CreateThreadBody = Type.Object(
  { anchor: ThreadAnchorBody, body: MessageBody, mentions: Type.Optional(Mentions) },
  { additionalProperties: false },
);
export type CreateThreadBody = Static<typeof CreateThreadBody>;

export const PostMessageBody = Type.Object({ body: MessageBody, mentions: Type.Optional(Mentions) }, { additionalProperties: false });
export type PostMessageBody = Static<typeof PostMessageBody>;

export const UpdateThreadBody = Type.Object({ status: ThreadStatusSchema }, { additionalProperties: false });
export type UpdateThreadBody = Static<typeof UpdateThreadBody>;

export const ThreadsQuery = Type.Object(
  { status: Type.Optional(ThreadStatusSchema), sectionId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ThreadsQuery = Static<typeof ThreadsQuery>;

export const ThreadParams = IdParams('guideId', 'threadId');
export const MessageParams = IdParams('guideId', 'threadId', 'messageId');
