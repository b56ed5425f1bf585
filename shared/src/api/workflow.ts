import { Type, type Static } from '@sinclair/typebox';
import { MAX_TRANSITION_NOTE_LENGTH, TRANSITION_NAMES } from '../workflow/sectionWorkflow.ts';
import { BlockingThread, IdParams, Nullable, SectionStatusSchema } from './common.ts';

/** Wire shapes of a section's workflow (`/api/guides/:guideId/sections/:sectionId/transitions`, `/workflow`). */

const TransitionNameSchema = Type.Union(TRANSITION_NAMES.map((n) => Type.Literal(n)));

export const WorkflowParams = IdParams('guideId', 'sectionId');

export const TransitionBody = Type.Object(
  {
    to: SectionStatusSchema,
    /** Which transition is meant when several lead to `to` (review → draft: requestChanges or withdraw). */
    transition: Type.Optional(TransitionNameSchema),
    note: Type.Optional(Type.String({ maxLength: MAX_TRANSITION_NOTE_LENGTH })),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

/** One entry of a section's history. */
export const WorkflowEventView = Type.Object({
  id: Type.String(),
  from: SectionStatusSchema,
  to: SectionStatusSchema,
  actorId: Type.String(),
  actorName: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  /** Null on events recorded before transitions were named. */
  transition: Nullable(TransitionNameSchema),
});
export type WorkflowEventView = Static<typeof WorkflowEventView>;

export const TransitionResult = Type.Object({ status: SectionStatusSchema, event: WorkflowEventView });
export type TransitionResult = Static<typeof TransitionResult>;

/** A run of text in a change block: unchanged, added or removed. Plain text, never markup. */
export const ChangePart = Type.Object({
  text: Type.String(),
  change: Nullable(Type.Union([Type.Literal('added'), Type.Literal('removed')])),
});
export type ChangePart = Static<typeof ChangePart>;

/** One block (paragraph, heading, list item) of a comparison between two versions. */
export const ChangeBlock = Type.Object({
  kind: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  parts: Type.Array(ChangePart),
});
export type ChangeBlock = Static<typeof ChangeBlock>;

const Changes = Nullable(Type.Object({ since: Type.String(), blocks: Type.Array(ChangeBlock) }));

/** Everything the section pane shows about a section's workflow, for the caller. */
export const SectionWorkflowView = Type.Object({
  status: SectionStatusSchema,
  /** Oldest first. */
  history: Type.Array(WorkflowEventView),
  /** The last validation while the section is validated: who and when (the banner). */
  validated: Nullable(Type.Object({ byName: Type.String(), at: Type.String() })),
  /** Transitions the caller may make now (computed by the server's workflow module). */
  transitions: Type.Array(Type.Object({ name: TransitionNameSchema, to: SectionStatusSchema, noteRequired: Type.Boolean() })),
  /** In review after an earlier validation: what changed since the last validated snapshot. */
  changes: Changes,
  /**
   * In review after an earlier submission (sent back or withdrawn since the last validation): what
   * changed since the text submitted then, so the reviewer reads only the new round.
   */
  changesSinceSubmission: Changes,
  openThreads: Type.Integer(),
  /** The open threads that block an approval (empty unless the guide requires resolved threads). */
  blockingThreads: Type.Array(BlockingThread),
  /** While the section is back in draft after changes were requested: who asked what (the author's banner). */
  sentBack: Nullable(Type.Object({ byName: Type.String(), at: Type.String(), note: Nullable(Type.String()) })),
});
export type SectionWorkflowView = Static<typeof SectionWorkflowView>;
