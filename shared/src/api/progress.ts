import { Type, type Static } from '@sinclair/typebox';
import { Nullable, SectionStatusSchema } from './common.ts';

/** Wire shapes of a guide's progress (`GET /api/guides/:guideId/progress`). */

export const SectionProgressView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  parentId: Nullable(Type.String()),
  status: SectionStatusSchema,
  authorIds: Type.Array(Type.String()),
  reviewerIds: Type.Array(Type.String()),
  wordCount: Type.Integer(),
  openThreads: Type.Integer(),
  /** Open suggestions (suggestion mode): they keep the section from being submitted. */
  openSuggestions: Type.Integer(),
  /** Latest of: text edit settled, workflow transition, structure change. */
  lastActivityAt: Type.String(),
  dueDate: Nullable(Type.String()),
  overdue: Type.Boolean(),
  /**
   * A chapter heading: no text of its own, only sub-sections, still a draft. Listed, but not
   * counted among the sections to validate (totals, states, readiness for layout, people).
   */
  heading: Type.Boolean(),
});
export type SectionProgressView = Static<typeof SectionProgressView>;

/**
 * One person in one role: an author and a reviewer of the same sections are two rows, so a reviewer
 * is never credited with the drafts they will review. `overdue` counts the late sections waiting on
 * that role: drafts for authors, sections in review for reviewers.
 */
export const AssigneeProgressView = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('author'), Type.Literal('reviewer')]),
  draft: Type.Integer(),
  review: Type.Integer(),
  validated: Type.Integer(),
  overdue: Type.Integer(),
});
export type AssigneeProgressView = Static<typeof AssigneeProgressView>;

/** Where the guide stands. */
export const GuideProgressView = Type.Object({
  guideId: Type.String(),
  total: Type.Integer(),
  byStatus: Type.Object({ draft: Type.Integer(), review: Type.Integer(), validated: Type.Integer() }),
  words: Type.Integer(),
  openThreads: Type.Integer(),
  openSuggestions: Type.Integer(),
  overdue: Type.Integer(),
  /** Every section is validated (and there is at least one). */
  readyForLayout: Type.Boolean(),
  sections: Type.Array(SectionProgressView),
  assignees: Type.Array(AssigneeProgressView),
  /** The day "overdue" was computed against, YYYY-MM-DD (server's UTC date). */
  today: Type.String(),
});
export type GuideProgressView = Static<typeof GuideProgressView>;
