import { DOC_NAME_PATTERN, GUIDE_LANGUAGES, GUIDE_ROLES, SECTION_STATUSES } from '@dalil/shared';
import { ApiErrorSchema } from '@dalil/shared/api/common.ts';

/** JSON schemas shared by several resources; registered once with `addSchema` and referenced by $id. */
// Ids and document names are the same kind of token (a section's docName is its id).
export const idPattern = DOC_NAME_PATTERN.source;

export const roleSchema = { type: 'string', enum: [...GUIDE_ROLES] } as const;
export const sectionStatusSchema = { type: 'string', enum: [...SECTION_STATUSES] } as const;

/** Route params made of ids, each checked against `idPattern` (no path traversal, no oversized keys). */
export function idParams<K extends string>(...names: K[]) {
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { type: 'string', pattern: idPattern }])) as Record<K, { type: 'string'; pattern: string }>,
    required: names,
  } as const;
}

/** The refusal shape, defined once in shared (the admin socket uses it too). */
export const errorSchema = ApiErrorSchema;

export const sharedSchemas = [
  errorSchema,
];

export const errorReplies = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;

