import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionSession } from '../collaboration/SectionSession.ts';
import type { CurrentUser } from '../identity/currentUser.ts';
import { editorExtensions } from './editorExtensions.ts';
import { LinkForm } from './LinkForm.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useWordCountReporter } from './useWordCountReporter.ts';
import './editor.css';

interface SectionEditorProps {
  session: SectionSession;
  sectionId: string;
  title: string;
  user: CurrentUser;
  /** Guide language: spell checking and word segmentation rules. */
  language: string;
  /** The document has been brought in sync with the server at least once. */
  synced: boolean;
  /** False for roles that may read but not change the text, and for validated sections (the server drops their edits anyway). */
  editable: boolean;
  /** Says why the text is read-only, when it is not the role (a validated section). */
  readOnlyNote?: string;
  /** Hands the editor to what works beside it (the comments panel). */
  onEditor?: (editor: Editor | null) => void;
}

/** The rich-text editor of one section, bound to that section's live Y.Doc. */
export function SectionEditor({ session, sectionId, title, user, language, synced, editable, readOnlyNote, onEditor }: SectionEditorProps) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);

  // The editable area's attributes, set at creation and kept current when the title or language changes.
  const attributes = {
    class: 'prose',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': t('editor.contentLabel', { title }),
    lang: language,
    spellcheck: 'true',
  };
  // Built once per session (the editor is too): name and colour changes go through updateUser.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const extensions = useMemo(() => editorExtensions(session, user), [session]);
  const editor = useEditor(
    {
      extensions,
      // each paragraph takes the direction of its own text: Arabic in a French guide reads RTL
      textDirection: 'auto',
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes,
      },
    },
    // a new section means a new Y.Doc: rebuild the editor; name changes go through updateUser
    [session],
  );

  useEffect(() => {
    if (!editor.isDestroyed) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes,
      },
    });
  }, [editor, t, title, language]);

  useWordCountReporter(editor, sectionId, language, synced);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (editable && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkOpen(true);
    }
  }

  return (
    <div className="section-editor" onKeyDown={onKeyDown}>
      {editable ? (
        <div className="section-editor__chrome">
          <Toolbar editor={editor} onLink={() => setLinkOpen((open) => !open)} />
          {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
        </div>
      ) : (
        <p className="section-editor__readonly" data-testid="read-only">
          {readOnlyNote ?? t('editor.readOnly')}
        </p>
      )}
      <EditorContent editor={editor} className="section-editor__content" />
    </div>
  );
}
