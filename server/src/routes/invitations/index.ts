import type { FastifyPluginAsync } from 'fastify';
import type { AcceptInvitationBody, GuideRole } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { acceptInvitation } from '../../invitations/acceptInvitation.ts';
import { createInvitation } from '../../invitations/createInvitation.ts';
import { listInvitations } from '../../invitations/listInvitations.ts';
import { revokeInvitation } from '../../invitations/revokeInvitation.ts';
import { previewInvitation } from '../../invitations/previewInvitation.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { setSessionCookie } from '../../plugins/authentication.ts';
import {
  acceptInvitationSchema,
  createInvitationSchema,
  listInvitationsSchema,
  previewInvitationSchema,
  revokeInvitationSchema,
} from './schemas.ts';

/** Invitation links of a guide (coordinators), mounted under /api/guides/:guideId. */
export const guideInvitationsRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  app.post<{ Params: { guideId: string }; Body: { role: GuideRole; multiUse?: boolean; expiresInHours?: number; label?: string } }>(
    '/invitations',
    { schema: createInvitationSchema },
    async (request, reply) =>
      reply.code(201).send(await createInvitation(services, request.auth?.user, request.params.guideId, request.body)),
  );

  app.get<{ Params: { guideId: string } }>('/invitations', { schema: listInvitationsSchema }, async (request) =>
    listInvitations(services, request.auth?.user, request.params.guideId),
  );

  app.delete<{ Params: { guideId: string; invitationId: string } }>(
    '/invitations/:invitationId',
    { schema: revokeInvitationSchema },
    async (request) => revokeInvitation(services, request.auth?.user, request.params),
  );
};

/** Opening and accepting an invitation link, mounted under /api/invitations. */
export const invitationLinksRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  app.get<{ Params: { token: string } }>('/:token', { schema: previewInvitationSchema }, async (request) =>
    previewInvitation(services, request.params.token),
  );

  app.post<{ Params: { token: string }; Body: AcceptInvitationBody }>(
    '/:token/accept',
    { schema: acceptInvitationSchema },
    async (request, reply) => {
      const user = request.auth?.user;
      // The cookie is HTTP's business: the use case only needs the new session's hash.
      const sessionToken = user ? null : newToken();
      const { membership } = await acceptInvitation(
        services,
        hashToken(request.params.token),
        user ? { kind: 'signedIn', user } : { kind: 'newAccount', ...request.body, sessionTokenHash: hashToken(sessionToken!) },
      );
      if (sessionToken) setSessionCookie(request, reply, sessionToken);
      return { guideId: membership.guideId, role: membership.role };
    },
  );
};
