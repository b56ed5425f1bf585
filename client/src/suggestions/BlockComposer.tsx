import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentExtensions } from '@dalil/shared/editor';
import type { CreateSuggestionBody, SuggestedBlockJson } from '@dalil/shared/api/suggestions.ts';
import { withNodeViews } from '../content/contentEditorExtensions.ts';
import { InsertToolbar, TableTools } from '../content/InsertToolbar.tsx';
import { insertImageFile } from '../content/insertImage.ts';
import { schemaJson, type BlockProposal } from './interceptEdit.ts';
import { ImageFileInput } from '../images/ImageFileInput.tsx';

interface BlockComposerProps {
  proposal: BlockProposal;
  /** An image to upload into a new figure at once (chosen with the toolbar's image button). */
  initialImage?: File;
  guideId: string;
  language: string;
  /** May upload images (authors and the coordinator; contributors paste figures already in the guide). */
  canUploadImages: boolean;
  send: (body: CreateSuggestionBody) => void;
  onClose: () => void;
}

/**
 * Where inserted blocks are completed before being proposed: a small editor of the same schema,
 * bound to nothing (the section's text does not change), holding what the suggester inserted (an
 * empty table to fill in, a box, a pasted table...). "Suggérer" sends its blocks as they are.
 */
export function BlockComposer({ proposal, initialImage, guideId, language, canUploadImages, send, onClose }: BlockComposerProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const extensions = useMemo(() => withNodeViews(contentExtensions()), []);
  const editor = useEditor(
    {
      extensions,
      content: { type: 'doc', content: proposal.content.length > 0 ? proposal.content : [{ type: 'paragraph' }] },
      textDirection: 'auto',
      immediatelyRender: true,
      autofocus: 'start',
      editorProps: { attributes: { class: 'prose block-composer__prose', lang: language, 'aria-label': t('suggestedBlocks.composerTitle'), 'data-testid': 'block-composer-editor' } },
    },
    [proposal],
  );

  const onImageError = (reason: string) => setError(t('content.figureUploadFailed', { reason }));
  useEffect(() => {
    if (initialImage && !editor.isDestroyed) insertImageFile(editor, guideId, initialImage, onImageError);
    // once per proposal
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  const actions = useMemo(() => ({ pickImage: () => fileInput.current?.click() }), []);

  function submit(): void {
    const all = ((editor.getJSON().content ?? []) as SuggestedBlockJson[]).map(schemaJson);
    // the empty lines the editor keeps around a table or a box are not part of the proposal
    const isEmptyLine = (node: SuggestedBlockJson | undefined) => node?.type === 'paragraph' && !node.content?.length;
    let start = 0;
    let end = all.length;
    while (start < end && isEmptyLine(all[start])) start++;
    while (end > start && isEmptyLine(all[end - 1])) end--;
    const content = all.slice(start, end);
    const empty = content.length === 0 || (!editor.state.doc.textContent.trim() && !content.some((node) => ['figure', 'horizontalRule', 'table'].includes(node.type)));
    if (empty) {
      setError(t('suggestedBlocks.composerEmpty'));
      return;
    }
    send({ at: proposal.at, block: { type: 'blocks', content } });
    onClose();
  }

  return (
    <section className="block-composer" aria-labelledby="block-composer-title" data-testid="block-composer">
      <h3 id="block-composer-title" className="block-composer__title">
        {t('suggestedBlocks.composerTitle')}
      </h3>
      <p className="block-composer__hint">{t('suggestedBlocks.composerHint')}</p>
      <div className="toolbar" role="toolbar">
        <InsertToolbar editor={editor} actions={actions} figure={canUploadImages} />
      </div>
      <TableTools editor={editor} />
      <EditorContent editor={editor} className="block-composer__content" />
      {error && (
        <p className="content-error" role="alert">
          {error}
        </p>
      )}
      <div className="block-composer__actions">
        <button type="button" className="button button--small button--primary" onClick={submit} data-testid="block-composer-send">
          {t('suggestedBlocks.composerSend')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('suggestions.cancel')}
        </button>
      </div>
      <ImageFileInput ref={fileInput} testId="block-composer-file" onFile={(file) => insertImageFile(editor, guideId, file, onImageError)} />
    </section>
  );
}
