import type { FastifyPluginAsync } from 'fastify';
import type { CreateGuideBody, GuideSummary, UpdateGuideBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import { guideView } from '../views.ts';
import { createGuideSchema, getGuideSchema, listGuidesSchema, updateGuideSchema } from './schemas.ts';

const guidesRoute: FastifyPluginAsync<RouteServices> = async (app, { guides, members, threads, access, live }) => {
  /** Only the guides the caller is a member of. */
  app.get('/', { schema: listGuidesSchema }, async (request): Promise<GuideSummary[]> => {
    if (!request.auth) throw unauthenticated();
    const roles = new Map(members.membershipsOf(request.auth.user.id).map((m) => [m.guideId, m.role]));
    return guides
      .listGuides()
      .filter((g) => roles.has(g.id))
      .map((g) => ({
        id: g.id,
        title: g.title,
        language: g.language,
        sectionCount: guides.listSections(g.id).length,
        openThreads: threads.list(g.id, { status: 'open' }).length,
        updatedAt: g.updatedAt,
        role: roles.get(g.id)!,
      }));
  });

  app.post<{ Body: CreateGuideBody }>('/', { schema: createGuideSchema }, async (request, reply) => {
    if (!request.auth) throw unauthenticated();
    const guide = await guides.createGuide({ ...request.body, coordinatorId: request.auth.user.id });
    return reply.code(201).send(guideView(guide, [], 'coordinator'));
  });

  app.get<{ Params: { guideId: string } }>('/:guideId', { schema: getGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    const guide = guides.getGuide(request.params.guideId);
    return guideView(guide, guides.listSections(guide.id), role);
  });

  app.patch<{ Params: { guideId: string }; Body: UpdateGuideBody }>(
    '/:guideId',
    { schema: updateGuideSchema },
    async (request) => {
      const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.update');
      const guide = await guides.updateGuide(request.params.guideId, request.body);
      live.structureChanged(guide.id, guide.structureVersion);
      return guideView(guide, guides.listSections(guide.id), role);
    },
  );
};

export default guidesRoute;
