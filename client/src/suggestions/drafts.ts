import type { CreateSuggestionBody } from '@dalil/shared/api/suggestions.ts';

/**
 * A suggestion being typed: consecutive keystrokes at the same place grow it instead of making one
 * suggestion per letter. Anchors are encoded Yjs relative positions (see anchors.ts).
 */
export interface Draft {
  deleteFrom: string | null;
  deleteTo: string | null;
  at: string | null;
  text: string;
  /**
   * Where the caret stands while typing the draft (a ProseMirror position, mapped through others'
   * edits): the next keystroke there extends the draft. Needed where the anchor resolves elsewhere
   * (an empty section's anchor is the document itself, the caret is inside its placeholder paragraph).
   */
  expectAt?: number;
}

/** A suggestion sent (or waiting for the network) but not yet in the server's list. */
export interface PendingSuggestion {
  localId: string;
  body: CreateSuggestionBody;
}

export function draftBody(draft: Draft): CreateSuggestionBody | null {
  const body: CreateSuggestionBody = {};
  if (draft.deleteFrom && draft.deleteTo) {
    body.deleteFrom = draft.deleteFrom;
    body.deleteTo = draft.deleteTo;
  }
  if (draft.text && draft.at) {
    body.text = draft.text;
    body.at = draft.at;
  }
  return body.deleteFrom || body.text ? body : null;
}
