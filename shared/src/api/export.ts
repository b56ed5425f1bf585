import { Type, type Static } from '@sinclair/typebox';
import { DOC_NAME_PATTERN } from '../collaboration/docNames.ts';

const Id = () => Type.String({ pattern: DOC_NAME_PATTERN.source });

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

export const ExportQuery = Type.Object(
  { format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))) },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const GuideExportParams = Type.Object({ guideId: Id() });
export type GuideExportParams = Static<typeof GuideExportParams>;

export const VersionExportParams = Type.Object({
  guideId: Id(),
  versionId: Id(),
});
export type VersionExportParams = Static<typeof VersionExportParams>;
