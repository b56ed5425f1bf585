import { Extension, InputRule, type AnyExtension, type Editor } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { Plugin } from '@tiptap/pm/state';
import { Callout, Figure, Footnote, GuideTable, isCalloutKind } from '@dalil/shared/editor';
import { CalloutView } from './CalloutView.ts';
import { ContentNumbering } from './contentNumbering.ts';
import { FigureView } from './FigureView.ts';
import { FootnoteView } from './FootnoteView.ts';
import { filterItems, type InsertActions } from './insertItems.ts';
import { insertImageFile, newUploadToken, uploadIntoFigure } from './insertImage.ts';
import { label } from './label.ts';
import { cleanOfficeHtml } from './officePaste.ts';
import { SlashMenu } from './slashMenuPlugin.ts';
import { TableCaptionView } from './TableCaptionView.ts';

/** What the content features need from the page around the editor. */
export interface ContentHost {
  guideId: string;
  actions: InsertActions;
  /** Reports an image that could not be uploaded (shown to the person). */
  onImageError: (reason: string) => void;
}

const withViews: Record<string, AnyExtension> = {
  table: GuideTable.extend({
    addNodeView() {
      return ({ node, view, getPos, decorations }) => new TableCaptionView(node, view, getPos, decorations);
    },
  }).configure({ resizable: false }),
  figure: Figure.extend({
    addNodeView() {
      return ({ node, view, getPos, decorations }) => new FigureView(node, view, getPos, decorations);
    },
  }),
  callout: Callout.extend({
    addNodeView() {
      return ({ node, view, getPos }) => new CalloutView(node, view, getPos);
    },
  }),
  footnote: Footnote.extend({
    addNodeView() {
      return ({ node, view, getPos, decorations }) => new FootnoteView(node, view, getPos, decorations);
    },
  }),
};

/** The shared schema's extensions with the editor's node views in place of the plain ones. */
export function withNodeViews(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) => withViews[extension.name] ?? extension);
}

/** Keyboard shortcuts and Markdown-style input rules for the guide's content. */
function contentShortcuts(host: ContentHost) {
  return Extension.create({
    name: 'contentShortcuts',
    addKeyboardShortcuts() {
      return {
        'Mod-Alt-t': () => this.editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        'Mod-Alt-f': () => this.editor.chain().focus().insertFootnote('').run(),
        'Mod-Alt-b': () => this.editor.chain().focus().setCallout('goodPractice').run(),
        'Mod-Alt-i': () => {
          host.actions.pickImage();
          return true;
        },
      };
    },
    addInputRules() {
      return [
        // "::: " (or ":::caseStudy ") at the start of a paragraph opens a box, as in Markdown admonitions
        new InputRule({
          find: /^:::(\w*)\s$/,
          handler: ({ range, match, chain }) => {
            const kind = isCalloutKind(match[1]) ? match[1] : 'goodPractice';
            chain().deleteRange(range).setCallout(kind).run();
          },
        }),
        // "[^the note]" becomes a footnote, as in Pandoc's inline notes
        new InputRule({
          find: /\[\^([^\]]+)\]$/,
          handler: ({ range, match, chain }) => {
            chain().deleteRange(range).insertFootnote(match[1]!.trim()).run();
          },
        }),
        // "||| " at the start of a paragraph makes a table with a header row
        new InputRule({
          find: /^\|\|\|\s$/,
          handler: ({ range, chain }) => {
            chain().deleteRange(range).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
          },
        }),
      ];
    },
  });
}

/** Paste from Word, LibreOffice and Google Docs, and image files pasted or dropped. */
function officePaste(host: ContentHost, editorRef: { current: Editor | null }) {
  return Extension.create({
    name: 'officePaste',
    addProseMirrorPlugins() {
      const imageFiles = (data: DataTransfer | null) => Array.from(data?.files ?? []).filter((file) => file.type.startsWith('image/'));
      return [
        new Plugin({
          props: {
            transformPastedHTML(html) {
              const cleaned = cleanOfficeHtml(html, {
                missingText: (name) => `${name} (${label('pasteMissingImage')})`,
                newToken: newUploadToken,
              });
              const editor = editorRef.current;
              if (editor) {
                // the placeholders are in the pasted slice: upload once the paste has been applied
                for (const image of cleaned.images) queueMicrotask(() => void uploadIntoFigure(editor, host.guideId, image.token, image.blob, host.onImageError));
              }
              return cleaned.html;
            },
            handlePaste(_view, event) {
              const files = imageFiles(event.clipboardData);
              const html = event.clipboardData?.getData('text/html') ?? '';
              const editor = editorRef.current;
              // an image alone (a screenshot, an image copied from a viewer): upload it
              if (files.length === 0 || html.trim() !== '' || !editor) return false;
              for (const file of files) insertImageFile(editor, host.guideId, file, host.onImageError);
              return true;
            },
            handleDrop(view, event) {
              const files = imageFiles(event.dataTransfer);
              const editor = editorRef.current;
              if (files.length === 0 || !editor || !view.editable) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
              if (at) editor.commands.setTextSelection(at.pos);
              for (const file of files) insertImageFile(editor, host.guideId, file, host.onImageError);
              return true;
            },
          },
        }),
      ];
    },
  });
}

/**
 * Everything the editor adds for guide content besides the schema: node views, numbering, the
 * "/" menu, shortcuts and input rules, the empty-section placeholder, paste from office suites.
 */
export function contentEditorExtensions(host: ContentHost, editorRef: { current: Editor | null }): AnyExtension[] {
  return [
    ContentNumbering,
    SlashMenu.configure({
      count: (query) => filterItems(query).length,
      choose: (query, index) => {
        const item = filterItems(query)[index];
        const editor = editorRef.current;
        if (item && editor) item.run(editor, host.actions);
      },
    }),
    contentShortcuts(host),
    officePaste(host, editorRef),
    Placeholder.configure({
      placeholder: ({ editor }) => (editor.isEmpty ? label('placeholder') : ''),
      showOnlyWhenEditable: true,
    }),
  ];
}
