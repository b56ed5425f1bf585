import { Type, type Static } from '@sinclair/typebox';
import { DOC_NAME_PATTERN } from '../collaboration/docNames.ts';
export * from './exportRules.ts';
import { EXPORT_FORMATS, EXPORT_FILE_TYPES } from './exportRules.ts';

const Id = () => Type.String({ pattern: DOC_NAME_PATTERN.source });

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
