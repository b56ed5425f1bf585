import type { FastifyPluginAsync } from 'fastify';
import type { AcceptInvitationBody, CreatedInvitationView, GuideRole, InvitationPreview } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { notFound } from '../../errors.ts';
import { acceptInvitation } from '../../invitations/acceptInvitation.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { setSessionCookie } from '../../plugins/authentication.ts';
import { invitationView } from '../views.ts';
import {
  acceptInvitationSchema,
  createInvitationSchema,
  listInvitationsSchema,
  previewInvitationSchema,
  revokeInvitationSchema,
} from './schemas.ts';

/** Invitation links of a guide (coordinators), mounted under /api/guides/:guideId. */
export const guideInvitationsRoute: FastifyPluginAsync<RouteServices> = async (app, { access, members }) => {
  app.post<{ Params: { guideId: string }; Body: { role: GuideRole; multiUse?: boolean; expiresInHours?: number } }>(
    '/invitations',
    { schema: createInvitationSchema },
    async (request, reply) => {
      const { guideId } = request.params;
      access.authorize(request.auth?.user, guideId, 'members.manage');
      const token = newToken();
      const invitation = await members.createInvitation({
        guideId,
        role: request.body.role,
        tokenHash: hashToken(token),
        multiUse: request.body.multiUse ?? false,
        expiresInHours: request.body.expiresInHours ?? 7 * 24,
        createdBy: request.auth!.user.id,
      });
      const created: CreatedInvitationView = { ...invitationView(invitation), token, path: `/invitations/${token}` };
      return reply.code(201).send(created);
    },
  );

  app.get<{ Params: { guideId: string } }>('/invitations', { schema: listInvitationsSchema }, async (request) => {
    access.authorize(request.auth?.user, request.params.guideId, 'members.manage');
    return members.listInvitations(request.params.guideId).map(invitationView);
  });

  app.delete<{ Params: { guideId: string; invitationId: string } }>(
    '/invitations/:invitationId',
    { schema: revokeInvitationSchema },
    async (request) => {
      access.authorize(request.auth?.user, request.params.guideId, 'members.manage');
      return invitationView(await members.revokeInvitation(request.params.guideId, request.params.invitationId));
    },
  );
};

/** Opening and accepting an invitation link, mounted under /api/invitations. */
export const invitationLinksRoute: FastifyPluginAsync<RouteServices> = async (app, { accounts, guides, members, metadata }) => {
  const find = (token: string) => {
    const invitation = members.findInvitationByTokenHash(hashToken(token));
    if (!invitation) throw notFound('invitation');
    return invitation;
  };

  app.get<{ Params: { token: string } }>('/:token', { schema: previewInvitationSchema }, async (request): Promise<InvitationPreview> => {
    const invitation = find(request.params.token);
    const state = members.invitationState(invitation);
    return {
      guideId: invitation.guideId,
      guideTitle: guides.getGuide(invitation.guideId).title,
      role: invitation.role,
      valid: state === 'valid',
      reason: state === 'valid' ? null : state,
    };
  });

  app.post<{ Params: { token: string }; Body: AcceptInvitationBody }>(
    '/:token/accept',
    { schema: acceptInvitationSchema },
    async (request, reply) => {
      const user = request.auth?.user;
      const sessionToken = user ? null : newToken();
      const { membership } = await acceptInvitation(
        { metadata, accounts, members },
        hashToken(request.params.token),
        user ? { kind: 'signedIn', user } : { kind: 'newAccount', ...request.body, sessionTokenHash: hashToken(sessionToken!) },
      );
      if (sessionToken) setSessionCookie(request, reply, sessionToken);
      return { guideId: membership.guideId, role: membership.role };
    },
  );
};
