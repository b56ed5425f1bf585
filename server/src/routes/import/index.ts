import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { DEFAULT_IMPORT_SPLIT_LEVEL } from '@dalil/shared/api/import.ts';
import type { RouteServices } from '../routeServices.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import type { ImportContext } from '../../import/importContext.ts';
import { importRefused } from '../../import/importRefused.ts';
import { previewImport } from '../../import/previewImport.ts';
import { importGuide } from '../../import/importGuide.ts';
import { importIntoSection } from '../../import/importIntoSection.ts';
import { importGuideSchema, importIntoSectionSchema, previewImportSchema } from './schemas.ts';

type ImportQuery = { splitLevel?: string; split?: 'true' | 'false' };
export type ImportRouteOptions = RouteServices & { importing: ImportContext };

/** Word import, mounted under /api/guides: a preview, a new guide, or into a section. */
const importRoute: FastifyPluginAsync<ImportRouteOptions> = async (app, { access, importing }) => {
  await app.register(multipart, {
    limits: { fileSize: importing.limits.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  });

  /** The uploaded file's bytes and name; refusals say what was wrong with the upload. */
  async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
    if (!request.isMultipart()) throw importRefused(400, 'import_no_file', 'send the Word file as multipart/form-data, in a field named "file"');
    const file = await request.file();
    if (!file) throw importRefused(400, 'import_no_file', 'no file was sent');
    try {
      const bytes = await file.toBuffer();
      return { bytes, fileName: file.filename || 'document.docx' };
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw importRefused(413, 'import_too_large', `the file is larger than ${Math.round(importing.limits.maxBytes / 1048576)} MB, the most this server imports`);
      }
      throw err;
    }
  }
  const levelOf = (query: ImportQuery) => (query.splitLevel ? Number(query.splitLevel) : DEFAULT_IMPORT_SPLIT_LEVEL);

  app.post<{ Querystring: ImportQuery }>('/import/preview', { schema: previewImportSchema }, async (request) => {
    if (!request.auth) throw unauthenticated();
    const file = await uploadedFile(request);
    return previewImport(importing, { ...file, splitLevel: levelOf(request.query) });
  });

  app.post<{ Querystring: ImportQuery }>('/import', { schema: importGuideSchema }, async (request, reply) => {
    if (!request.auth) throw unauthenticated();
    const file = await uploadedFile(request);
    const imported = await importGuide(importing, { ...file, splitLevel: levelOf(request.query), userId: request.auth.user.id });
    return reply.code(201).send(imported);
  });

  app.post<{ Params: { guideId: string; sectionId: string }; Querystring: ImportQuery }>(
    '/:guideId/sections/:sectionId/import',
    { schema: importIntoSectionSchema },
    async (request) => {
      const { guideId, sectionId } = request.params;
      const split = request.query.split === 'true';
      access.authorize(request.auth?.user, guideId, 'section.editText');
      // New sub-sections change the table of contents: that is the coordinator's right.
      if (split) access.authorize(request.auth?.user, guideId, 'structure.manage');
      const file = await uploadedFile(request);
      return importIntoSection(importing, { guideId, sectionId, ...file, split, splitLevel: levelOf(request.query), userId: request.auth!.user.id });
    },
  );
};

export default importRoute;
