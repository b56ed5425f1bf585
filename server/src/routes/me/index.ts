import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { SessionView } from '@dalil/shared/api/session.ts';
import type { MeView } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { ApiError } from '../../errors.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { csrfTokenFor } from '../../auth/tokens.ts';
import { userView } from '../views.ts';
import { getMeSchema, sessionSchema, updateMeSchema } from './schemas.ts';

/** The signed-in user: who they are, their guides, their CSRF token; changing name and password. */
const meRoute: FastifyPluginAsync<RouteServices> = async (app, { accounts, members, secret }) => {
  const meOf = ({ user, sessionTokenHash }: NonNullable<FastifyRequest['auth']>): MeView => ({
    user: userView(user),
    csrfToken: csrfTokenFor(secret, sessionTokenHash),
    memberships: members.membershipsOf(user.id).map((m) => ({ guideId: m.guideId, role: m.role })),
  });

  app.get('/', { schema: getMeSchema }, async (request): Promise<MeView> => {
    if (!request.auth) throw unauthenticated();
    return meOf(request.auth);
  });

  app.get('/session', { schema: sessionSchema }, async (request): Promise<SessionView> => ({ me: request.auth ? meOf(request.auth) : null }));

  app.patch<{ Body: { name?: string; currentPassword?: string; newPassword?: string } }>(
    '/',
    { schema: updateMeSchema },
    async (request) => {
      if (!request.auth) throw unauthenticated();
      const { name, currentPassword, newPassword } = request.body;
      let passwordHash: string | undefined;
      if (newPassword !== undefined) {
        const problem = passwordProblem(newPassword);
        if (problem) throw new ApiError(400, 'weak_password', problem);
        if (!currentPassword || !(await verifyPassword(currentPassword, request.auth.user.passwordHash))) {
          throw new ApiError(403, 'wrong_password', 'the current password is wrong');
        }
        passwordHash = await hashPassword(newPassword);
      }
      // The session the password was changed from stays; every other one ends.
      const user = await accounts.updateUser(request.auth.user.id, { name, passwordHash }, request.auth.sessionTokenHash);
      return { user: userView(user) };
    },
  );
};

export default meRoute;
