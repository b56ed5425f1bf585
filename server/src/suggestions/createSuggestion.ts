import { isContentLocked, type User } from '@dalil/shared';
import type { CreateSuggestionBody, SuggestionKind, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { badRequest, Conflict, notFound } from '../domain/errors.ts';
import { canRetype, deletedSegments, formattedSegments, resolvePosition, topBlockAt, type SuggestionChange } from './suggestionText.ts';
import type * as Y from 'yjs';
import { fragmentText } from '@dalil/shared/editor';
import { validateSuggestedBlocks } from './validateBlocks.ts';
import { asBlocks } from '@dalil/shared/editor';
import { decodeAnchorPosition, segmentsText } from '@dalil/shared';
import { suggestionView, type SuggestionDeps } from './suggestionDeps.ts';

/** Open suggestions a section may hold: beyond, deciding them is no longer reading, it is a flood. */
export const MAX_OPEN_SUGGESTIONS = 500;

/** How long to wait for the document state an anchor refers to, when the request overtook it. */
const WAIT_FOR_TEXT_MS = 3000;

/**
 * Records a suggestion on a section. Nothing is written into the section's text: the suggestion is
 * kept beside it, anchored by Yjs relative positions, until an author accepts it. Anyone allowed
 * to suggest may, while the section is not in review or validated.
 */
export async function createSuggestion(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
  body: CreateSuggestionBody,
): Promise<SuggestionView> {
  const { guideId, sectionId } = at;
  const actor = deps.access.authorize(user, guideId, 'suggestion.create');
  const section = deps.guides.getSection(guideId, sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  if (isContentLocked(section.status)) throw new Conflict('section_locked', 'the section is in review or validated: its text cannot change now');

  if (deps.suggestions.openOf(guideId, sectionId).length >= MAX_OPEN_SUGGESTIONS) {
    throw new Conflict('too_many_suggestions', `this section already has ${MAX_OPEN_SUGGESTIONS} open suggestions: decide some first`);
  }
  const change = normalise(body);
  // Blocks are checked against the schema and stored as it normalises them; a box of text is stored as blocks too.
  if (change.block) change.block = { type: 'blocks', content: await validateSuggestedBlocks(asBlocks(change.block).content, guideId, deps.images) };
  const quote = await resolveAnchors(deps, guideId, section.docName, change);
  if (change.deleteFrom && !quote.trim()) throw badRequest('the deletion holds no text: select the words to delete');
  if (change.format && !quote.trim()) throw badRequest('the formatting covers no text: select the words to format');
  if (change.blockType && !quote.trim()) throw badRequest('the block to turn into another kind is empty');
  const record = await deps.suggestions.create({ guideId, sectionId, authorId: actor.user.id, kind: kindOf(change), ...change, quoteAtCreation: quote });
  deps.live.suggestionsChanged(guideId);
  return suggestionView(record, deps, null);
}

function normalise(body: CreateSuggestionBody): SuggestionChange {
  if (body.blockType) {
    if (body.deleteFrom !== undefined || body.deleteTo !== undefined || body.at !== undefined || body.text !== undefined || body.block !== undefined || body.format !== undefined) {
      throw badRequest('a block-type change is suggested on its own, without text, deletion, blocks or formatting');
    }
    const { type, level } = body.blockType;
    if (type === 'heading' ? level === undefined : level !== undefined) throw badRequest('a heading needs its level (1 to 4), other blocks none');
    return { deleteFrom: null, deleteTo: null, at: null, text: '', block: null, format: null, blockType: body.blockType };
  }
  if (body.format) {
    if (body.deleteFrom !== undefined || body.deleteTo !== undefined || body.at !== undefined || body.text !== undefined || body.block !== undefined) {
      throw badRequest('a formatting change is suggested on its own, without text, deletion or box');
    }
    return { deleteFrom: null, deleteTo: null, at: null, text: '', block: null, format: body.format, blockType: null };
  }
  const deletes = body.deleteFrom !== undefined || body.deleteTo !== undefined;
  if (deletes && (!body.deleteFrom || !body.deleteTo)) throw badRequest('a deletion needs both deleteFrom and deleteTo');
  // Paragraphs are separated by '\n' (Windows line ends included); other control characters become spaces.
  const text = (body.text ?? '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, ' ');
  if (body.block && (deletes || text)) throw badRequest('blocks are suggested on their own, without text or deletion');
  if (body.block?.type === 'callout' && !body.block.text.trim()) throw badRequest('the suggested box has no text');
  if (!deletes && !text && !body.block) throw badRequest('the suggestion changes nothing');
  const at = body.at ?? (deletes && text ? body.deleteTo! : null);
  if ((text || body.block) && !at) throw badRequest('an insertion needs a position (at)');
  return { deleteFrom: body.deleteFrom ?? null, deleteTo: body.deleteTo ?? null, at: text || body.block ? at : null, text, block: body.block ?? null, format: null, blockType: null };
}

function kindOf(change: SuggestionChange): SuggestionKind {
  if (change.format) return 'format';
  if (change.blockType) return 'blockType';
  if (change.block) return 'block';
  if (change.deleteFrom) return change.text ? 'replace' : 'delete';
  return 'insert';
}

/** Resolves the anchors in the live document (waiting, bounded, for text still on its way); returns the deleted (or formatted) text. */
async function resolveAnchors(deps: SuggestionDeps, guideId: string, docName: string, change: SuggestionChange): Promise<string> {
  for (const encoded of [change.deleteFrom, change.deleteTo, change.at, change.format?.from, change.format?.to, change.blockType?.at]) {
    if (encoded && !decodeAnchorPosition(encoded)) throw badRequest('positions must be Yjs relative positions in base64');
  }
  const deadline = Date.now() + WAIT_FOR_TEXT_MS;
  for (let attempt = 0; attempt < 100; attempt++) {
    const quote = await deps.live.readSection(guideId, docName, (doc): string | null | Error => {
      if (change.at && !resolvePosition(doc, change.at)) return null;
      if (change.blockType) {
        if (!resolvePosition(doc, change.blockType.at)) return null;
        const found = topBlockAt(doc, change.blockType.at);
        if (!found || !canRetype(found.element, change.blockType)) return badRequest('only a paragraph or a heading can be turned into another kind of block, and only into a different one');
        return fragmentText(found.element as unknown as Y.XmlFragment);
      }
      const segments = change.format ? formattedSegments(doc, change.format) : deletedSegments(doc, change);
      return segments === null ? null : segmentsText(segments);
    });
    if (quote instanceof Error) throw quote;
    if (quote !== null) return quote;
    const left = deadline - Date.now();
    if (left <= 0) break;
    await deps.live.nextSectionChange(docName, left);
  }
  throw new Conflict('anchor_unknown', 'the suggestion refers to text the server does not have: reload the section and suggest again');
}
