import { Type, type Static } from '@sinclair/typebox';
import { SECTION_STATUSES } from '../types/domain.ts';
import { GUIDE_ROLES } from '../permissions/roles.ts';
import { DOC_NAME_PATTERN } from '../collaboration/docNames.ts';

/** Building blocks of the wire shapes in this folder. */

/** Ids and document names are the same kind of token (a section's docName is its id). */
export const ID_PATTERN = DOC_NAME_PATTERN.source;
export const Id = Type.String({ pattern: ID_PATTERN });

export const Role = Type.Union(GUIDE_ROLES.map((r) => Type.Literal(r)));
export const SectionStatusSchema = Type.Union(SECTION_STATUSES.map((s) => Type.Literal(s)));

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Route params made of ids, each checked against `ID_PATTERN` (no path traversal, no oversized keys). */
export function IdParams<K extends string>(...names: K[]) {
  return Type.Object(Object.fromEntries(names.map((n) => [n, Id])) as { [P in K]: typeof Id });
}

/** An open comment thread named in a refusal, enough to link to it. */
export const BlockingThread = Type.Object({ id: Type.String(), sectionId: Type.String(), quote: Type.String() });
export type BlockingThread = Static<typeof BlockingThread>;

/**
 * Every refusal: `{error, message}` and what the client needs to act on it. Registered once by $id
 * (routes answer `{ $ref: 'Error#' }`); the admin socket answers with it too.
 */
export const ApiErrorSchema = Type.Object(
  {
    error: Type.String(),
    message: Type.String(),
    threads: Type.Optional(Type.Array(BlockingThread, { description: 'With open_threads: the open threads that keep the section from being validated' })),
    sections: Type.Optional(
      Type.Array(Type.Object({ id: Type.String(), title: Type.String(), status: SectionStatusSchema }), {
        description: 'With sections_not_validated: the sections that keep a final version from being made',
      }),
    ),
  },
  { $id: 'Error' },
);
export type ApiError = Static<typeof ApiErrorSchema>;
