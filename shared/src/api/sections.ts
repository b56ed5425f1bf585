import { Type, type Static } from '@sinclair/typebox';
import { Id, ID_PATTERN, IdParams, Nullable, SectionStatusSchema } from './common.ts';

/** Wire shapes of a guide's sections (`/api/guides/:guideId/sections`, `/trash`). */

export const TitleSchema = Type.String({ minLength: 1, maxLength: 300 });
export const DueDateSchema = Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));

/** A section as the API shows it, in table-of-contents order. */
export const SectionView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  parentId: Nullable(Type.String()),
  position: Type.Integer(),
  status: SectionStatusSchema,
  docName: Type.String(),
  updatedAt: Type.String(),
  authorIds: Type.Array(Type.String()),
  reviewerIds: Type.Array(Type.String()),
  /** Words as last counted on the server; open sections count live in the client. */
  wordCount: Type.Integer(),
  /** Figures, tables and footnotes in the section's settled text (the editor numbers from these). */
  numbered: Type.Optional(Type.Object({ figure: Type.Integer(), table: Type.Integer(), footnote: Type.Integer() })),
  /** Optional deadline, YYYY-MM-DD. */
  dueDate: Nullable(Type.String()),
});
export type SectionView = Static<typeof SectionView>;

export const TrashedSectionView = Type.Object({
  ...SectionView.properties,
  deletedAt: Type.String(),
  deletionId: Type.String(),
});
export type TrashedSectionView = Static<typeof TrashedSectionView>;

export const SectionParams = IdParams('guideId', 'sectionId');

const ParentId = Nullable(Type.String({ pattern: ID_PATTERN }));
const Position = Type.Integer({ minimum: 0, maximum: 100000 });

export const CreateSectionBody = Type.Object(
  { title: TitleSchema, parentId: Type.Optional(ParentId), position: Type.Optional(Position) },
  { additionalProperties: false },
);
export type CreateSectionBody = Static<typeof CreateSectionBody>;

export const UpdateSectionBody = Type.Object(
  {
    title: Type.Optional(TitleSchema),
    parentId: Type.Optional(ParentId),
    position: Type.Optional(Position),
    authorIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    reviewerIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
    /** YYYY-MM-DD, or null to remove the deadline. */
    dueDate: Type.Optional(DueDateSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSectionBody = Static<typeof UpdateSectionBody>;
