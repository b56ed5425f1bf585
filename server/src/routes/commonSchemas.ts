import { ApiErrorSchema } from '@dalil/shared/api/common.ts';

/**
 * What every route's schema shares. The wire shapes themselves live in `shared/src/api/`; only the
 * refusal shape is registered by $id (once, with `addSchema`) because every route answers it.
 */
export const sharedSchemas = [ApiErrorSchema];

export const errorReplies = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;
