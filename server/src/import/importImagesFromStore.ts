import { imageUrl } from '@dalil/shared/api/images.ts';
import type { GuideImages } from '../images/guideImages.ts';
import { imageFileOf, imageIdOf } from '../images/imageStore.ts';
import { acceptImage, listAcceptedImages } from '../images/storeImage.ts';
import { detectImageFormat } from '../images/imageFormat.ts';
import { refuseForeignContent } from '../images/foreignContent.ts';
import { checkImageHeader } from '../images/checkImageHeader.ts';
import { ImageRefusedError } from '../images/imageRefused.ts';
import { ImportImageRefused, type ImportImages } from './importImages.ts';

/**
 * The image store as an import sees it. A guide being imported is not in the metadata yet (it
 * commits after its images): the store is told it exists while its import runs.
 */
export function importImagesFromStore(images: GuideImages): ImportImages {
  const pending = new Set<string>();
  const withPending: GuideImages = {
    ...images,
    guides: { findGuide: (id) => images.guides.findGuide(id) ?? (pending.has(id) ? ({ id } as never) : undefined) },
  };
  const refusal = (err: unknown) => (err instanceof ImageRefusedError ? new ImportImageRefused(err.message) : err);
  return {
    async prepare(bytes) {
      try {
        return await acceptImage(images, bytes, { placeFile: true });
      } catch (err) {
        throw refusal(err);
      }
    },
    idsOf(guideId, prepared) {
      return prepared.map((image) => {
        const id = imageIdOf(image);
        return { id, url: imageUrl(guideId, id) };
      });
    },
    filesOf: (prepared) => prepared.map(imageFileOf),
    writeFiles: (files) => images.store.writeFiles(files),
    async listMany(guideId, prepared, storedBy) {
      pending.add(guideId);
      const listed = await listAcceptedImages(withPending, guideId, prepared, { storedBy });
      return listed.map((s) => ({ id: s.id, url: s.url }));
    },
    async check(bytes) {
      try {
        if (bytes.byteLength > images.limits.maxBytes) throw new ImportImageRefused(`an image is larger than the ${Math.round(images.limits.maxBytes / 1048576)} MB this server accepts`);
        const format = detectImageFormat(bytes);
        refuseForeignContent(bytes, format);
        // Headers only: decoding 40 images made a preview of a long file several times slower.
        await checkImageHeader(bytes, format, images.limits.maxPixels);
      } catch (err) {
        throw refusal(err);
      }
    },
    async deleteGuide(guideId) {
      await images.store.forget(guideId);
      pending.delete(guideId);
    },
    done(guideId: string) {
      pending.delete(guideId);
    },
  };
}
