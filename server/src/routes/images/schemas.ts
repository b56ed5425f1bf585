import { Type } from '@sinclair/typebox';
import { ImageParams, UploadedImage } from '@dalil/shared/api/images.ts';
import { IdParams } from '@dalil/shared/api/common.ts';
import { errorReplies } from '../commonSchemas.ts';

const imageErrors = {
  ...errorReplies,
  413: { $ref: 'Error#' },
  415: { $ref: 'Error#' },
  422: { $ref: 'Error#' },
} as const;

export const uploadImageSchema = {
  tags: ['images'],
  summary: 'Upload an image into a guide (multipart/form-data, one file in the field "file")',
  description:
    'PNG, JPEG, WebP or GIF, recognised by content. The stored image has no metadata and a long side of at most 3000 px. ' +
    '201 when stored, 200 when the guide already had the same image (same id).',
  consumes: ['multipart/form-data'],
  params: IdParams('guideId'),
  response: { 200: UploadedImage, 201: UploadedImage, ...imageErrors },
};

export const readImageSchema = {
  tags: ['images'],
  summary: 'An image of a guide (members of the guide only), cacheable forever',
  params: ImageParams,
  response: { 200: Type.Any({ description: 'the image bytes' }), 401: { $ref: 'Error#' }, 404: { $ref: 'Error#' } },
};
