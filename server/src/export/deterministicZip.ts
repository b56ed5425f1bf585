import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Runs `build` with Math.random replaced by a generator seeded from `seed`. docx draws the ids of
 * relationships and links from nanoid's non-secure generator (Math.random): seeding it makes the
 * same content give the same document. Synchronous only, so nothing else runs meanwhile.
 */
export function withSeededRandom<T>(seed: string, build: () => T): T {
  const original = Math.random;
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  Math.random = () => {
    // xorshift32: plenty for ids that only have to be distinct within one file
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  try {
    return build();
  } finally {
    Math.random = original;
  }
}

/**
 * Rewrites a zip (DOCX, Markdown bundle) with every entry dated `date` (YYYY-MM-DD) and the
 * package's creation/modification properties set to it, entries in a stable order.
 */
export function normalizeZip(zip: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(zip);
  return zipFixed(
    Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [
        name,
        name === 'docProps/core.xml' ? fixCoreDates(bytes, date) : /^word\/[^/]+\.xml$/.test(name) ? renumberIds(bytes) : bytes,
      ]),
    ),
    date,
  );
}

/** Zips files in the given order with a fixed modification time (noon UTC of `date`). */
export function zipFixed(files: Record<string, Uint8Array>, date: string): Uint8Array {
  const mtime = new Date(`${date}T12:00:00Z`);
  const entries: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) entries[name] = [bytes, { mtime, level: 6 }];
  return zipSync(entries, { mtime });
}

function fixCoreDates(bytes: Uint8Array, date: string): Uint8Array {
  const xml = new TextDecoder().decode(bytes);
  const stamp = `${date}T12:00:00Z`;
  const fixed = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
  return new TextEncoder().encode(fixed);
}

/**
 * docx numbers bookmarks and drawings from counters that live as long as the process: the second
 * export of the same content would get other numbers. They are renumbered here in order of
 * appearance (the numbers only have to be distinct within the file).
 */
function renumberIds(bytes: Uint8Array): Uint8Array {
  let xml = new TextDecoder().decode(bytes);
  const toc = new Map<string, number>();
  xml = xml.replace(/_Toc(\d+)/g, (_, n: string) => `_Toc${toc.get(n) ?? (toc.set(n, toc.size + 1), toc.size)}`);
  const bookmarks = new Map<string, number>();
  xml = xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_, head: string, n: string) => `${head}${bookmarks.get(n) ?? (bookmarks.set(n, bookmarks.size + 1), bookmarks.size)}"`);
  let drawing = 0;
  xml = xml.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)"/g, (_, head: string) => `${head}${++drawing}"`);
  return new TextEncoder().encode(xml);
}
