import type { FastifyPluginAsync } from 'fastify';
import { userView } from '../views.ts';
import type { LoginBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { TooManyAttempts, Unauthenticated } from '../../domain/errors.ts';
import { decoyHash, verifyPassword } from '../../auth/passwords.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { normalizeEmail } from '../../storage/accountRepository.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/authentication.ts';
import { loginSchema, logoutSchema } from './schemas.ts';

/** Sign in and out. Failures say nothing about whether the email exists. */
const authRoute: FastifyPluginAsync<RouteServices> = async (app, { accounts, loginThrottle, loginRatePerMinute }) => {
  app.post<{ Body: LoginBody }>(
    '/login',
    { schema: loginSchema, config: { rateLimit: { max: loginRatePerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const waitMs = loginThrottle.retryAfterMs(email);
      if (waitMs > 0) {
        reply.header('retry-after', Math.ceil(waitMs / 1000));
        throw new TooManyAttempts('too_many_attempts', `too many failed attempts for this account; try again in ${Math.ceil(waitMs / 1000)} s`);
      }
      const user = accounts.findUserByEmail(email);
      const valid = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !valid) {
        loginThrottle.recordFailure(email);
        throw new Unauthenticated('wrong email or password', 'invalid_credentials');
      }
      loginThrottle.recordSuccess(email);
      const token = newToken();
      await accounts.createSession(user.id, hashToken(token));
      setSessionCookie(request, reply, token);
      return { user: userView(user) };
    },
  );

  app.post('/logout', { schema: logoutSchema }, async (request, reply) => {
    if (request.auth) await accounts.deleteSession(request.auth.sessionTokenHash);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });
};

export default authRoute;
