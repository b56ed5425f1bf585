/**
 * The plain facts of the guide images API, apart from its TypeBox schemas (`images.ts`) so the
 * browser can use them without bundling TypeBox.
 * An image's id is the SHA-256 of the bytes the server stored (after cleaning): uploading the same
 * picture twice gives the same id, and an id always names the same bytes, so its URL can be cached forever.
 */
export const IMAGE_ID_PATTERN = '^[0-9a-f]{64}$';

/** The formats the server accepts (recognised by their magic bytes) and stores. */
export const IMAGE_FORMATS = ['png', 'jpeg', 'webp', 'gif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

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
