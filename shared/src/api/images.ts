import { Type, type Static } from '@sinclair/typebox';

/**
 * Wire shapes of the guide images API (`/api/guides/:guideId/images`). An image's id is the
 * SHA-256 of the bytes the server stored (after cleaning), so uploading the same picture twice
 * gives the same id, and an id always names the same bytes: its URL can be cached forever.
 */
export const IMAGE_ID_PATTERN = '^[0-9a-f]{64}$';

/** The formats the server accepts (recognised by their magic bytes) and stores. */
export const IMAGE_FORMATS = ['png', 'jpeg', 'webp', 'gif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const ImageParams = Type.Object({
  guideId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  imageId: Type.String({ pattern: IMAGE_ID_PATTERN }),
});
export type ImageParams = Static<typeof ImageParams>;

export const UploadedImage = Type.Object(
  {
    id: Type.String({ pattern: IMAGE_ID_PATTERN }),
    /** Where members of the guide read it: `/api/guides/:guideId/images/:id`. */
    url: Type.String(),
    /** Pixel size of the stored image (after scaling down to the print size). */
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
    /** Size of the stored file. */
    bytes: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UploadedImage = Static<typeof UploadedImage>;

/**
 * Why an upload was refused (`error` of the `{error, message}` reply), with its HTTP status:
 * 413 image_too_large; 415 unsupported_image_type, svg_not_accepted, polyglot_image;
 * 422 image_too_many_pixels, image_unreadable.
 */
export const IMAGE_REFUSALS = {
  image_too_large: 413,
  unsupported_image_type: 415,
  svg_not_accepted: 415,
  polyglot_image: 415,
  image_too_many_pixels: 422,
  image_unreadable: 422,
} as const;
export type ImageRefusal = keyof typeof IMAGE_REFUSALS;

/** The multipart field the file travels in. */
export const IMAGE_UPLOAD_FIELD = 'file';

export const imageUrl = (guideId: string, imageId: string) => `/api/guides/${guideId}/images/${imageId}`;
