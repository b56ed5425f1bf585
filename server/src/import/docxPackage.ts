import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { importRefused, SAVE_AS_DOCX } from './importRefused.ts';

export interface PackageLimits {
  /** Largest file accepted (IMPORT_MAX_BYTES). */
  maxBytes: number;
  /** Most bytes all parts may inflate to, as their headers declare them (checked before inflating). */
  maxUncompressedBytes: number;
  maxEntries: number;
}

/** An opened .docx: its parts by path, inflated. */
export type DocxParts = Unzipped;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const utf16 = (text: string) => Buffer.from(text, 'utf16le');

/**
 * Opens a Word file after checking, in this order and before inflating anything: that it is not
 * empty or too large, what kind of file it is (an old binary .doc and a password-protected .docx
 * both are OLE containers, told apart by their stream names), that its zip directory is whole, and
 * that the sizes its parts declare stay within bounds (a zip bomb is refused here). Each part is
 * then inflated into a buffer of its declared size, so a part lying about its size cannot grow
 * past it either. XML that declares a DOCTYPE (where entities live) is refused: Word never writes one.
 */
export function openDocxPackage(bytes: Uint8Array, limits: PackageLimits): DocxParts {
  if (bytes.byteLength === 0) throw importRefused(400, 'import_empty', 'the file is empty (0 bytes)');
  if (bytes.byteLength > limits.maxBytes) {
    throw importRefused(413, 'import_too_large', `the file is larger than ${Math.round(limits.maxBytes / 1048576)} MB, the most this server imports`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.includes(utf16('EncryptedPackage')) || buffer.includes(utf16('EncryptionInfo'))) {
      throw importRefused(415, 'import_encrypted', 'the document is protected by a password: remove the password in Word (File › Info › Protect Document), save, and import again');
    }
    if (buffer.includes(utf16('WordDocument'))) {
      throw importRefused(415, 'import_legacy_doc', `this is an old Word 97–2003 document (.doc): ${SAVE_AS_DOCX}`);
    }
    throw importRefused(415, 'import_not_docx', `this is not a Word document: ${SAVE_AS_DOCX}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw importRefused(415, 'import_not_docx', `this is not a Word document: ${SAVE_AS_DOCX}`);

  const declared = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    throw damaged();
  }
  if (!declared.has('word/document.xml') || !declared.has('[Content_Types].xml')) {
    throw importRefused(415, 'import_not_docx', `this zip file is not a Word document: ${SAVE_AS_DOCX}`);
  }
  let total = 0;
  for (const size of declared.values()) total += size;
  if (declared.size > limits.maxEntries || total > limits.maxUncompressedBytes) {
    throw importRefused(413, 'import_too_big_uncompressed', `the document would unpack to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB: it is refused before unpacking`);
  }

  let parts: DocxParts;
  try {
    parts = unzipSync(bytes);
  } catch {
    throw damaged();
  }
  for (const [name, data] of Object.entries(parts)) {
    if (isXmlPart(name) && declaresDoctype(data)) {
      throw importRefused(415, 'import_unsafe_xml', 'the document contains XML declarations (DOCTYPE, entities) that Word never writes: it is refused');
    }
  }
  return parts;
}

/** Packs parts again for mammoth, without compressing (it inflates them once more otherwise). */
export function repackDocx(parts: DocxParts): Uint8Array {
  return zipSync(parts, { level: 0 });
}

export const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

const DOCTYPE = Buffer.from('<!DOCTYPE');
const ENTITY = Buffer.from('<!ENTITY');
const DOCTYPE16 = utf16('<!DOCTYPE');

function declaresDoctype(data: Uint8Array): boolean {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return buffer.includes(DOCTYPE) || buffer.includes(ENTITY) || buffer.includes(DOCTYPE16);
}

const damaged = () =>
  importRefused(415, 'import_damaged', `the file is damaged or incomplete (was the upload cut off?): ${SAVE_AS_DOCX} again`);
