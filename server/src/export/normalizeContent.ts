import { sectionSchema, type LayoutNode } from '@dalil/shared/editor';
import { plainText } from './layoutWalk.ts';

/**
 * Puts a section's content through the shared editor schema before it is written: unknown
 * attributes are dropped and every node and mark must be one the schema defines, so a stray
 * element written by a modified client cannot reach an export. Content the schema refuses is
 * exported as plain paragraphs (its text is not lost).
 */
export function normalizeContent(content: LayoutNode): LayoutNode {
  try {
    const node = sectionSchema().nodeFromJSON(content);
    node.check();
    return node.toJSON() as LayoutNode;
  } catch {
    const paragraphs = (content.content ?? [])
      .map(plainText)
      .filter((text) => text.length > 0)
      .map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
    return { type: 'doc', content: paragraphs };
  }
}
