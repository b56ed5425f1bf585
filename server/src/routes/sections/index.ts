import type { FastifyPluginAsync } from 'fastify';
import type { CreateSectionBody, UpdateSectionBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { sectionView, trashedSectionView } from '../views.ts';
import { createSection } from '../../sections/createSection.ts';
import { updateSection } from '../../sections/updateSection.ts';
import { trashSection } from '../../sections/trashSection.ts';
import { restoreSection } from '../../sections/restoreSection.ts';
import { listTrash } from '../../sections/listTrash.ts';
import { readSectionState } from '../../sections/readSectionState.ts';
import {
  createSectionSchema,
  deleteSectionSchema,
  listTrashSchema,
  readSectionStateSchema,
  restoreSectionSchema,
  updateSectionSchema,
} from './schemas.ts';

type GuideParams = { guideId: string };
type SectionParams = { guideId: string; sectionId: string };

/** Sections of a guide, mounted under /api/guides/:guideId; the use cases are in server/src/sections/. */
const sectionsRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  app.post<{ Params: GuideParams; Body: CreateSectionBody }>(
    '/sections',
    { schema: createSectionSchema },
    async (request, reply) =>
      reply.code(201).send(sectionView(await createSection(services, request.auth?.user, request.params.guideId, request.body))),
  );

  app.patch<{ Params: SectionParams; Body: UpdateSectionBody }>(
    '/sections/:sectionId',
    { schema: updateSectionSchema },
    async (request) => sectionView(await updateSection(services, request.auth?.user, request.params, request.body)),
  );

  app.delete<{ Params: SectionParams }>('/sections/:sectionId', { schema: deleteSectionSchema }, async (request, reply) => {
    await trashSection(services, request.auth?.user, request.params);
    return reply.code(204).send();
  });

  app.post<{ Params: SectionParams }>(
    '/sections/:sectionId/restore',
    { schema: restoreSectionSchema },
    async (request) => sectionView(await restoreSection(services, request.auth?.user, request.params)),
  );

  app.get<{ Params: SectionParams }>('/sections/:sectionId/state', { schema: readSectionStateSchema }, async (request, reply) => {
    const state = await readSectionState(services, request.auth?.user, request.params);
    return reply.type('application/octet-stream').send(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  });

  app.get<{ Params: GuideParams }>('/trash', { schema: listTrashSchema }, async (request) =>
    listTrash(services, request.auth?.user, request.params.guideId).map(trashedSectionView),
  );
};

export default sectionsRoute;
