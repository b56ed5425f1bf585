import type { Editor } from '@tiptap/react';
import { CALLOUT_KINDS, type CalloutKind } from '@dalil/shared/editor';
import { label } from './label.ts';

/** Something the "/" menu and the Insert toolbar can put in the text. */
export interface InsertItem {
  id: string;
  label: () => string;
  hint: () => string;
  /** Words matched by the "/" filter besides the label (other languages, synonyms). */
  keywords: string;
  run: (editor: Editor, actions: InsertActions) => void;
}

/** What needs the surrounding UI (a file picker). */
export interface InsertActions {
  pickImage: () => void;
}

const calloutKeywords: Record<CalloutKind, string> = {
  goodPractice: 'bonne pratique good practice box encadre ممارسة',
  caseStudy: 'etude de cas case study دراسة حالة',
  vigilance: 'point de vigilance attention warning انتباه',
  reflex: 'reflexe a adopter reflex ردّ فعل',
  testimony: 'temoignage success story testimony شهادة',
};

export const INSERT_ITEMS: InsertItem[] = [
  {
    id: 'table',
    label: () => label('table'),
    hint: () => label('tableHint'),
    keywords: 'tableau table جدول grid',
    run: (editor) => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: 'figure',
    label: () => label('figure'),
    hint: () => label('figureHint'),
    keywords: 'image figure photo picture صورة',
    run: (_editor, actions) => actions.pickImage(),
  },
  ...CALLOUT_KINDS.map<InsertItem>((kind) => ({
    id: `callout-${kind}`,
    label: () => label(`callouts.${kind}`),
    hint: () => label('calloutHint'),
    keywords: `${calloutKeywords[kind]} callout encadre`,
    run: (editor) => editor.chain().focus().setCallout(kind).run(),
  })),
  {
    id: 'footnote',
    label: () => label('footnote'),
    hint: () => label('footnoteHint'),
    keywords: 'note footnote source reference حاشية',
    run: (editor) => editor.chain().focus().insertFootnote('').run(),
  },
  {
    id: 'heading2',
    label: () => label('heading2'),
    hint: () => '##',
    keywords: 'titre heading h2 عنوان',
    run: (editor) => editor.chain().focus().setHeading({ level: 2 }).run(),
  },
  {
    id: 'heading3',
    label: () => label('heading3'),
    hint: () => '###',
    keywords: 'titre heading h3 عنوان',
    run: (editor) => editor.chain().focus().setHeading({ level: 3 }).run(),
  },
  {
    id: 'bulletList',
    label: () => label('bulletList'),
    hint: () => '-',
    keywords: 'liste puces bullet list قائمة',
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    label: () => label('orderedList'),
    hint: () => '1.',
    keywords: 'liste numerotee ordered numbered list قائمة',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Items whose label or keywords contain every word typed after "/" (accents ignored). */
export function filterItems(query: string): InsertItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return INSERT_ITEMS;
  return INSERT_ITEMS.filter((item) => {
    const haystack = fold(`${item.label()} ${item.keywords} ${item.id}`);
    return words.every((word) => haystack.includes(word));
  });
}
