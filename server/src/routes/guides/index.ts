import type { FastifyPluginAsync } from 'fastify';
import type { CreateGuideBody, Guide, GuideRole, GuideSummary, GuideView, TrashedGuideReply, UpdateGuideBody } from '@dalil/shared';
import type { RouteServices } from '../routeServices.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import { guideView } from '../views.ts';
import { listGuidesOf } from '../../guides/listGuidesOf.ts';
import { updateGuideSettings } from '../../guides/updateGuideSettings.ts';
import { setGuideArchived } from '../../guides/archiveGuide.ts';
import { restoreTrashedGuide, trashGuide } from '../../guides/trashGuide.ts';
import { purgeAt } from '../../guides/guideDeps.ts';
import {
  archiveGuideSchema,
  createGuideSchema,
  getGuideSchema,
  listGuidesSchema,
  restoreGuideSchema,
  trashGuideSchema,
  unarchiveGuideSchema,
  updateGuideSchema,
} from './schemas.ts';

type GuideParams = { Params: { guideId: string } };

const guidesRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { guides, access, guideTrashDays, live } = services;
  const viewOf = (guide: Guide, role: GuideRole): GuideView =>
    guideView(guide, guides.listSections(guide.id), role, guideTrashDays, live.contentVersion(guide.id));

  /** Only the guides the caller is a member of (trashed ones only for who may restore them). */
  app.get('/', { schema: listGuidesSchema }, async (request): Promise<GuideSummary[]> => {
    if (!request.auth) throw unauthenticated();
    return listGuidesOf(services, request.auth.user.id, guideTrashDays);
  });

  app.post<{ Body: CreateGuideBody }>('/', { schema: createGuideSchema }, async (request, reply) => {
    if (!request.auth) throw unauthenticated();
    const guide = await guides.createGuide({ ...request.body, coordinatorId: request.auth.user.id });
    return reply.code(201).send(viewOf(guide, 'coordinator'));
  });

  app.get<GuideParams>('/:guideId', { schema: getGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    const guide = guides.getGuide(request.params.guideId);
    return viewOf(guide, role);
  });

  app.patch<GuideParams & { Body: UpdateGuideBody }>('/:guideId', { schema: updateGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.update');
    const guide = await updateGuideSettings(services, request.params.guideId, request.body);
    return viewOf(guide, role);
  });

  app.post<GuideParams>('/:guideId/archive', { schema: archiveGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.archive');
    const guide = await setGuideArchived(services, request.params.guideId, true);
    return viewOf(guide, role);
  });

  app.delete<GuideParams>('/:guideId/archive', { schema: unarchiveGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.archive');
    const guide = await setGuideArchived(services, request.params.guideId, false);
    return viewOf(guide, role);
  });

  app.delete<GuideParams>('/:guideId', { schema: trashGuideSchema }, async (request): Promise<TrashedGuideReply> => {
    access.authorize(request.auth?.user, request.params.guideId, 'guide.delete');
    const guide = await trashGuide(services, request.params.guideId);
    const deletedAt = guide.deletedAt!;
    return { id: guide.id, deletedAt, purgeAt: purgeAt(deletedAt, guideTrashDays), trashDays: guideTrashDays };
  });

  app.post<GuideParams>('/:guideId/restore', { schema: restoreGuideSchema }, async (request) => {
    const { role } = access.authorize(request.auth?.user, request.params.guideId, 'guide.delete');
    const guide = await restoreTrashedGuide(services, request.params.guideId);
    return viewOf(guide, role);
  });
};

export default guidesRoute;
