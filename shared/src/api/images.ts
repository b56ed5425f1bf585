import { Type, type Static } from '@sinclair/typebox';
import { IMAGE_ID_PATTERN } from './imageRules.ts';

export * from './imageRules.ts';

/** Wire shapes of the guide images API (`/api/guides/:guideId/images`); the rules are in `imageRules.ts`. */
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
