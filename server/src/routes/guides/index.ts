import type { FastifyPluginAsync } from 'fastify';
import type { CreateGuideBody, UpdateGuideBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { guideView } from '../views.ts';
import { createGuideSchema, getGuideSchema, listGuidesSchema, updateGuideSchema } from './schemas.ts';

const guidesRoute: FastifyPluginAsync<RouteServices> = async (app, { guides, live }) => {
  app.get('/', { schema: listGuidesSchema }, async () =>
    guides.listGuides().map((g) => ({
      id: g.id,
      title: g.title,
      language: g.language,
      sectionCount: guides.listSections(g.id).length,
      updatedAt: g.updatedAt,
    })),
  );

  app.post<{ Body: CreateGuideBody }>('/', { schema: createGuideSchema }, async (request, reply) => {
    const guide = await guides.createGuide(request.body);
    return reply.code(201).send(guideView(guide, []));
  });

  app.get<{ Params: { guideId: string } }>('/:guideId', { schema: getGuideSchema }, async (request) => {
    const guide = guides.getGuide(request.params.guideId);
    return guideView(guide, guides.listSections(guide.id));
  });

  app.patch<{ Params: { guideId: string }; Body: UpdateGuideBody }>(
    '/:guideId',
    { schema: updateGuideSchema },
    async (request) => {
      const guide = await guides.updateGuide(request.params.guideId, request.body);
      live.structureChanged(guide.id, guide.structureVersion);
      return guideView(guide, guides.listSections(guide.id));
    },
  );
};

export default guidesRoute;
