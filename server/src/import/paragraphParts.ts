import type { DocxParts } from './docxPackage.ts';

export const PARTS_WITH_PARAGRAPHS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * Rewrites the XML of the parts that hold paragraphs (body, footnotes, endnotes) before mammoth
 * reads them, only those that contain `marker`: the byte search is cheap, decoding a 100-page
 * body is not.
 */
export function rewriteParagraphParts(parts: DocxParts, marker: string, rewrite: (xml: string) => string): void {
  for (const name of PARTS_WITH_PARAGRAPHS) {
    const data = parts[name];
    if (!data || !Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(marker)) continue;
    parts[name] = new TextEncoder().encode(rewrite(new TextDecoder().decode(data)));
  }
}
