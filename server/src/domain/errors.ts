import type { ApiError as ApiErrorBody } from '@dalil/shared';

/**
 * What went wrong, in the domain's words. Repositories and use cases throw these; only the edges
 * (plugins/errorReplies.ts for HTTP, the admin socket, the collaboration socket) turn a kind into a
 * status or a close code, so a use case can run from a route, the admin CLI or a test alike.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_many_attempts'
  | 'too_large'
  | 'unsupported_file'
  | 'unreadable_content'
  | 'unavailable';

/** What the client needs to act on the refusal, sent beside `error` and `message`. */
export type DomainErrorDetails = Pick<ApiErrorBody, 'threads' | 'sections'>;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    /** Stable machine-readable code, sent as `error`. */
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

/** The request itself is wrong (bad value, empty text, impossible move). */
export class Invalid extends DomainError {
  readonly kind = 'invalid';
  constructor(message: string, code = 'bad_request') {
    super(code, message);
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
  constructor(message = 'sign in first', code = 'unauthenticated') {
    super(code, message);
  }
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'your role in this guide does not allow this', code = 'forbidden') {
    super(code, message);
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The request is fine but the current state refuses it (reload, resolve threads first...). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** The thing existed but can no longer be used (expired, revoked or used invitation). */
export class Gone extends DomainError {
  readonly kind = 'gone';
}

export class TooManyAttempts extends DomainError {
  readonly kind = 'too_many_attempts';
}

/**
 * A file the server will not take (an image, a Word document): too large, of a kind it does not
 * read, or without anything it can use. The code says which, for the client to explain.
 */
export class FileRefused extends DomainError {
  constructor(
    readonly kind: 'invalid' | 'too_large' | 'unsupported_file' | 'unreadable_content',
    code: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** Something the request needs is missing on this server (e.g. no Chromium to print a PDF). */
export class Unavailable extends DomainError {
  readonly kind = 'unavailable';
}

export const notFound = (what: string) => new NotFound(what);
export const badRequest = (message: string) => new Invalid(message);
