import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { contentExtensions } from '@dalil/shared/editor';
import { SECTION_FRAGMENT } from '@dalil/shared';
import type { SectionSession } from '../collaboration/SectionSession.ts';
import type { CurrentUser } from '../identity/currentUser.ts';
import { LocalAutolinkOnly } from './localAutolinkOnly.ts';
import { NodeViewsSetOnce } from './nodeViewsSetOnce.ts';
import { ReadOnlyGuard } from './readOnlyGuard.ts';
import { renderCaret } from './renderCaret.ts';
import type { Editor } from '@tiptap/core';
import { contentEditorExtensions, withNodeViews, type ContentHost } from '../content/contentEditorExtensions.ts';

/**
 * The shared content schema plus what only a live browser editor needs: binding to the section's
 * Y.Doc (which also brings Yjs undo/redo, limited to our own changes) and other people's carets;
 * read-only sessions also refuse every local change. Guide content (tables, figures, boxes,
 * footnotes) gets its node views, numbering, "/" menu and paste handling.
 */
export function editorExtensions(session: SectionSession, user: CurrentUser, host: ContentHost, editorRef: { current: Editor | null }): AnyExtension[] {
  return [
    ...withNodeViews(contentExtensions()),
    ...contentEditorExtensions(host, editorRef),
    Collaboration.configure({ document: session.ydoc, field: SECTION_FRAGMENT }),
    LocalAutolinkOnly,
    NodeViewsSetOnce,
    CollaborationCaret.configure({
      provider: session.provider,
      user: { name: user.name, color: user.color },
      render: renderCaret,
    }),
    ...(session.readOnly ? [ReadOnlyGuard] : []),
  ];
}
