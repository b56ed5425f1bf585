import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { contentExtensions } from './extensions.ts';

let cached: Schema | null = null;

/** ProseMirror schema of section documents, built without an editor (works on the server). */
export function sectionSchema(): Schema {
  cached ??= getSchema(contentExtensions());
  return cached;
}
