import type { DocxParts } from './docxPackage.ts';

/**
 * mammoth's document model (node_modules/mammoth/lib/documents.js), the parts the import reads.
 * mammoth's own types stop at its HTML conversion; these name what its reader hands to
 * `transformDocument`.
 */
export interface MammothParagraph {
  type: 'paragraph';
  children: MammothElement[];
  styleId: string | null;
  styleName: string | null;
  numbering: { level: string | number; isOrdered: boolean } | null;
}

export interface MammothRun {
  type: 'run';
  children: MammothElement[];
  styleId: string | null;
  styleName: string | null;
  isBold: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrikethrough: boolean;
}

export interface MammothImage {
  type: 'image';
  altText?: string;
  contentType: string;
  readAsArrayBuffer(): Promise<ArrayBuffer | Uint8Array>;
}

export interface MammothNote {
  type: 'note';
  noteType: string;
  noteId: string;
  body: MammothElement[];
}

export interface MammothTable {
  type: 'table';
  children: MammothElement[];
}

export interface MammothTableRow {
  type: 'tableRow';
  children: MammothElement[];
  isHeader: boolean;
}

export interface MammothTableCell {
  type: 'tableCell';
  children: MammothElement[];
  colSpan: number;
  rowSpan: number;
}

export type MammothElement =
  | MammothParagraph
  | MammothRun
  | MammothImage
  | MammothTable
  | MammothTableRow
  | MammothTableCell
  | { type: 'text'; value: string }
  | { type: 'tab' }
  | { type: 'break'; breakType: string }
  | { type: 'hyperlink'; children: MammothElement[]; href?: string; anchor?: string }
  | { type: 'noteReference'; noteType: string; noteId: string }
  | { type: 'bookmarkStart' | 'checkbox' }
  | { type: 'other'; children?: MammothElement[] };

export interface MammothDocument {
  type: 'document';
  children: MammothElement[];
  notes: { resolve(reference: { noteType: string; noteId: string }): MammothNote };
}

/** mammoth's reading of a file: its document tree, and what its reader reported. */
export interface MammothTree {
  document: MammothDocument;
  messages: Array<{ type: string; message: string }>;
}

/**
 * Reads a .docx with mammoth's reader and stops before its HTML: `transformDocument`, mammoth's
 * documented hook, receives the whole document, which is kept, and hands back an empty one, so
 * the HTML writer has nothing to write. mammoth reads the parts already inflated (and checked) by
 * `openDocxPackage` through its `file` input instead of unzipping the file a second time.
 */
export async function readMammothTree(parts: DocxParts): Promise<MammothTree> {
  const { default: mammoth } = await import('mammoth');
  let captured: MammothDocument | null = null;
  const result = await mammoth.convertToHtml({ file: partsAsZipFile(parts) } as never, {
    externalFileAccess: false,
    includeDefaultStyleMap: false,
    includeEmbeddedStyleMap: false,
    transformDocument: ((document: MammothDocument) => {
      captured = document;
      return { ...document, children: [] };
    }) as never,
  });
  if (!captured) throw new Error('mammoth did not hand over the document');
  return { document: captured, messages: result.messages };
}

/** The interface of mammoth's opened zip (lib/zipfile.js) over inflated parts. */
function partsAsZipFile(parts: DocxParts) {
  const part = (name: string) => {
    const data = parts[name];
    if (!data) throw new Error(`the file has no part ${name}`);
    return data;
  };
  return {
    exists: (name: string) => Object.prototype.hasOwnProperty.call(parts, name),
    async read(name: string, encoding?: string) {
      const data = part(name);
      if (encoding === 'base64') return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(data);
      return data;
    },
    write() {
      throw new Error('the import does not write into the file');
    },
    async toArrayBuffer() {
      throw new Error('the import does not write into the file');
    },
  };
}
