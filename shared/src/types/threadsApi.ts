import type { ThreadStatus } from './threads.ts';

/** A member as shown next to their words. */
export interface PersonRef {
  id: string;
  name: string;
}

export interface ThreadMessageView {
  id: string;
  author: PersonRef;
  /** Empty when deleted. Plain text: clients must render it as text, never as HTML. */
  body: string;
  mentions: PersonRef[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface ThreadView {
  id: string;
  sectionId: string;
  sectionTitle: string;
  status: ThreadStatus;
  quote: string;
  detached: boolean;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
  messages: ThreadMessageView[];
}

/**
 * Where a new thread is anchored: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) into the section's fragment, start inclusive, end exclusive.
 */
export interface ThreadAnchorBody {
  start: string;
  end: string;
}

export interface CreateThreadBody {
  anchor: ThreadAnchorBody;
  body: string;
  mentions?: string[];
}

export interface PostMessageBody {
  body: string;
  mentions?: string[];
}

export interface UpdateThreadBody {
  status: ThreadStatus;
}
