import type { DocxParts } from './docxPackage.ts';

const PARTS_WITH_PARAGRAPHS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/** A part's XML as text ('' when the file has no such part). */
export const partText = (parts: DocxParts, name: string) => {
  const data = parts[name];
  return data ? new TextDecoder().decode(data) : '';
};

/**
 * Rewrites the XML of the parts that hold paragraphs (body, footnotes, endnotes) before mammoth
 * reads them, only those that contain one of `markers`: the byte search is cheap, decoding a
 * 100-page body is not.
 */
export function rewriteParagraphParts(parts: DocxParts, markers: string | readonly string[], rewrite: (xml: string) => string): void {
  const wanted = typeof markers === 'string' ? [markers] : markers;
  for (const name of PARTS_WITH_PARAGRAPHS) {
    const data = parts[name];
    if (!data) continue;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (!wanted.some((marker) => bytes.includes(marker))) continue;
    parts[name] = new TextEncoder().encode(rewrite(new TextDecoder().decode(data)));
  }
}
