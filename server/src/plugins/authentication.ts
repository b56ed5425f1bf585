import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '@dalil/shared';
import type { AccountRepository } from '../storage/accountRepository.ts';
import { hashToken } from '../auth/tokens.ts';

export const SESSION_COOKIE = 'dalil_session';

/** Who a request comes from, and the session that says so. */
export interface SessionAuth {
  user: User;
  sessionTokenHash: string;
  /** When the session ends (ms since epoch); sockets it opened close then. */
  sessionExpiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user and their session, or null. Set for every request. */
    auth: SessionAuth | null;
  }
}

/** Reads the session cookie once per request; routes ask `request.auth`. */
export default fp<{ accounts: AccountRepository }>(
  async (app, { accounts }) => {
    await app.register(cookie);
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request) => {
      request.auth = sessionFromCookie(accounts, request.cookies[SESSION_COOKIE]);
    });
  },
  { name: 'authentication' },
);

export function sessionFromCookie(
  accounts: AccountRepository,
  token: string | undefined,
): SessionAuth | null {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const found = accounts.findSession(tokenHash);
  return found ? { user: found.user, sessionTokenHash: tokenHash, sessionExpiresAt: Date.parse(found.session.expiresAt) } : null;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 30 * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
