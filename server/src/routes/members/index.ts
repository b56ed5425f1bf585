import type { FastifyPluginAsync } from 'fastify';
import type { AddMemberBody, GuideRole } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { listMembers } from '../../members/listMembers.ts';
import { changeMemberRole } from '../../members/changeMemberRole.ts';
import { removeMember } from '../../members/removeMember.ts';
import { addMemberByEmail } from '../../members/addMemberByEmail.ts';
import { addMemberSchema, listMembersSchema, removeMemberSchema, updateMemberSchema } from './schemas.ts';

type GuideParams = { guideId: string };
type MemberParams = { guideId: string; userId: string };

/** Members of a guide, mounted under /api/guides/:guideId; the use cases are in server/src/members/. */
const membersRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  app.get<{ Params: GuideParams }>('/members', { schema: listMembersSchema }, async (request) =>
    listMembers(services, request.auth?.user, request.params.guideId),
  );

  app.post<{ Params: GuideParams; Body: AddMemberBody }>('/members', { schema: addMemberSchema }, async (request, reply) =>
    reply.code(202).send(await addMemberByEmail(services, request.auth?.user, request.params.guideId, request.body)),
  );

  app.patch<{ Params: MemberParams; Body: { role: GuideRole } }>(
    '/members/:userId',
    { schema: updateMemberSchema },
    async (request) => changeMemberRole(services, request.auth?.user, request.params, request.body.role),
  );

  app.delete<{ Params: MemberParams }>('/members/:userId', { schema: removeMemberSchema }, async (request, reply) => {
    await removeMember(services, request.auth?.user, request.params);
    return reply.code(204).send();
  });
};

export default membersRoute;
