import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { csrfTokenFor, safeEqual } from '../auth/tokens.ts';
import { ApiError } from '../errors.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Is `origin` the origin this server is served from? Used by REST mutations and the WebSocket handshake. */
export function isAllowedOrigin(request: FastifyRequest, origin: string | undefined, publicOrigin: string | null): boolean {
  if (origin === undefined) return true; // not a browser: CSRF and cross-site WebSocket hijacking need one
  if (publicOrigin) return origin === publicOrigin;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * CSRF protection for cookie-authenticated mutations: the Origin must be ours, and a signed-in
 * caller must echo the session's CSRF token (from GET /api/me) in the `x-csrf-token` header.
 *
 * Keyed on the method alone, never on the path: the router decodes `/%61pi/` to `/api/` (and
 * serves it), so a test of the raw URL is a door left open. No route outside the API changes
 * anything, so holding every state-changing request to the same rule costs nothing.
 */
export default fp<{ secret: Buffer; publicOrigin: string | null }>(
  async (app, { secret, publicOrigin }) => {
    app.addHook('preHandler', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      if (!isAllowedOrigin(request, request.headers.origin, publicOrigin)) {
        throw new ApiError(403, 'bad_origin', 'cross-site requests are not accepted');
      }
      if (!request.auth) return;
      const sent = request.headers[CSRF_HEADER];
      const expected = csrfTokenFor(secret, request.auth.sessionTokenHash);
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new ApiError(403, 'csrf', `missing or wrong ${CSRF_HEADER} header (get it from GET /api/me)`);
      }
    });
  },
  { name: 'request-guards', dependencies: ['authentication'] },
);
