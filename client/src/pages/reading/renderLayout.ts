import { DOMSerializer, Node as PMNode } from '@tiptap/pm/model';
import { sectionSchema } from '@dalil/shared/editor';

let serializer: DOMSerializer | null = null;

/**
 * A section's content (ProseMirror JSON) as DOM, through the schema built from the shared extension
 * list: every node the editor knows (tables, figures, boxes, footnotes…) renders here the way its
 * extension says, without this view knowing about it. Text goes into text nodes, never parsed as HTML.
 */
export function renderLayout(layout: unknown): DocumentFragment {
  const schema = sectionSchema();
  serializer ??= DOMSerializer.fromSchema(schema);
  const doc = PMNode.fromJSON(schema, layout);
  return serializer.serializeFragment(doc.content) as DocumentFragment;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

/** Whether a text is mostly Arabic (the direction its section is laid out in). */
export function isMostlyArabic(text: string): boolean {
  const arabic = text.match(ARABIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return arabic > latin;
}

/** The plain text of a content JSON (for choosing its direction). */
export function layoutText(layout: unknown): string {
  let out = '';
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === 'string') out += n.text;
    if (Array.isArray(n.content)) for (const child of n.content) walk(child);
  };
  walk(layout);
  return out;
}
