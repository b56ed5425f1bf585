import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { IMAGE_UPLOAD_FIELD, type ImageParams, type UploadedImage } from '@dalil/shared/api/images.ts';
import type { GuideAccess } from '../../auth/guideAccess.ts';
import { unauthenticated } from '../../auth/guideAccess.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { GuideImages } from '../../images/guideImages.ts';
import { readImage } from '../../images/readImage.ts';
import { storeImage, tooLarge } from '../../images/storeImage.ts';
import { readImageSchema, uploadImageSchema } from './schemas.ts';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Guide images: upload (whoever may edit the text) and read (members only). Multipart parsing is
 * registered here only, so no other route accepts multipart bodies.
 */
const imagesRoute: FastifyPluginAsync<{ access: GuideAccess; images: GuideImages }> = async (app, { access, images }) => {
  await app.register(multipart, {
    limits: { fileSize: images.limits.maxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 9, headerPairs: 64 },
    throwFileSizeLimit: true,
  });

  app.post<{ Params: { guideId: string } }>('/images', { schema: uploadImageSchema }, async (request, reply) => {
    const { guideId } = request.params;
    access.authorize(request.auth?.user, guideId, 'image.upload');
    // Refuse an announced oversize body before reading any of it.
    const declared = Number(request.headers['content-length']);
    if (declared > images.limits.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(images.limits.maxBytes);
    if (!request.isMultipart()) throw badRequest(`send the image as multipart/form-data, in a field named "${IMAGE_UPLOAD_FIELD}"`);
    const part = await request.file();
    if (!part) throw badRequest(`the request has no file (send it in a field named "${IMAGE_UPLOAD_FIELD}")`);
    let bytes: Buffer;
    try {
      bytes = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(images.limits.maxBytes);
      throw err;
    }
    const { created, ...stored } = await storeImage(images, guideId, bytes, { storedBy: request.auth!.user.id });
    return reply.code(created ? 201 : 200).send(stored satisfies UploadedImage);
  });

  app.get<{ Params: ImageParams }>('/images/:imageId', { schema: readImageSchema }, async (request, reply) => {
    const { guideId, imageId } = request.params;
    const user = request.auth?.user;
    if (!user) throw unauthenticated();
    // Outsiders get the same 404 as for a missing image: whether a guide holds a picture is not theirs to learn.
    const image = access.roleAllowing(user, guideId, 'guide.read') ? await readImage(images, guideId, imageId) : null;
    if (!image) throw notFound('image');
    const etag = `"${imageId}"`;
    reply
      .header('cache-control', `private, max-age=${YEAR_SECONDS}, immutable`)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      // Opened on its own, the picture is a sandboxed document that can run nothing.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .header('content-disposition', 'inline');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    // Read whole: a stored image is at most a few MB (3000 px on its long side, re-encoded).
    return reply.type(image.contentType).send(await readFile(image.path));
  });
};

export default imagesRoute;
