import type { ExportFormat } from '@dalil/shared';
import { ApiError } from '../errors.ts';
import { gatherGuideContent, type GuideContentSources } from './gatherGuideContent.ts';
import { ChromiumMissing } from './pdfWriter.ts';
import { renderExport, type ExportFile } from './renderExport.ts';

export interface ExportServices {
  sources: GuideContentSources;
  chromiumPath: string;
}

/** Today's state of a guide as a file (callable from a route, a test or the bench, without HTTP). */
export async function exportGuide(services: ExportServices, guideId: string, format: ExportFormat, today = new Date().toISOString().slice(0, 10)): Promise<ExportFile> {
  const doc = await gatherGuideContent(services.sources, guideId, today);
  return renderOrExplain(() => renderExport(doc, format, services));
}

/** Maps a missing Chromium to the 503 the API documents; other failures stay errors. */
export async function renderOrExplain(render: () => Promise<ExportFile>): Promise<ExportFile> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof ChromiumMissing) throw new ApiError(503, 'pdf_unavailable', err.message);
    throw err;
  }
}
