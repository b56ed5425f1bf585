import { Node as PmNode } from '@tiptap/pm/model';
import { CALLOUT_KINDS, FIGURE_SIZES, sectionSchema } from '@dalil/shared/editor';
import { imageUrl } from '@dalil/shared/api/imageRules.ts';
import { MAX_SUGGESTED_BLOCKS, MAX_SUGGESTED_BLOCKS_BYTES, type SuggestedBlockJson } from '@dalil/shared/api/suggestions.ts';
import { COMMENT_MARK } from '@dalil/shared';
import { badRequest } from '../domain/errors.ts';
import type { ImageStore } from '../images/imageStore.ts';

/** Deepest nesting a suggested block may have (a table in a box in a list item is about 8). */
const MAX_DEPTH = 16;
/** Longest attribute value (a caption, an alt text, a footnote's text). */
const MAX_ATTR_TEXT = 2000;
/** Largest number an attribute may hold (pixels, colspans, list starts). */
const MAX_ATTR_NUMBER = 100_000;
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Attribute values the schema's nodes hold that a plain type check does not restrict enough. */
const ALLOWED_VALUES: Record<string, Record<string, readonly unknown[]>> = {
  heading: { level: [1, 2, 3, 4] },
  callout: { kind: CALLOUT_KINDS },
  figure: { size: FIGURE_SIZES },
};

/**
 * Checks blocks a suggestion would insert, strictly: ProseMirror JSON of the shared section schema
 * (known nodes and marks, only their attributes, with plain values; content the schema allows, as
 * `Node.check()` says), within the size limits, no comment anchor (those are the server's), links
 * only to http(s) or mail, figures only of images stored for this guide. Throws a bad request
 * saying what is wrong; returns the blocks as the schema normalises them (defaults filled in).
 */
export async function validateSuggestedBlocks(content: SuggestedBlockJson[], guideId: string, images: Pick<ImageStore, 'find'>): Promise<SuggestedBlockJson[]> {
  if (!Array.isArray(content) || content.length === 0) throw badRequest('the suggested blocks are empty');
  if (content.length > MAX_SUGGESTED_BLOCKS) throw badRequest(`at most ${MAX_SUGGESTED_BLOCKS} blocks may be suggested at once`);
  if (JSON.stringify(content).length > MAX_SUGGESTED_BLOCKS_BYTES) throw badRequest(`the suggested blocks are larger than ${MAX_SUGGESTED_BLOCKS_BYTES} bytes of JSON`);
  const imageIds = new Set<string>();
  for (const node of content) checkNode(node, 1, guideId, imageIds);

  let doc: PmNode;
  try {
    doc = PmNode.fromJSON(sectionSchema(), { type: 'doc', content });
    doc.check();
  } catch (error) {
    throw badRequest(`the suggested blocks do not fit the section schema: ${(error as Error).message}`);
  }
  for (let i = 0; i < doc.childCount; i++) {
    if (!doc.child(i).isBlock) throw badRequest('only whole blocks may be suggested as blocks');
  }
  if (!doc.textContent.trim() && !hasContentWithoutText(doc)) throw badRequest('the suggested blocks hold nothing');
  for (const id of imageIds) {
    if (!(await images.find(guideId, id))) throw badRequest('a suggested figure shows an image this guide does not have');
  }
  return doc.content.toJSON() as SuggestedBlockJson[];
}

/** A figure, a separator or a table says something without words. */
function hasContentWithoutText(doc: PmNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (['figure', 'horizontalRule', 'table'].includes(node.type.name)) found = true;
    return !found;
  });
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function checkValue(owner: string, name: string, value: unknown): void {
  const ok =
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && value.length <= MAX_ATTR_TEXT) ||
    (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_ATTR_NUMBER) ||
    (Array.isArray(value) && value.length <= 100 && value.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_ATTR_NUMBER)));
  if (!ok) throw badRequest(`attribute ${name} of ${owner} has a value it cannot hold`);
  const allowed = ALLOWED_VALUES[owner]?.[name];
  if (allowed && !allowed.includes(value)) throw badRequest(`attribute ${name} of ${owner} cannot be ${JSON.stringify(value)}`);
}

function checkAttrs(owner: string, attrs: unknown, known: Record<string, unknown>): Record<string, unknown> {
  if (attrs === undefined) return {};
  if (!isPlainObject(attrs)) throw badRequest(`the attributes of ${owner} must be an object`);
  for (const [name, value] of Object.entries(attrs)) {
    // editors built with TipTap's `textDirection: 'auto'` give every node this attribute; at that default it says nothing (and is not kept)
    if (name === 'dir' && value === 'auto') continue;
    if (!(name in known)) throw badRequest(`${owner} has no attribute ${name}`);
    checkValue(owner, name, value);
  }
  return attrs;
}

function checkNode(node: unknown, depth: number, guideId: string, imageIds: Set<string>): void {
  if (depth > MAX_DEPTH) throw badRequest(`the suggested blocks nest deeper than ${MAX_DEPTH} levels`);
  if (!isPlainObject(node)) throw badRequest('every suggested node must be an object');
  for (const key of Object.keys(node)) if (!NODE_KEYS.has(key)) throw badRequest(`a suggested node has an unknown field ${key}`);
  const schema = sectionSchema();
  const name = node.type;
  const type = typeof name === 'string' && name !== 'doc' ? schema.nodes[name] : undefined;
  if (!type) throw badRequest(`unknown node type ${JSON.stringify(name)}`);
  const attrs = checkAttrs(type.name, node.attrs, type.spec.attrs ?? {});
  if (type.name === 'figure') checkFigure(attrs, guideId, imageIds);
  if (type.name === 'text' && (typeof node.text !== 'string' || node.text.length === 0)) throw badRequest('a text node needs its text');
  if (type.name !== 'text' && node.text !== undefined) throw badRequest(`${type.name} cannot hold text directly`);
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks)) throw badRequest('marks must be a list');
    for (const mark of node.marks) checkMark(mark);
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) throw badRequest('content must be a list');
    for (const child of node.content) checkNode(child, depth + 1, guideId, imageIds);
  }
}

function checkMark(mark: unknown): void {
  if (!isPlainObject(mark)) throw badRequest('every mark must be an object');
  for (const key of Object.keys(mark)) if (!MARK_KEYS.has(key)) throw badRequest(`a mark has an unknown field ${key}`);
  const name = mark.type;
  if (name === COMMENT_MARK) throw badRequest('comment anchors cannot be suggested');
  const type = typeof name === 'string' ? sectionSchema().marks[name] : undefined;
  if (!type) throw badRequest(`unknown mark ${JSON.stringify(name)}`);
  const attrs = checkAttrs(type.name, mark.attrs, type.spec.attrs ?? {});
  if (type.name === 'link' && (typeof attrs.href !== 'string' || !SAFE_HREF.test(attrs.href))) throw badRequest('a suggested link must lead to an http(s) or mailto address');
}

/** A figure shows an image already stored for this guide, by its own address; nothing else (no placeholder, no outside address). */
function checkFigure(attrs: Record<string, unknown>, guideId: string, imageIds: Set<string>): void {
  const { imageId, src, missing } = attrs;
  if (typeof imageId !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(imageId)) throw badRequest('a suggested figure needs the id of an image stored for this guide');
  if (src !== imageUrl(guideId, imageId)) throw badRequest('a suggested figure must show its image from this guide');
  if (missing !== undefined && missing !== null) throw badRequest('a suggested figure cannot be a placeholder');
  imageIds.add(imageId);
}
