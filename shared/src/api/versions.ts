import { Type, type Static } from '@sinclair/typebox';
import { SECTION_STATUSES } from '../types/domain.ts';
import { Numbering } from './guides.ts';
export * from './versionRules.ts';
import { VERSION_KINDS, MAX_VERSION_LABEL_LENGTH, MAX_VERSION_NOTE_LENGTH, CURRENT_VERSION, MAX_CONTENT_BATCH } from './versionRules.ts';

/**
 * Wire shapes of guide versions (frozen copies of the whole guide), defined once: the server
 * validates and serialises with these schemas, the client uses the `Static<>` types.
 */

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Status = Type.Union(SECTION_STATUSES.map((s) => Type.Literal(s)));

export const CreateVersionBody = Type.Object(
  {
    kind: Type.Union(VERSION_KINDS.map((k) => Type.Literal(k))),
    label: Type.Optional(Type.String({ maxLength: MAX_VERSION_LABEL_LENGTH })),
    note: Type.Optional(Type.String({ maxLength: MAX_VERSION_NOTE_LENGTH })),
  },
  { additionalProperties: false },
);
export type CreateVersionBody = Static<typeof CreateVersionBody>;

export const VersionSummary = Type.Object({
  id: Type.String(),
  kind: Type.Union(VERSION_KINDS.map((k) => Type.Literal(k))),
  label: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  authorId: Type.String(),
  authorName: Type.String(),
  createdAt: Type.String(),
  sectionCount: Type.Integer(),
  /** Sections that needed validation and were not validated when the version was made. */
  notValidatedCount: Type.Integer(),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionList = Type.Object({ versions: Type.Array(VersionSummary) });
export type VersionList = Static<typeof VersionList>;

/** One section of a version's table of contents, as it stood when the version was made. */
export const VersionSection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  position: Type.Integer(),
  depth: Type.Integer(),
  status: Status,
  /** False for a pure chapter heading (no text of its own, only sub-sections). */
  needsValidation: Type.Boolean(),
  /** SHA-256 of the stored content: equal hashes, equal content. */
  contentHash: Type.String(),
});
export type VersionSection = Static<typeof VersionSection>;

export const VersionView = Type.Object({
  version: VersionSummary,
  guideTitle: Type.String(),
  language: Type.String(),
  sections: Type.Array(VersionSection),
  /** Ids of the sections that needed validation and were not validated at that time. */
  notValidated: Type.Array(Type.String()),
  /** The guide's numbering when the version was made (absent for versions made before it was kept). */
  numbering: Type.Optional(Numbering),
});
export type VersionView = Static<typeof VersionView>;

/** A section that keeps a final version from being made. */
export const UnvalidatedSection = Type.Object({ id: Type.String(), title: Type.String(), status: Status });
export type UnvalidatedSection = Static<typeof UnvalidatedSection>;

export const VersionParams = Type.Object({ guideId: Id, versionId: Id });
export type VersionParams = Static<typeof VersionParams>;
export const GuideParams = Type.Object({ guideId: Id });
export type GuideParams = Static<typeof GuideParams>;
export const RestoreParams = Type.Object({ guideId: Id, versionId: Id, sectionId: Id });
export type RestoreParams = Static<typeof RestoreParams>;

export const ContentQuery = Type.Object(
  { ids: Type.String({ maxLength: 65 * MAX_CONTENT_BATCH, description: 'comma-separated section ids' }) },
  { additionalProperties: false },
);
export type ContentQuery = Static<typeof ContentQuery>;

/** A section's content: ProseMirror JSON (comment anchors left out), as rendered and exported. */
export const SectionContent = Type.Object({
  id: Type.String(),
  layout: Type.Unknown(),
});
export type SectionContent = Static<typeof SectionContent>;
export const SectionContents = Type.Object({ sections: Type.Array(SectionContent) });
export type SectionContents = Static<typeof SectionContents>;

export const CompareQuery = Type.Object(
  { from: Id, to: Id },
  { additionalProperties: false, description: `version ids; "${CURRENT_VERSION}" for the guide as it is now` },
);
export type CompareQuery = Static<typeof CompareQuery>;

const ChangePart = Type.Object({
  text: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Null()]),
});
const ChangeBlock = Type.Object({
  kind: Type.Union([Type.Literal('same'), Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  parts: Type.Array(ChangePart),
});

export const SectionComparison = Type.Object({
  id: Type.String(),
  title: Type.String(),
  depth: Type.Integer(),
  /** added/removed: the section exists only in `to`/`from`; changed: its text differs. */
  change: Type.Union([Type.Literal('same'), Type.Literal('changed'), Type.Literal('added'), Type.Literal('removed')]),
  /** Title in `from` when it was renamed. */
  previousTitle: Type.Union([Type.String(), Type.Null()]),
  /** Block by block, word by word; empty when the section's text is the same. */
  blocks: Type.Array(ChangeBlock),
});
export type SectionComparison = Static<typeof SectionComparison>;

export const Comparison = Type.Object({
  from: Type.String(),
  to: Type.String(),
  sections: Type.Array(SectionComparison),
});
export type Comparison = Static<typeof Comparison>;

export const RestoreResult = Type.Object({
  sectionId: Type.String(),
  versionId: Type.String(),
  /** False when the section's text already was the version's (nothing was written). */
  changed: Type.Boolean(),
});
export type RestoreResult = Static<typeof RestoreResult>;
