import { CloseCode } from '@dalil/shared';
import type { DomainErrorKind } from './errors.ts';

/** The one mapping from domain error kinds to HTTP statuses. */
export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many_attempts: 429,
  too_large: 413,
  unsupported_file: 415,
  unreadable_content: 422,
  unavailable: 503,
};

/**
 * The same kinds as WebSocket close codes, where a socket can meet them (the handshake refusal).
 * Kinds a socket never meets have none.
 */
export const SOCKET_CLOSE = {
  invalid: CloseCode.invalidDocName,
  unauthenticated: CloseCode.unauthenticated,
  forbidden: CloseCode.forbidden,
  not_found: CloseCode.unknownDocument,
} as const satisfies Partial<Record<DomainErrorKind, number>>;
