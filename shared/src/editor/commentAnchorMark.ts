import { Mark } from '@tiptap/core';
import { COMMENT_MARK } from '../comments/commentMark.ts';

/**
 * Anchors a comment thread to a range of text. The mark lives in the document, so it follows the
 * text through concurrent edits, paragraph splits and joins. Threads may overlap: the mark does
 * not exclude itself, and the Yjs binding then keys each one by its attributes.
 *
 * Only the server adds or removes these marks (commenters cannot edit text); clients never parse
 * them from pasted HTML, so a copy-paste cannot duplicate a thread's anchor.
 */
export const CommentAnchor = Mark.create({
  name: COMMENT_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: () => null,
        renderHTML: (attributes: { threadId?: string | null }) =>
          attributes.threadId ? { 'data-thread-id': attributes.threadId } : {},
      },
    };
  },

  parseHTML() {
    return [];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0];
  },
});
