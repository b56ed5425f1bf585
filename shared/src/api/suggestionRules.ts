/** The plain facts of suggestions, apart from their TypeBox schemas (`suggestions.ts`) so the browser can use them without bundling TypeBox. */

export const SUGGESTION_KINDS = ['insert', 'delete', 'replace', 'block', 'format', 'blockType'] as const;

export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_STATUSES = ['open', 'accepted', 'rejected'] as const;

export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Longest text one suggestion may insert (a few paragraphs' worth, '\n' between paragraphs). */
export const MAX_SUGGESTION_TEXT = 5000;

/**
 * Marks a formatting suggestion may add or remove: the allow-list the server checks (each is a mark
 * of the section schema; a test keeps the two in step). Links, code and comment anchors are not formatting.
 */
export const SUGGESTABLE_MARKS = ['bold', 'italic', 'underline', 'strike'] as const;

export type SuggestableMark = (typeof SUGGESTABLE_MARKS)[number];

/** What a paragraph or heading may be turned into by a suggestion. */
export const SUGGESTABLE_BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote'] as const;

export type SuggestableBlockType = (typeof SUGGESTABLE_BLOCK_TYPES)[number];

/** Most whole blocks one suggestion may insert, and the size of their JSON. */
export const MAX_SUGGESTED_BLOCKS = 30;

export const MAX_SUGGESTED_BLOCKS_BYTES = 64 * 1024;

/** `GET …/suggestions?status=decided`: the decided ones (newest first, at most this many) instead of the open ones. */
export const MAX_DECIDED_LISTED = 100;
