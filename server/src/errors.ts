/**
 * An HTTP-level refusal (origin, CSRF, request rate): concerns of the transport, not of the
 * domain. Everything else throws a domain error (`domain/errors.ts`), which plugins/errorReplies.ts
 * maps to a status.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export { badRequest, notFound } from './domain/errors.ts';
