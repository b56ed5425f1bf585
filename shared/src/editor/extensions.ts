import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { CommentAnchor } from './commentAnchorMark.ts';
import { GuideTable } from './table.ts';
import { Figure } from './figure.ts';
import { Callout } from './callout.ts';
import { Footnote } from './footnote.ts';

/**
 * Bumped when the document schema changes; the server refuses clients that announce another
 * version (later) and migrations key on it.
 * 2: tables (with caption), figures, callout boxes, footnotes. Version 1 documents are a subset
 * and open unchanged.
 */
export const EDITOR_SCHEMA_VERSION = 2;

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
    GuideTable.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Figure,
    Callout,
    Footnote,
  ];
}
