import type { ExportFormat } from '@dalil/shared';
import { Unavailable } from '../domain/errors.ts';
import { gatherGuideContent, type GuideContentSources } from './gatherGuideContent.ts';
import { ChromiumMissing } from './chromiumMissing.ts';
import { gatherVersionContent, type VersionContentSources } from './gatherVersionContent.ts';
import { renderExport, type ExportFile } from './renderExport.ts';

export interface ExportServices {
  sources: GuideContentSources;
  versions: VersionContentSources;
  chromiumPath: string;
}

/** Today's state of a guide as a file (callable from a route, a test or the bench, without HTTP). */
export async function exportGuide(services: ExportServices, guideId: string, format: ExportFormat, today = new Date().toISOString().slice(0, 10)): Promise<ExportFile> {
  const doc = await gatherGuideContent(services.sources, guideId, today);
  return renderOrExplain(() => renderExport(doc, format, services));
}

/** A version of a guide as a file: provisional versions marked, final ones not, and always the same bytes. */
export async function exportVersion(services: ExportServices, guideId: string, versionId: string, format: ExportFormat): Promise<ExportFile> {
  const doc = await gatherVersionContent(services.versions, guideId, versionId);
  return renderOrExplain(() => renderExport(doc, format, services));
}

/** Maps a missing Chromium to the 503 the API documents; other failures stay errors. */
export async function renderOrExplain(render: () => Promise<ExportFile>): Promise<ExportFile> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof ChromiumMissing) throw new Unavailable('pdf_unavailable', err.message);
    throw err;
  }
}
