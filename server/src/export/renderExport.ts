import { EXPORT_FILE_TYPES, type ExportFormat } from '@dalil/shared';
import type { ExportDocument } from './exportDocument.ts';
import { writeHtml } from './htmlWriter.ts';
import { writeMarkdownZip } from './markdownWriter.ts';
import { exportFileName } from './exportFileName.ts';

export interface ExportFile {
  bytes: Uint8Array;
  mediaType: string;
  fileName: { utf8: string; ascii: string };
}

// docx and playwright-core take seconds to load: only the first export of their format pays it,
// never the server's start (which every writer waits for after a crash).
const loadDocxWriter = () => import('./docxWriter.ts');
const loadPdfWriter = () => import('./pdfWriter.ts');

/** Writes a gathered document in one format, with the file name it is downloaded under. */
export async function renderExport(doc: ExportDocument, format: ExportFormat, options: { chromiumPath: string }): Promise<ExportFile> {
  const type = EXPORT_FILE_TYPES[format];
  const bytes =
    format === 'docx'
      ? await (await loadDocxWriter()).writeDocx(doc)
      : format === 'pdf'
        ? await (await loadPdfWriter()).writePdf(doc, options.chromiumPath)
        : format === 'html'
          ? new TextEncoder().encode(writeHtml(doc))
          : writeMarkdownZip(doc);
  return { bytes, mediaType: type.mediaType, fileName: exportFileName({ ...doc, extension: type.extension }) };
}
