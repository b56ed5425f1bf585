import { ImportImageRefused, type ImportImages } from './importImages.ts';

/** Interim: until the image store lands, images are refused (and reported) rather than inlined. */
export function importImagesFromStore(): ImportImages {
  const refuse = async () => {
    throw new ImportImageRefused('the image store is not available on this server');
  };
  return { store: refuse, check: refuse, deleteGuide: async () => {} };
}
