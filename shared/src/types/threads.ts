/** A comment thread on a section, anchored to a range of its text by a `comment` mark. */
export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Longest message a member may post, in characters. */
export const MAX_MESSAGE_LENGTH = 4000;
/** Longest quote kept of the anchored text. */
export const MAX_QUOTE_LENGTH = 400;

export interface ThreadMessage {
  id: string;
  authorId: string;
  /** Plain text; never rendered as HTML. Empty once deleted. */
  body: string;
  /** Guide members named with @ in the body, as user ids (validated by the server). */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  /** A deleted message keeps its place in the thread (replies refer to it) without its text. */
  deletedAt: string | null;
}

export interface Thread {
  id: string;
  guideId: string;
  sectionId: string;
  status: ThreadStatus;
  /** The anchored text when the thread was opened: what the thread shows once detached. */
  quote: string;
  /** True once no text carries the thread's mark any more (all the anchored text was deleted). */
  detached: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  messages: ThreadMessage[];
}
