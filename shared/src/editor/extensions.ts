import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CommentAnchor } from './commentAnchor.ts';

/**
 * Bumped when the document schema changes in a way old clients cannot read; the server refuses
 * clients that announce another version (later) and migrations key on it.
 */
export const EDITOR_SCHEMA_VERSION = 1;

/**
 * The one list of content extensions, shared by the browser editor and the server (which builds its
 * schema from it for seeding, export and diff). Collaboration-specific extensions are added by the
 * client on top; they do not change the schema. Undo/redo comes from Yjs, so TipTap's is off.
 */
export function contentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    CommentAnchor,
  ];
}
