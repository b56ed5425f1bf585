import { extensions, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { contentExtensions } from '@dalil/shared/editor';

let cached: Schema | null = null;

/**
 * The schema imported text is parsed into: the shared content extensions (the allow-list) plus the
 * per-node `dir` attribute the browser editor adds with `textDirection: 'auto'`, so that a
 * paragraph's direction from Word survives into the document.
 */
export function importSchema(): Schema {
  cached ??= getSchema([...contentExtensions(), extensions.TextDirection.configure({ direction: 'auto' })]);
  return cached;
}
