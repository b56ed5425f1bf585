import { DOMParser as ProseMirrorParser } from '@tiptap/pm/model';
import type { ImportWarning, ImportWarningCode } from '@dalil/shared/api/import.ts';
import { openDocxPackage, repackDocx, type PackageLimits } from './docxPackage.ts';
import { markParagraphDirections } from './paragraphDirections.ts';
import { readDocxFindings } from './docxFindings.ts';
import { canonicalStyleNames, importStyleMap } from './styleMap.ts';
import { adaptHtml, ID_PREFIX, REFUSED_IMAGE_SRC } from './adaptHtml.ts';
import { importSchema } from './importSchema.ts';
import { importRefused, SAVE_AS_DOCX } from './importRefused.ts';
import { installSimpleSelectorMatching } from './simpleSelectorMatching.ts';

/** ProseMirror JSON of a node. */
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

/**
 * Where images found in the file go. The import stores them through the image store; the preview
 * only checks them. Resolves with the image's URL and id, or with why it was refused.
 */
export type ImageSink = (bytes: Uint8Array, contentType: string) => Promise<{ src: string; imageId: string | null } | { refused: string }>;

export interface ConvertedDocx {
  /** The whole file as one document of the shared schema. */
  doc: JsonNode;
  /** From Word's Title style, else the document properties; null when neither has one. */
  title: string | null;
  /** Written by Dalil's own export (see DocxFindings). */
  dalilExport: boolean;
  warnings: ImportWarning[];
}

const STYLE_MAP = importStyleMap();
const CANONICAL_STYLE_NAMES = canonicalStyleNames();
const UNKNOWN_STYLE = /^Unrecognised (?:paragraph|run) style: '([^']*)'/;

/**
 * A .docx file, checked and converted into one document of the shared editor schema: mammoth turns
 * it into HTML with our style map, `adaptHtml` reshapes that HTML for the schema, and the schema's
 * own parser (what `@tiptap/html`'s generateJSON runs, here on the DOM we already hold) keeps only
 * what the schema allows.
 */
export async function convertDocx(bytes: Uint8Array, limits: PackageLimits, images: ImageSink): Promise<ConvertedDocx> {
  const parts = openDocxPackage(bytes, limits);
  const findings = readDocxFindings(parts);
  markParagraphDirections(parts);
  const repacked = repackDocx(parts);

  const warnings = new Map<ImportWarningCode, { count: number; examples: string[] }>();
  const warn = (code: ImportWarningCode, n = 1, example?: string) => {
    const entry = warnings.get(code) ?? { count: 0, examples: [] };
    entry.count += n;
    if (example && entry.examples.length < 5 && !entry.examples.includes(example)) entry.examples.push(example.slice(0, 200));
    warnings.set(code, entry);
  };
  for (const w of findings.warnings) warnings.set(w.code, { count: w.count, examples: [...w.examples] });

  // Loaded on first use: together they take seconds to load, which every server start would pay.
  const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        styleMap: STYLE_MAP,
        transformDocument: CANONICAL_STYLE_NAMES,
        idPrefix: ID_PREFIX,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          if (image.contentType === 'image/x-emf' || image.contentType === 'image/x-wmf') return { src: REFUSED_IMAGE_SRC };
          const outcome = await images(new Uint8Array(await image.readAsArrayBuffer()), image.contentType);
          if ('refused' in outcome) {
            warn('imageRefused', 1, outcome.refused);
            return { src: REFUSED_IMAGE_SRC };
          }
          return outcome.imageId ? { src: outcome.src, 'data-image-id': outcome.imageId } : { src: outcome.src };
        }),
      },
    );
    html = result.value;
    for (const message of result.messages) {
      const style = UNKNOWN_STYLE.exec(message.message);
      if (style) warn('unknownStyles', 1, style[1]);
      else if (/external/i.test(message.message) && /image/i.test(message.message)) warn('externalImages', 1);
      else if (!/unlikely to display/i.test(message.message)) warn('other', 1, message.message);
    }
  } catch (err) {
    if (err instanceof Error && 'statusCode' in err) throw err;
    throw importRefused(415, 'import_damaged', `Word's XML in this file could not be read: ${SAVE_AS_DOCX} again`);
  }

  // linkedom, not happy-dom: a plain DOM without a browser window around it, which parses,
  // walks and matches selectors several times faster (the bench's 100-page file: about 0.5 s
  // against 2 s), with the same document out of the schema's parser.
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  installSimpleSelectorMatching(document.body);
  document.body.innerHTML = html;
  const adapted = adaptHtml(document as unknown as Parameters<typeof adaptHtml>[0]);
  for (const [code, w] of adapted.warnings) for (let i = 0; i < w.count; i++) warn(code, 1, w.examples[i]);
  const doc = ProseMirrorParser.fromSchema(importSchema()).parse(document.body as never).toJSON() as JsonNode;
  setTableCaptions(doc, adapted.tableCaptions);
  return {
    doc: dropEmptyParagraphs(doc),
    title: adapted.title ?? findings.title,
    dalilExport: findings.dalilExport,
    warnings: [...warnings].map(([code, w]) => ({ code, count: w.count, examples: w.examples })),
  };
}

/** Tables come out of the parser in the order the DOM listed them (both pre-order). */
function setTableCaptions(doc: JsonNode, captions: string[]): void {
  let index = 0;
  const walk = (node: JsonNode) => {
    if (node.type === 'table') {
      const caption = captions[index++];
      if (caption) node.attrs = { ...node.attrs, caption };
    }
    node.content?.forEach(walk);
  };
  walk(doc);
}

/** Paragraphs that held only a direction mark or Word's spacing: mammoth drops them, so do we. */
function dropEmptyParagraphs(doc: JsonNode): JsonNode {
  return { ...doc, content: (doc.content ?? []).filter((n) => n.type !== 'paragraph' || (n.content?.length ?? 0) > 0) };
}
