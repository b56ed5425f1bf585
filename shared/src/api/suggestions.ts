import { Type, type Static } from '@sinclair/typebox';
import { CALLOUT_KINDS } from '../editor/calloutKinds.ts';
import { Id, IdParams, Nullable } from './common.ts';
import { ThreadMessageView } from './threads.ts';
export * from './suggestionRules.ts';
import { SUGGESTION_KINDS, SUGGESTION_STATUSES, MAX_SUGGESTION_TEXT, SUGGESTABLE_MARKS, SUGGESTABLE_BLOCK_TYPES, MAX_SUGGESTED_BLOCKS, MAX_SUGGESTED_BLOCKS_BYTES, MAX_DECIDED_LISTED } from './suggestionRules.ts';

/**
 * Wire shapes of suggestions (`/api/guides/:guideId/sections/:sectionId/suggestions`).
 * A suggestion never lives in the section's text: it is a record anchored on the text by Yjs
 * relative positions (base64), which keep meaning the same characters while others edit.
 */

const Position = Type.String({ minLength: 1, maxLength: 512, description: 'A Yjs relative position in the section document, base64' });

/** A formatting change: a mark added to (or removed from) the text between two positions. */
export const SuggestedFormat = Type.Object(
  {
    from: Position,
    to: Position,
    mark: Type.Union(SUGGESTABLE_MARKS.map((m) => Type.Literal(m))),
    action: Type.Union([Type.Literal('add'), Type.Literal('remove')]),
  },
  { additionalProperties: false },
);
export type SuggestedFormat = Static<typeof SuggestedFormat>;

/**
 * A paragraph or heading turned into another kind of block (a heading of some level, a paragraph,
 * a one-item list, a quote), its text and marks kept; `at` is a position inside it.
 */
export const SuggestedBlockType = Type.Object(
  {
    at: Position,
    type: Type.Union(SUGGESTABLE_BLOCK_TYPES.map((t) => Type.Literal(t))),
    /** For a heading: its level. */
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  },
  { additionalProperties: false },
);
export type SuggestedBlockType = Static<typeof SuggestedBlockType>;

/**
 * One block of the section schema as ProseMirror JSON (`{type, attrs, content, marks, text}`). The
 * shape here is only a first filter: the server checks it strictly against the shared schema.
 */
export const SuggestedBlockJson = Type.Object({ type: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: true });
export type SuggestedBlockJson = Static<typeof SuggestedBlockJson> & { attrs?: Record<string, unknown>; content?: SuggestedBlockJson[]; marks?: Array<{ type: string; attrs?: Record<string, unknown> }>; text?: string };

/** Whole blocks of any kind the section schema allows (table, figure, box, heading, list, quote...), inserted after the block holding `at`. */
export const SuggestedBlocks = Type.Object(
  {
    type: Type.Literal('blocks'),
    content: Type.Array(SuggestedBlockJson, { minItems: 1, maxItems: MAX_SUGGESTED_BLOCKS }),
  },
  { additionalProperties: false },
);
export type SuggestedBlocks = Static<typeof SuggestedBlocks> & { content: SuggestedBlockJson[] };

/** The first shape of a suggested block: a box of a known kind holding plain text (one paragraph per line). Still accepted; stored and listed as `blocks`. */
export const SuggestedCallout = Type.Object({
  type: Type.Literal('callout'),
  kind: Type.Union(CALLOUT_KINDS.map((k) => Type.Literal(k))),
  text: Type.String({ minLength: 1, maxLength: MAX_SUGGESTION_TEXT }),
});
export type SuggestedCallout = Static<typeof SuggestedCallout>;

/** What a client may send as `block`. */
export const SuggestedBlock = Type.Union([SuggestedBlocks, SuggestedCallout]);
export type SuggestedBlock = SuggestedBlocks | SuggestedCallout;

export const CreateSuggestionBody = Type.Object(
  {
    /** Start and end of the text proposed for deletion (both absent for a pure insertion). */
    deleteFrom: Type.Optional(Position),
    deleteTo: Type.Optional(Position),
    /** Where the new text goes (kept after the deleted text for a replacement). */
    at: Type.Optional(Position),
    text: Type.Optional(Type.String({ maxLength: MAX_SUGGESTION_TEXT })),
    /** Whole blocks (or, in the first shape, a box of text), inserted after the top-level block that holds `at`. */
    block: Type.Optional(SuggestedBlock),
    /** A formatting change, suggested on its own. */
    format: Type.Optional(SuggestedFormat),
    /** A paragraph or heading turned into another kind of block, suggested on its own. */
    blockType: Type.Optional(SuggestedBlockType),
  },
  { additionalProperties: false },
);
export type CreateSuggestionBody = Static<typeof CreateSuggestionBody>;

export const SuggestionView = Type.Object({
  id: Type.String(),
  sectionId: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  kind: Type.Union(SUGGESTION_KINDS.map((k) => Type.Literal(k))),
  status: Type.Union(SUGGESTION_STATUSES.map((s) => Type.Literal(s))),
  createdAt: Type.String(),
  /** The section's text the suggestion deletes or formats (or the block it turns into another kind), as it reads now (empty for an insertion). */
  quote: Type.String(),
  /**
   * The text it inserts ('\n' between paragraphs); for a block suggestion, a readable summary of
   * its blocks, one line each ("Tableau 3 × 2", a figure's caption, a heading's text); for a formatting
   * change, its description in the guide's language ("Gras ajouté").
   */
  replacement: Type.String(),
  deleteFrom: Nullable(Type.String()),
  deleteTo: Nullable(Type.String()),
  at: Nullable(Type.String()),
  /** The blocks a block suggestion inserts (records of the first, box-only shape are listed in this shape too). */
  block: Nullable(SuggestedBlocks),
  format: Nullable(SuggestedFormat),
  blockType: Nullable(SuggestedBlockType),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  /**
   * The suggestion's discussion, oldest first: the suggester and the people who decide talk it over
   * (same message shape and @mentions as comment threads). Closed, still readable, once decided.
   */
  messages: Type.Array(ThreadMessageView),
});
export type SuggestionView = Static<typeof SuggestionView>;

export const SuggestionParams = IdParams('guideId', 'sectionId', 'suggestionId');

export const ListSuggestionsQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('decided')])) },
  { additionalProperties: false },
);
export type ListSuggestionsQuery = Static<typeof ListSuggestionsQuery>;
export const SectionSuggestionsParams = IdParams('guideId', 'sectionId');

/** Accept or reject every open suggestion of one person in a section. */
export const DecideAllBody = Type.Object({ authorId: Id }, { additionalProperties: false });
export type DecideAllBody = Static<typeof DecideAllBody>;
export const DecideAllReply = Type.Object({ decided: Type.Integer(), suggestions: Type.Array(SuggestionView) });
export type DecideAllReply = Static<typeof DecideAllReply>;

/** Open suggestions per section of a guide (sections without any are absent), for the table of contents. */
export const SuggestionCounts = Type.Record(Type.String(), Type.Integer());
export type SuggestionCounts = Static<typeof SuggestionCounts>;

/** A message in a suggestion's discussion (`POST …/suggestions/:suggestionId/messages`), as for a comment thread. */
export { PostMessageBody as PostSuggestionMessageBody } from './threads.ts';
