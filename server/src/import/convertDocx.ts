import { Node } from '@tiptap/pm/model';
import type { ImportWarning, ImportWarningCode } from '@dalil/shared/api/import.ts';
import { openDocxPackage, type DocxParts, type PackageLimits } from './docxPackage.ts';
import { markParagraphDirections } from './paragraphDirections.ts';
import { markListNumbering } from './listNumbering.ts';
import { unwrapSimpleFields } from './simpleFields.ts';
import { readDocxFindings } from './docxFindings.ts';
import { importSchema } from './importSchema.ts';
import { importRefused, SAVE_AS_DOCX } from './importRefused.ts';
import { readMammothTree, type MammothImage } from './mammothTree.ts';
import { readBlocks } from './wordBlocks.ts';
import { documentJson, imagesOf, type ImageOutcome } from './documentJson.ts';

/** ProseMirror JSON of a node. */
export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

/**
 * Where the images found in the file go. `prepare` checks one (the import also cleans it) and is
 * started for every image of the package as soon as it is open, so that the image work runs while
 * mammoth reads the XML; `commit` then takes the document's images all at once (the import stores
 * them with one write of the guide's image index) and gives each its URL and id.
 */
export interface ImageSink<P = unknown> {
  prepare(bytes: Uint8Array): Promise<{ prepared: P } | { refused: string }>;
  commit(prepared: P[]): Promise<Array<{ src: string; imageId: string | null }>>;
}

export interface ConvertedDocx {
  /** The whole file as one document of the shared schema. */
  doc: JsonNode;
  /** From Word's Title style, else the document properties; null when neither has one. */
  title: string | null;
  /** Written by Dalil's own export (see DocxFindings). */
  dalilExport: boolean;
  warnings: ImportWarning[];
}

const UNKNOWN_STYLE = /^Unrecognised (?:paragraph|run) style: '([^']*)'/;
const VECTOR_IMAGES = new Set(['image/x-emf', 'image/x-wmf']);

/**
 * A .docx file, checked and converted into one document of the shared editor schema. mammoth reads
 * Word's XML into its document tree (from the parts opened and checked once here); the tree is
 * turned into the schema's JSON directly (`wordBlocks`, `documentJson`: what mammoth's HTML, a DOM
 * and the schema's DOM parser did before, at a fraction of the cost), and the schema itself then
 * checks the result, the allow-list: an unknown node, mark or attribute cannot get through.
 */
export async function convertDocx(bytes: Uint8Array, limits: PackageLimits, images: ImageSink): Promise<ConvertedDocx> {
  const parts = openDocxPackage(bytes, limits);
  const prepared = prepareMedia(parts, images);
  const findings = readDocxFindings(parts);
  // Before the directions, whose marks then come first: either order reads back the same.
  markListNumbering(parts);
  markParagraphDirections(parts);
  unwrapSimpleFields(parts);

  // Warnings keep the order of the steps that found them (the file's own findings, its images,
  // mammoth's reading, the shaping for the schema).
  const warnings = new Map<ImportWarningCode, { count: number; examples: string[] }>();
  const phases: Array<Array<[ImportWarningCode, string | undefined]>> = [[], [], []];
  const warnIn = (phase: number) => (code: ImportWarningCode, example?: string) => void phases[phase]!.push([code, example]);
  for (const w of findings.warnings) warnings.set(w.code, { count: w.count, examples: [...w.examples] });

  let tree;
  try {
    tree = await readMammothTree(parts);
  } catch (err) {
    if (err instanceof Error && 'statusCode' in err) throw err;
    throw importRefused(415, 'import_damaged', `Word's XML in this file could not be read: ${SAVE_AS_DOCX} again`);
  }
  const [imageWarn, conversionWarn, adaptWarn] = [warnIn(0), warnIn(1), warnIn(2)];
  for (const message of tree.messages) {
    const style = UNKNOWN_STYLE.exec(message.message);
    if (style) conversionWarn('unknownStyles', style[1]);
    else if (/external/i.test(message.message) && /image/i.test(message.message)) conversionWarn('externalImages');
    else if (!/unlikely to display/i.test(message.message)) conversionWarn('other', message.message);
  }
  const blocks = readBlocks(tree.document, { conversion: conversionWarn, adapt: adaptWarn });

  const outcomes = await imageOutcomes(imagesOf(blocks), images, prepared, imageWarn);

  const { doc, title } = documentJson(blocks, outcomes, adaptWarn);
  for (const phase of phases) {
    for (const [code, example] of phase) {
      const entry = warnings.get(code) ?? { count: 0, examples: [] };
      entry.count += 1;
      if (example && entry.examples.length < 5 && !entry.examples.includes(example.slice(0, 200))) entry.examples.push(example.slice(0, 200));
      warnings.set(code, entry);
    }
  }
  // Dalil's own export writes its contents page for print: nothing the guide loses.
  if (findings.dalilExport) warnings.delete('wordContents');
  return {
    doc: checkedBySchema(doc),
    title: title ?? findings.title,
    dalilExport: findings.dalilExport,
    warnings: [...warnings].map(([code, w]) => ({ code, count: w.count, examples: w.examples })),
  };
}

type Prepared = Promise<{ prepared: unknown } | { refused: string } | { failed: unknown }>;

/** Media parts by their bytes (what mammoth's images read), each already being prepared by the sink. */
function prepareMedia(parts: DocxParts, sink: ImageSink): Map<Uint8Array, Prepared> {
  const started = new Map<Uint8Array, Prepared>();
  for (const [name, data] of Object.entries(parts)) {
    if (name.startsWith('word/media/') && !/\.(emf|wmf)$/i.test(name)) started.set(data, settled(sink.prepare(data)));
  }
  return started;
}

/** Never rejects: a failure is kept until the image is asked for (a file refused before that must not leave a rejection unhandled). */
const settled = (work: Promise<{ prepared: unknown } | { refused: string }>): Prepared => work.catch((failed: unknown) => ({ failed }));

/** Each image of the document stored (or checked) through the sink, or null when it stays out. */
async function imageOutcomes(found: MammothImage[], sink: ImageSink, started: Map<Uint8Array, Prepared>, warn: (code: ImportWarningCode, example?: string) => void): Promise<Map<MammothImage, ImageOutcome>> {
  const outcomes = new Map<MammothImage, ImageOutcome>();
  const kept: Array<{ image: MammothImage; prepared: unknown }> = [];
  for (const image of found) {
    outcomes.set(image, null);
    // Vector images are counted by the file's findings; the image store takes none.
    if (VECTOR_IMAGES.has(image.contentType)) continue;
    let bytes: Uint8Array;
    try {
      const data = await image.readAsArrayBuffer();
      bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    } catch (err) {
      warn('other', err instanceof Error ? err.message : String(err));
      continue;
    }
    const outcome = await (started.get(bytes) ?? settled(sink.prepare(bytes)));
    if ('failed' in outcome) throw outcome.failed;
    if ('refused' in outcome) warn('imageRefused', outcome.refused);
    else kept.push({ image, prepared: outcome.prepared });
  }
  const committed = await sink.commit(kept.map((k) => k.prepared));
  kept.forEach(({ image }, i) => outcomes.set(image, committed[i]!));
  return outcomes;
}

/** The schema's own check of the document: what it does not allow throws, nothing foreign is stored. */
function checkedBySchema(doc: JsonNode): JsonNode {
  // A blank file (Word saves one empty paragraph, which gives no block) or one holding only its
  // title: nothing to check, and the schema's doc needs a block; the plan refuses it as empty.
  if (!doc.content || doc.content.length === 0) return { type: 'doc', content: [] };
  const node = Node.fromJSON(importSchema(), doc);
  node.check();
  return node.toJSON() as JsonNode;
}
