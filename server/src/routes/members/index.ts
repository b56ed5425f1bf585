import type { FastifyPluginAsync } from 'fastify';
import type { GuideRole, MemberView } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { notFound } from '../../errors.ts';
import { listMembersSchema, removeMemberSchema, updateMemberSchema } from './schemas.ts';

type GuideParams = { guideId: string };
type MemberParams = { guideId: string; userId: string };

/** Members of a guide, mounted under /api/guides/:guideId. */
const membersRoute: FastifyPluginAsync<RouteServices> = async (app, { access, accounts, members, live }) => {
  const view = (guideId: string, userId: string): MemberView => {
    const user = accounts.findUser(userId);
    const role = members.roleOf(guideId, userId);
    if (!user || !role) throw notFound('member');
    return { userId, name: user.name, email: user.email, role };
  };

  app.get<{ Params: GuideParams }>('/members', { schema: listMembersSchema }, async (request) => {
    const { guideId } = request.params;
    access.authorize(request.auth?.user, guideId, 'members.read');
    return members
      .listMembers(guideId)
      .map((m) => view(guideId, m.userId))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  app.patch<{ Params: MemberParams; Body: { role: GuideRole } }>(
    '/members/:userId',
    { schema: updateMemberSchema },
    async (request) => {
      const { guideId, userId } = request.params;
      access.authorize(request.auth?.user, guideId, 'members.manage');
      if (!members.roleOf(guideId, userId)) throw notFound('member');
      await members.setRole(guideId, userId, request.body.role);
      // Rights are decided when a socket connects: make the member's sockets reconnect with the new ones.
      live.disconnectMember(guideId, userId, 'roleChanged');
      return view(guideId, userId);
    },
  );

  app.delete<{ Params: MemberParams }>('/members/:userId', { schema: removeMemberSchema }, async (request, reply) => {
    const { guideId, userId } = request.params;
    access.authorize(request.auth?.user, guideId, 'members.manage');
    const structureVersion = await members.removeMember(guideId, userId);
    live.disconnectMember(guideId, userId, 'removed');
    live.structureChanged(guideId, structureVersion);
    return reply.code(204).send();
  });
};

export default membersRoute;
