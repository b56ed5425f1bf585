import type { PackageLimits } from './docxPackage.ts';

/**
 * Bounds of an import. What the parts of a file may unpack to is bounded by the file's own limit:
 * Word's XML compresses about ten to one, a zip bomb by a thousand or more.
 */
export function importLimits(maxBytes: number): PackageLimits {
  return { maxBytes, maxUncompressedBytes: Math.max(64 * 1024 * 1024, maxBytes * 8), maxEntries: 10_000 };
}
