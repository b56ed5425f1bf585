import type { ApiError, BlockingThread } from '@dalil/shared';
import { csrfToken } from './csrf.ts';
import { isKept, keeper, offlineCopy } from './offlineCopies.ts';

/** A failed API call, carrying the server's `{error, message}` when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** With `open_threads`: the threads that block the validation. */
    readonly threads: BlockingThread[] = [],
    /** With `sections_not_validated`: the sections that keep a final version from being made. */
    readonly sections: NonNullable<ApiError['sections']> = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'message' in value && 'error' in value;
}

const unauthorizedListeners = new Set<() => void>();

/** Called when the server answers 401: the session expired or was revoked. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  const csrf = csrfToken();
  if (csrf && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrf;
  return headers;
}

export async function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const kept = isKept(method, path);
  const keep = kept ? keeper(path) : null;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (keep && response.status === 200) keep(response.clone());
  } catch (error) {
    // no network: the last good reply, if this is one of the calls kept for offline reloads
    const copy = kept ? await offlineCopy(path) : undefined;
    if (!copy) throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
    response = copy;
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/auth/')) for (const listener of unauthorizedListeners) listener();
    if (isApiError(payload)) throw new ApiRequestError(response.status, payload.error, payload.message, payload.threads ?? [], payload.sections ?? []);
    throw new ApiRequestError(response.status, 'http', `${response.status} ${response.statusText}`);
  }
  return payload as T;
}
