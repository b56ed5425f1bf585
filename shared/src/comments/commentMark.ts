import * as buf from 'lib0/buffer';
import * as sha256 from 'lib0/hash/sha256';

/** ProseMirror name of the mark that anchors a thread to text. */
export const COMMENT_MARK = 'comment';

/** Prefix of the Yjs formatting keys that carry comment marks (`comment--<hash>`). */
export const COMMENT_ATTRIBUTE_PREFIX = `${COMMENT_MARK}--`;

export interface CommentMarkAttributes {
  threadId: string;
}

/**
 * The Yjs formatting key under which the editor binding (y-prosemirror / @tiptap/y-tiptap) stores
 * one comment mark. Comment marks may overlap, so the binding keys each one by a hash of the mark's
 * JSON instead of by the mark name; the server writes marks itself (commenters have no right to
 * edit text), so it must produce the very key the binding would, or the binding would rewrite the
 * formatting on the next edit nearby. Same algorithm as the binding's `hashOfJSON`.
 */
export function commentAttributeKey(threadId: string): string {
  const json = { type: COMMENT_MARK, attrs: { threadId } };
  const digest = sha256.digest(buf.encodeAny(json));
  const N = 6;
  for (let i = N; i < digest.length; i++) digest[i % N] = digest[i % N]! ^ digest[i]!;
  return `${COMMENT_ATTRIBUTE_PREFIX}${buf.toBase64(digest.slice(0, N))}`;
}

/** The thread a Yjs formatting attribute anchors, if it is a comment mark. */
export function threadIdOfAttribute(key: string, value: unknown): string | null {
  if (key !== COMMENT_MARK && !key.startsWith(COMMENT_ATTRIBUTE_PREFIX)) return null;
  const threadId = (value as Partial<CommentMarkAttributes> | null)?.threadId;
  return typeof threadId === 'string' ? threadId : null;
}
