/** The plain facts of exports, apart from their TypeBox schemas (`export.ts`) so the browser can use them without bundling TypeBox. */

/** Formats a guide (or one of its versions) can be exported to. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each export format (Markdown comes as a zip with its images). */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; mediaType: string }> = {
  docx: { extension: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { extension: 'pdf', mediaType: 'application/pdf' },
  html: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
  md: { extension: 'zip', mediaType: 'application/zip' },
};
