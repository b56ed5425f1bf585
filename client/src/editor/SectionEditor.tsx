import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionSession } from '../collaboration/SectionSession.ts';
import type { CurrentUser } from '../identity/currentUser.ts';
import { editorExtensions } from './editorExtensions.ts';
import { LinkForm } from './LinkForm.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useWordCountReporter } from './useWordCountReporter.ts';
import { InsertToolbar, TableTools } from '../content/InsertToolbar.tsx';
import { SlashMenuPopup } from '../content/SlashMenuPopup.tsx';
import { insertImageFile } from '../content/insertImage.ts';
import { numbersFrom, setNumberingOffset } from '../content/contentNumbering.ts';
import type { NumberedCounts } from '@dalil/shared/editor';
import type { CreateSuggestionBody, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { SuggestionMode, setSuggestionMode } from '../suggestions/suggestionMode.ts';
import { SuggestFormatButtons } from '../suggestions/SuggestFormatButtons.tsx';
import { formatLabelKey } from '../suggestions/formatLabel.ts';
import { keepRefused, readRefused, type RefusedSuggestion } from '../suggestions/refusedSuggestion.ts';
import { SuggestionOutbox } from '../suggestions/suggestionOutbox.ts';
import { SuggestBar } from '../suggestions/SuggestBar.tsx';
import { encodePosition } from '../suggestions/anchors.ts';
import { BlockComposer } from '../suggestions/BlockComposer.tsx';
import { proposalAfterCaret, type BlockProposal } from '../suggestions/interceptEdit.ts';
import { blockTypeMessageKey, describeBlocks } from '@dalil/shared/editor';
import './editor.css';
import '../content/content.css';
import { ImageFileInput } from '../images/ImageFileInput.tsx';
import { markLoad } from '../loading/loadMarks.ts';

/** How long a refused edit's explanation stays up. */
const NOTICE_MS = 6000;

interface SectionEditorProps {
  session: SectionSession;
  guideId: string;
  sectionId: string;
  /** Figures, tables and footnotes in the sections before this one (numbers continue from there). */
  numberingOffset?: NumberedCounts;
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
  /** Suggesting mode: the section's open suggestions, and whether (and how) this user suggests. */
  suggestions?: EditorSuggestions;
}

export interface EditorSuggestions {
  open: SuggestionView[];
  /** May suggest changes now (the role allows it and the section is not in review or validated). */
  canSuggest: boolean;
  /** Suggesting is the only way this user changes the text (contributors, reviewers). */
  forced: boolean;
  /** A suggestion reached the server. */
  onSent: (suggestion: SuggestionView) => void;
}

/** Room kept below the caret for the sticky status line (one line, padding and border). */
const STATUS_LINE_ROOM = 56;

/** The rich-text editor of one section, bound to that section's live Y.Doc. */
export function SectionEditor({ session, guideId, numberingOffset, sectionId, title, user, language, synced, editable, readOnlyNote, onEditor, suggestions }: SectionEditorProps) {
  const { t } = useTranslation();
  const canSuggest = suggestions?.canSuggest ?? false;
  const forcedSuggesting = (suggestions?.forced ?? false) && canSuggest;
  const [suggestingChoice, setSuggestingChoice] = useState(false);
  const suggesting = canSuggest && (forcedSuggesting || suggestingChoice);
  const writable = editable || canSuggest;
  const [notice, setNotice] = useState<string | null>(null);
  // A suggestion the server refused for good (the section went to review while it travelled...):
  // shown outside the suggesting bar, which goes with the rights, with the words that were typed.
  const [refused, setRefusedState] = useState<RefusedSuggestion | null>(() => readRefused(user.id, sectionId));
  const setRefused = (value: RefusedSuggestion | null) => {
    keepRefused(user.id, sectionId, value);
    setRefusedState(value);
  };
  // Blocks inserted while suggesting, being completed before they are proposed (an image to upload first, for a figure).
  const [proposal, setProposal] = useState<{ blocks: BlockProposal; image?: File } | null>(null);
  const suggestingRef = useRef(suggesting);
  suggestingRef.current = suggesting;
  const onSent = useRef(suggestions?.onSent);
  onSent.current = suggestions?.onSent;
  // One outbox per section session: it keeps suggestions made offline until the server has them.
  const outbox = useMemo(
    () =>
      new SuggestionOutbox(guideId, sectionId, user.id, {
        pending: (list) => {
          const view = editorRef.current?.view;
          if (view && !editorRef.current?.isDestroyed) setSuggestionMode(view, { pending: list });
          setNotice(list.length > 0 && !navigator.onLine ? t('suggestions.queued') : null);
        },
        sent: (suggestion) => onSent.current?.(suggestion),
        failed: (message, body, code) =>
          setRefused({ reason: code === 'section_locked' ? t('suggestions.failedLocked') : t('suggestions.failed', { message }), text: body.text ?? '' }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session],
  );
  useEffect(() => () => outbox.destroy(), [outbox]);
  const sendSuggestion = (body: CreateSuggestionBody) => outbox.send(body);
  const [linkOpen, setLinkOpen] = useState(false);
  const [imageError, setImageError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const actions = useMemo(() => ({ pickImage: () => fileInput.current?.click() }), []);

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
  const extensions = useMemo(
    () => [
      SuggestionMode.configure({
        userId: user.id,
        enabled: suggesting,
        send: (body) => outbox.send(body),
        onUnsupported: () => {
          setNotice(t('suggestedBlocks.unsupported'));
          setTimeout(() => setNotice(null), NOTICE_MS);
        },
        onBlocks: (blocks) => setProposal({ blocks }),
        describeBlocks: (content) =>
          describeBlocks(content, {
            message: (key, vars) => t(`suggestedBlocks.${key}`, vars ?? {}),
            calloutKind: (kind) => t(`content.callouts.${kind}`),
          }),
        formatLabel: (format) => t(formatLabelKey(format)),
        blockTypeLabel: (change) => t(`suggestedBlocks.${blockTypeMessageKey(change)}`, { level: change.level ?? '' }),
      }),
      ...editorExtensions(session, user, { guideId, actions, onImageError: (reason) => setImageError(reason) }, editorRef),
    ],
    [session],
  );
  const editor = useEditor(
    {
      extensions,
      // each paragraph takes the direction of its own text: Arabic in a French guide reads RTL
      textDirection: 'auto',
      editable: writable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes,
        // the status line is stuck to the bottom of the pane: typing near it scrolls the caret above it
        scrollMargin: { top: 8, bottom: STATUS_LINE_ROOM, left: 5, right: 5 },
        scrollThreshold: { top: 8, bottom: STATUS_LINE_ROOM, left: 5, right: 5 },
      },
    },
    // a new section means a new Y.Doc: rebuild the editor; name changes go through updateUser
    [session],
  );

  editorRef.current = editor;

  useEffect(() => markLoad('editor-created'), []);

  useEffect(() => {
    if (!editor.isDestroyed && numberingOffset && !numbersFrom(editor.state, numberingOffset)) editor.view.dispatch(setNumberingOffset(editor.state, numberingOffset));
  }, [editor, numberingOffset?.figure, numberingOffset?.table, numberingOffset?.footnote]);

  // Each of these effects tells the editor only what differs from what it holds: every view
  // update makes y-tiptap walk the whole document against the Y.Doc (tens of milliseconds for
  // 1,500 words on a phone), and a new editor was made with these values already.
  useEffect(() => {
    if (!editor.isDestroyed && editor.options.editable !== writable) editor.setEditable(writable);
  }, [editor, writable]);

  useEffect(() => {
    if (!editor.isDestroyed) setSuggestionMode(editor.view, { enabled: suggesting });
  }, [editor, suggesting]);

  const openSuggestions = suggestions?.open;
  useEffect(() => {
    if (!editor.isDestroyed) setSuggestionMode(editor.view, { open: openSuggestions ?? [], pending: outbox.list });
  }, [editor, openSuggestions, outbox]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    // what the others are shown of us, as the caret extension published it
    const shown = session.provider.awareness.getLocalState()?.user as { name?: string; color?: string } | undefined;
    if (shown?.name !== user.name || shown?.color !== user.color) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, session, user.name, user.color]);

  useEffect(() => {
    if (editor.isDestroyed || sameAttributes(editor.options.editorProps.attributes, attributes)) return;
    editor.setOptions({
      editorProps: {
        attributes,
        // the status line is stuck to the bottom of the pane: typing near it scrolls the caret above it
        scrollMargin: { top: 8, bottom: STATUS_LINE_ROOM, left: 5, right: 5 },
        scrollThreshold: { top: 8, bottom: STATUS_LINE_ROOM, left: 5, right: 5 },
      },
    });
    // attributes follow from these
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, t, title, language]);

  useWordCountReporter(editor, sectionId, language, synced);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (editable && !suggesting && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkOpen(true);
    }
  }

  return (
    <div className="section-editor" onKeyDown={onKeyDown}>
      {refused && (
        <div className="suggestion-refused" role="alert" data-testid="suggestion-refused">
          <p>
            {refused.reason}
            {refused.text && (
              <>
                {' '}
                {t('suggestions.refusedText')} <q dir="auto">{refused.text}</q>
              </>
            )}
          </p>
          <button type="button" className="button button--small" onClick={() => setRefused(null)}>
            {t('suggestions.refusedDismiss')}
          </button>
        </div>
      )}
      {writable ? (
        <div className="section-editor__chrome">
          {canSuggest && (
            <SuggestBar
              forced={forcedSuggesting}
              suggesting={suggesting}
              onToggle={setSuggestingChoice}
              boxAnchor={() => (editor.isDestroyed ? null : encodePosition(editor.state, editor.state.selection.from, -1))}
              send={sendSuggestion}
              notice={notice}
            />
          )}
          {suggesting && <SuggestFormatButtons editor={editor} extra={<InsertToolbar editor={editor} actions={actions} figure={editable} footnote={false} boxAfter />} />}
          {suggesting && proposal && (
            <BlockComposer
              proposal={proposal.blocks}
              initialImage={proposal.image}
              guideId={guideId}
              language={language}
              canUploadImages={editable}
              send={sendSuggestion}
              onClose={() => setProposal(null)}
            />
          )}
          {editable && !suggesting && (
            <>
              <Toolbar editor={editor} onLink={() => setLinkOpen((open) => !open)} extra={<InsertToolbar editor={editor} actions={actions} />} />
              <TableTools editor={editor} />
            </>
          )}
          {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
          {imageError && (
            <p className="content-error" role="alert">
              {t('content.figureUploadFailed', { reason: imageError })}
              <button type="button" className="link-button" onClick={() => setImageError(null)}>
                ×
              </button>
            </p>
          )}
          <ImageFileInput
            ref={fileInput}
            testId="figure-file"
            onFile={(file) => {
              // while suggesting, the figure is made in the block composer (uploaded there, proposed from there)
              const after = suggestingRef.current && !editor.isDestroyed ? proposalAfterCaret(editor.state) : null;
              if (after) setProposal({ blocks: after, image: file });
              else insertImageFile(editor, guideId, file, (reason) => setImageError(reason));
            }}
          />
        </div>
      ) : (
        <p className="section-editor__readonly" data-testid="read-only">
          {readOnlyNote ?? t('editor.readOnly')}
        </p>
      )}
      <EditorContent editor={editor} className="section-editor__content" />
      {editable && !suggesting && <SlashMenuPopup editor={editor} actions={actions} />}
    </div>
  );
}

/** The editable area's attributes as set, against those to set (both flat records of strings). */
function sameAttributes(set: unknown, next: Record<string, string>): boolean {
  if (typeof set !== 'object' || set === null) return false;
  const current = set as Record<string, unknown>;
  const keys = Object.keys(next);
  return keys.length === Object.keys(current).length && keys.every((key) => current[key] === next[key]);
}
