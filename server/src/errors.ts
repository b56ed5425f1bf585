import type { ApiError as ApiErrorBody } from '@dalil/shared';

/** An error the API reports as `{error, message}` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    /** What the client needs to act on the refusal, sent beside `error` and `message`. */
    readonly details: Pick<ApiErrorBody, 'threads' | 'sections'> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
