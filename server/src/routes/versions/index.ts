import type { FastifyPluginAsync } from 'fastify';
import {
  MAX_CONTENT_BATCH,
  type CompareQuery,
  type ContentQuery,
  type CreateVersionBody,
  type GuideParams,
  type RestoreParams,
  type VersionParams,
} from '@dalil/shared/api/versions';
import type { RouteServices } from '../routeServices.ts';
import { badRequest } from '../../errors.ts';
import { createVersion } from '../../versions/createVersion.ts';
import { listVersions } from '../../versions/listVersions.ts';
import { readVersion } from '../../versions/readVersion.ts';
import { readSectionContents } from '../../versions/readSectionContents.ts';
import { compareVersions } from '../../versions/compareVersions.ts';
import { restoreSectionFromVersion } from '../../versions/restoreSectionFromVersion.ts';
import { versionSummary } from '../../versions/versionViews.ts';
import { compareSchema, createVersionSchema, listVersionsSchema, readVersionSchema, restoreSchema, versionContentSchema } from './schemas.ts';

/** Versions of a whole guide, mounted under /api/guides/:guideId. */
const versionsRoute: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { access, accounts } = services;
  const deps = { ...services, live: services.live };

  app.post<{ Params: GuideParams; Body: CreateVersionBody }>('/versions', { schema: createVersionSchema }, async (request, reply) => {
    const { guideId } = request.params;
    access.authorize(request.auth?.user, guideId, 'versions.manage');
    const { manifest } = await createVersion(deps, guideId, request.auth!.user.id, request.body);
    return reply.code(201).send(versionSummary(manifest, accounts));
  });

  app.get<{ Params: GuideParams }>('/versions', { schema: listVersionsSchema }, async (request) => {
    access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    return { versions: await listVersions(deps, request.params.guideId) };
  });

  app.get<{ Params: GuideParams; Querystring: CompareQuery }>('/versions/compare', { schema: compareSchema }, async (request) => {
    access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    return compareVersions(deps, request.params.guideId, request.query.from, request.query.to);
  });

  app.get<{ Params: VersionParams }>('/versions/:versionId', { schema: readVersionSchema }, async (request) => {
    access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    return readVersion(deps, request.params.guideId, request.params.versionId);
  });

  app.get<{ Params: VersionParams; Querystring: ContentQuery }>('/versions/:versionId/content', { schema: versionContentSchema }, async (request) => {
    const { guideId, versionId } = request.params;
    access.authorize(request.auth?.user, guideId, 'guide.read');
    const ids = request.query.ids.split(',').filter((id) => id !== '');
    if (ids.length === 0 || ids.length > MAX_CONTENT_BATCH) throw badRequest(`ask for 1 to ${MAX_CONTENT_BATCH} section ids`);
    if (ids.some((id) => !/^[A-Za-z0-9_-]{1,64}$/.test(id))) throw badRequest('ids must be section ids separated by commas');
    return { sections: await readSectionContents(deps, guideId, versionId, ids) };
  });

  app.post<{ Params: RestoreParams }>('/versions/:versionId/sections/:sectionId/restore', { schema: restoreSchema }, async (request) => {
    const { guideId, versionId, sectionId } = request.params;
    access.authorize(request.auth?.user, guideId, 'versions.manage');
    return restoreSectionFromVersion(deps, guideId, versionId, sectionId);
  });
};

export default versionsRoute;
