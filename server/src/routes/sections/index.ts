import type { FastifyPluginAsync } from 'fastify';
import { isContentLocked, type CreateSectionBody, type UpdateSectionBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { sectionView, trashedSectionView } from '../views.ts';
import {
  createSectionSchema,
  deleteSectionSchema,
  listTrashSchema,
  restoreSectionSchema,
  updateSectionSchema,
} from './schemas.ts';

type GuideParams = { guideId: string };
type SectionParams = { guideId: string; sectionId: string };

/** Sections of a guide, mounted under /api/guides/:guideId. */
const sectionsRoute: FastifyPluginAsync<RouteServices> = async (app, { guides, access, live }) => {
  const notify = (guideId: string) => live.structureChanged(guideId, guides.getGuide(guideId).structureVersion);

  app.post<{ Params: GuideParams; Body: CreateSectionBody }>(
    '/sections',
    { schema: createSectionSchema },
    async (request, reply) => {
      access.authorize(request.auth?.user, request.params.guideId, 'structure.manage');
      const section = await guides.createSection(request.params.guideId, request.body);
      notify(section.guideId);
      return reply.code(201).send(sectionView(section));
    },
  );

  app.patch<{ Params: SectionParams; Body: UpdateSectionBody }>(
    '/sections/:sectionId',
    { schema: updateSectionSchema },
    async (request) => {
      const { guideId, sectionId } = request.params;
      const { authorIds, reviewerIds, dueDate, ...structural } = request.body;
      // Each kind of change asks for its own right, all before anything changes.
      if (Object.keys(structural).length > 0) access.authorize(request.auth?.user, guideId, 'structure.manage');
      if (authorIds !== undefined || reviewerIds !== undefined || dueDate !== undefined) {
        access.authorize(request.auth?.user, guideId, 'sections.assign');
      }
      const section = await guides.updateSection(guideId, sectionId, request.body);
      notify(guideId);
      return sectionView(section);
    },
  );

  app.delete<{ Params: SectionParams }>('/sections/:sectionId', { schema: deleteSectionSchema }, async (request, reply) => {
    access.authorize(request.auth?.user, request.params.guideId, 'structure.manage');
    const trashed = await guides.trashSection(request.params.guideId, request.params.sectionId);
    // A trashed section's text is frozen until it comes back, over the socket as over REST.
    for (const s of trashed) live.setSectionLocked(s.docName, true, 'section moved to the trash: read-only');
    notify(request.params.guideId);
    return reply.code(204).send();
  });

  app.post<{ Params: SectionParams }>(
    '/sections/:sectionId/restore',
    { schema: restoreSectionSchema },
    async (request) => {
      access.authorize(request.auth?.user, request.params.guideId, 'structure.manage');
      const batch = guides.deletionBatch(request.params.guideId, request.params.sectionId);
      const section = await guides.restoreSection(request.params.guideId, request.params.sectionId);
      for (const s of batch) live.setSectionLocked(s.docName, isContentLocked(s.status), 'section restored');
      notify(section.guideId);
      return sectionView(section);
    },
  );

  app.get<{ Params: GuideParams }>('/trash', { schema: listTrashSchema }, async (request) => {
    access.authorize(request.auth?.user, request.params.guideId, 'structure.manage');
    return guides.listTrash(request.params.guideId).map(trashedSectionView);
  });
};

export default sectionsRoute;
