import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ExportQuery, GuideExportParams, VersionExportParams } from '@dalil/shared/api/export.ts';
import type { RouteServices } from '../routeServices.ts';
import { exportGuide, exportVersion, type ExportServices } from '../../export/exportGuide.ts';
import { contentDisposition } from '../../export/exportFileName.ts';
import type { ExportFile } from '../../export/renderExport.ts';
import { errorReplies } from '../commonSchemas.ts';

export interface ExportRouteOptions extends RouteServices {
  exportServices: ExportServices;
}

const fileReply = { 200: { description: 'The exported file (DOCX, PDF, HTML, or a zip of Markdown and images)', type: 'string', format: 'binary' } };

/** Downloads of a guide as DOCX, PDF, HTML or Markdown, mounted under /api/guides/:guideId. */
const exportRoute: FastifyPluginAsync<ExportRouteOptions> = async (app, { access, exportServices }) => {
  app.get<{ Params: GuideExportParams; Querystring: ExportQuery }>(
    '/export',
    {
      schema: {
        tags: ['export'],
        summary: "Today's state of the guide as a file (provisional unless every section is validated)",
        params: GuideExportParams,
        querystring: ExportQuery,
        response: { ...fileReply, ...errorReplies, 503: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      access.authorize(request.auth?.user, request.params.guideId, 'guide.export');
      return sendFile(reply, await exportGuide(exportServices, request.params.guideId, request.query.format));
    },
  );

  app.get<{ Params: VersionExportParams; Querystring: ExportQuery }>(
    '/versions/:versionId/export',
    {
      schema: {
        tags: ['export'],
        summary: 'A version of the guide as a file (a provisional version is marked as such, a final one is the same file every time)',
        params: VersionExportParams,
        querystring: ExportQuery,
        response: { ...fileReply, ...errorReplies, 503: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      access.authorize(request.auth?.user, request.params.guideId, 'guide.export');
      return sendFile(reply, await exportVersion(exportServices, request.params.guideId, request.params.versionId, request.query.format));
    },
  );
};

export function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

export default exportRoute;
