import type { Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { countWords } from '@dalil/shared/editor';
import { reportWordCount } from './wordCountStore.ts';

const DELAY_MS = 400;

/**
 * Keeps the table of contents' word count for this section current, local and remote edits alike.
 * Nothing is reported before the document is `ready` (in sync with the server, or edited), so a
 * section does not flash "0 words" while its text is still on the way.
 */
export function useWordCountReporter(editor: Editor | null, sectionId: string, locale: string, ready: boolean): void {
  useEffect(() => {
    if (!editor) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const measure = (): void => {
      timer = null;
      if (editor.isDestroyed) return;
      const { doc } = editor.state;
      reportWordCount(sectionId, countWords(doc.textBetween(0, doc.content.size, '\n', '\n'), locale));
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (transaction.docChanged) timer ??= setTimeout(measure, DELAY_MS);
    };
    editor.on('transaction', onTransaction);
    if (ready) measure();
    return () => {
      editor.off('transaction', onTransaction);
      if (timer) clearTimeout(timer);
    };
  }, [editor, sectionId, locale, ready]);
}
