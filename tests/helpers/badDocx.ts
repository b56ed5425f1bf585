import { unzipSync, zipSync, strToU8 } from 'fflate';

/** An OLE compound file header followed by the UTF-16 names of its streams (enough to be recognised). */
export function oleFile(streamNames: string[]): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(504), ...streamNames.map((n) => Buffer.from(n, 'utf16le')), Buffer.alloc(512)]));
}

/** A zip whose document part inflates to `bytes` zeros (a bomb: a few hundred kB on disk). */
export function zipBomb(bytes: number): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': new Uint8Array(bytes),
    },
    { level: 1 },
  );
}

/** A .docx whose document part says it holds an external entity (XXE). */
export function withExternalEntity(docx: Uint8Array, target: string): Uint8Array {
  const parts = unzipSync(docx);
  const xml = new TextDecoder().decode(parts['word/document.xml']!);
  const withDoctype = xml.replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "${target}">]>`).replace('<w:body>', '<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>');
  parts['word/document.xml'] = strToU8(withDoctype);
  return zipSync(parts);
}
