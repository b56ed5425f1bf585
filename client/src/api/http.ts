import type { ApiError, BlockingThread } from '@dalil/shared';
import { csrfToken } from './csrf.ts';
import { forgetCopy, isKept, keeper, offlineCopy } from './offlineCopies.ts';

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

/** GET replies started ahead of their use (see `preloadJson`), by path, for the first caller to take. */
const early = new Map<string, { reply: Promise<unknown>; startedAt: number }>();
/** An early reply older than this is not handed out: the caller asks again for a fresh one. */
const EARLY_REPLY_TTL_MS = 15_000;
let preloading = false;

/**
 * Runs `call` (an API function of this folder making one GET) now, and hands its reply to the first
 * later `requestJson` of the same path instead of sending the request again. A page load starts
 * the calls its page will make as soon as the URL is known, in parallel with the download of the
 * page's code, and the page's own hooks then take the replies: no waterfall of round trips and no
 * request sent twice, without the hooks knowing about it.
 */
export function preloadJson<T>(call: () => Promise<T>): Promise<T> {
  preloading = true;
  try {
    return call();
  } finally {
    preloading = false;
  }
}

export function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (method !== 'GET') {
    // a change (signing in, above all) may make every reply fetched before it wrong
    early.clear();
    return sendJson<T>(method, path, body);
  }
  return takeEarlyOr(path, () => sendJson<T>(method, path, body));
}

/** A GET whose reply is bytes (a section's Yjs state), taking a preloaded reply like `requestJson`. */
export function requestBytes(path: string): Promise<Uint8Array> {
  return takeEarlyOr(path, () => sendBytes(path));
}

/**
 * The reply a page load started early for `path` (see `preloadJson`), if there is a fresh one; it
 * is handed out once. For what is only worth having when it is already on its way.
 */
export function takePreloaded<T>(path: string): Promise<T> | undefined {
  const taken = early.get(path);
  early.delete(path);
  return taken && performance.now() - taken.startedAt < EARLY_REPLY_TTL_MS ? (taken.reply as Promise<T>) : undefined;
}

function takeEarlyOr<T>(path: string, send: () => Promise<T>): Promise<T> {
  const taken = takePreloaded<T>(path);
  if (taken) return taken;
  const reply = send();
  if (preloading) {
    early.set(path, { reply, startedAt: performance.now() });
    reply.catch(() => undefined); // the caller that takes it sees the error; nobody else must
  }
  return reply;
}

async function sendBytes(path: string): Promise<Uint8Array> {
  // the same mode and credentials as the HTML's preload of this URL, so the browser hands that one over
  const response = await fetchOrRefuse(path, { credentials: 'same-origin' });
  if (!response.ok) throw await refusal(response, path);
  return new Uint8Array(await response.arrayBuffer());
}

/** `fetch`, with a failure to reach the server as an ApiRequestError (status 0, code `network`). */
export async function fetchOrRefuse(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
  }
}

/**
 * The error for a reply that is not 2xx, with the server's `{error, message}` when it sent one; a 401
 * (outside signing in) also tells the listeners that the session is gone.
 */
export async function refusal(response: Response, path: string, payload?: unknown): Promise<ApiRequestError> {
  const body = payload === undefined ? await response.json().catch(() => null) : payload;
  if (response.status === 401 && !path.startsWith('/api/auth/')) for (const listener of unauthorizedListeners) listener();
  if (isApiError(body)) return new ApiRequestError(response.status, body.error, body.message, body.threads ?? [], body.sections ?? []);
  return new ApiRequestError(response.status, 'http', `${response.status} ${response.statusText}`);
}

async function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
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
    else if (kept && (response.status === 403 || response.status === 404)) forgetCopy(path);
  } catch (error) {
    // no network: the last good reply, if this is one of the calls kept for offline reloads
    const copy = kept ? await offlineCopy(path) : undefined;
    if (!copy) throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
    response = copy;
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw await refusal(response, path, payload);
  return payload as T;
}
