import * as Y from 'yjs';
import { decodeAnchorPosition, encodeAnchorPosition } from '@dalil/shared';
import type { CreateSuggestionBody, SuggestableMark, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import type { Api } from './api.ts';
import { findText } from './threadAnchors.ts';

/**
 * A relative position just before character `offset` of the first `needle` in `doc`, as the editor
 * computes it: sticking to the character on its left (assoc -1), or on its right (assoc 0).
 */
export function positionIn(doc: Y.Doc, needle: string, offset = 0, assoc = -1): string {
  const { text, index } = findText(doc, needle);
  return encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index + offset, assoc));
}

/** A deletion of the first `needle` in `doc`: its anchors stick to its first and last characters, as the editor makes them. */
export function deletionOf(doc: Y.Doc, needle: string): Pick<CreateSuggestionBody, 'deleteFrom' | 'deleteTo'> {
  return { deleteFrom: positionIn(doc, needle, 0, 0), deleteTo: positionIn(doc, needle, needle.length, -1) };
}

/** Where an encoded position points in one XmlText of `doc` (index), for expectations. */
export function indexOf(doc: Y.Doc, encoded: string): number {
  const absolute = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(encoded)!, doc);
  if (!absolute) throw new Error('position unknown to this copy');
  return absolute.index;
}

export function suggestionsPath(guideId: string, sectionId: string): string {
  return `/api/guides/${guideId}/sections/${sectionId}/suggestions`;
}

export async function suggest(api: Api, guideId: string, sectionId: string, body: CreateSuggestionBody): Promise<SuggestionView> {
  const res = await api.request<SuggestionView>('POST', suggestionsPath(guideId, sectionId), body);
  if (res.status !== 201) throw new Error(`suggestion refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A formatting suggestion on the first `needle` in `doc`: anchors as the editor makes them (like a deletion's). */
export function formatOf(doc: Y.Doc, needle: string, mark: SuggestableMark, action: 'add' | 'remove' = 'add'): CreateSuggestionBody {
  const { deleteFrom, deleteTo } = deletionOf(doc, needle);
  return { format: { from: deleteFrom!, to: deleteTo!, mark, action } };
}

/**
 * Each paragraph of a section as runs of text with their marks ("budget" or "**budget**[bold]"),
 * to compare formatting exactly.
 */
export function markedParagraphs(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((block) => {
    if (!(block instanceof Y.XmlElement)) return '';
    return block
      .toArray()
      .map((child) => {
        if (!(child instanceof Y.XmlText)) return `<${(child as Y.XmlElement).nodeName}>`;
        return (child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>)
          .map((op) => {
            const marks = Object.keys(op.attributes ?? {}).sort();
            return marks.length > 0 ? `[${String(op.insert)}|${marks.join(',')}]` : String(op.insert);
          })
          .join('');
      })
      .join('');
  });
}
