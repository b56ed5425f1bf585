import { Type, type Static } from '@sinclair/typebox';
import { GUIDE_LANGUAGES } from '../types/domain.ts';
import { GUIDE_ACTIONS } from '../permissions/matrix.ts';
import { Role } from './common.ts';
import { SectionView, TitleSchema } from './sections.ts';

/** Wire shapes of guides (`/api/guides`). */

export const Language = Type.Union(GUIDE_LANGUAGES.map((l) => Type.Literal(l)));

export const Numbering = Type.Object(
  {
    enabled: Type.Boolean(),
    unnumberedSectionIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const GuideStateSchema = Type.Union([Type.Literal('active'), Type.Literal('archived'), Type.Literal('trashed')]);

export const GuideSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  language: Language,
  sectionCount: Type.Integer(),
  /** Comment threads not yet resolved, over the whole guide. */
  openThreads: Type.Integer(),
  updatedAt: Type.String(),
  role: Role,
  /** Active guides make the main list; archived ones are listed apart; trashed ones only reach their coordinators. */
  state: GuideStateSchema,
  archivedAt: Type.Union([Type.String(), Type.Null()]),
  deletedAt: Type.Union([Type.String(), Type.Null()]),
  /** When a trashed guide will be gone for good (its trash period ends); null unless trashed. */
  purgeAt: Type.Union([Type.String(), Type.Null()]),
});
export type GuideSummary = Static<typeof GuideSummary>;

export const GuideView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  language: Language,
  /** Archived guides are read-only for everyone (their permissions say so too). */
  state: GuideStateSchema,
  archivedAt: Type.Union([Type.String(), Type.Null()]),
  /** Days a guide sent to the trash stays restorable before it is deleted for good (server setting). */
  trashDays: Type.Integer(),
  /** Name of the guide's own room on /collab: presence and live structure changes. */
  roomName: Type.String(),
  /** Bumped on every structure change; clients refetch when the room reports a newer one. */
  structureVersion: Type.Integer(),
  /**
   * The newest settled-content announcement (word counts, last edits) in the guide's room when this
   * reply was made, null if none: the room's first sync is news only when it holds another one.
   */
  contentVersion: Type.Union([Type.Integer(), Type.Null()]),
  /** A section cannot be validated while it has open comment threads (guide setting). */
  requireResolvedThreads: Type.Boolean(),
  /** Chapter/section numbering setting (guide setting). */
  numbering: Numbering,
  sections: Type.Array(SectionView),
  /** The caller's role and what it allows, computed by the server (clients never re-derive it). */
  role: Role,
  permissions: Type.Array(Type.Union(GUIDE_ACTIONS.map((a) => Type.Literal(a)))),
});
export type GuideView = Static<typeof GuideView>;

export const CreateGuideBody = Type.Object({ title: TitleSchema, language: Language }, { additionalProperties: false });
export type CreateGuideBody = Static<typeof CreateGuideBody>;

export const UpdateGuideBody = Type.Object(
  {
    title: Type.Optional(TitleSchema),
    language: Type.Optional(Language),
    requireResolvedThreads: Type.Optional(Type.Boolean()),
    numbering: Type.Optional(Numbering),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGuideBody = Static<typeof UpdateGuideBody>;

/** What the coordinator is told after sending a guide to the trash: how long it can still be restored. */
export const TrashedGuideReply = Type.Object({
  id: Type.String(),
  deletedAt: Type.String(),
  purgeAt: Type.String(),
  trashDays: Type.Integer(),
});
export type TrashedGuideReply = Static<typeof TrashedGuideReply>;
