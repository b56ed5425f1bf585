import type { FastifyPluginAsync } from 'fastify';
import type { AcceptInvitationBody, CreatedInvitationView, GuideRole, InvitationPreview } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { ApiError, badRequest, notFound } from '../../errors.ts';
import { hashPassword, passwordProblem } from '../../auth/passwords.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { setSessionCookie } from '../../plugins/authentication.ts';
import { invitationUnusable } from '../../storage/memberRepository.ts';
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
export const invitationLinksRoute: FastifyPluginAsync<RouteServices> = async (app, { accounts, guides, members }) => {
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
      const invitation = find(request.params.token);
      const state = members.invitationState(invitation);
      if (state !== 'valid') throw invitationUnusable(state);
      let user = request.auth?.user;
      if (!user) {
        // No session: the link also creates the account (people invited by link have none yet).
        const { email, name, password } = request.body;
        if (!email || !name || !password) throw badRequest('sign in, or give email, name and password to create an account');
        const problem = passwordProblem(password);
        if (problem) throw new ApiError(400, 'weak_password', problem);
        user = await accounts.createUser({ email, name, passwordHash: await hashPassword(password) });
        const token = newToken();
        await accounts.createSession(user.id, hashToken(token));
        setSessionCookie(request, reply, token);
      }
      const { membership } = await members.acceptInvitation(hashToken(request.params.token), user.id);
      return { guideId: membership.guideId, role: membership.role };
    },
  );
};
