import type { ImportedGuide } from '@dalil/shared/api/import.ts';
import { newId } from '../storage/ids.ts';
import type { ImportedSectionRecord } from '../storage/guideRepository.ts';
import type { JsonNode } from './convertDocx.ts';
import { storingSink, type ImportContext } from './importContext.ts';
import { planImport, type ImportPlan } from './importPlan.ts';
import { writeSectionDocuments } from './sectionDocument.ts';

export interface GuideImportInput {
  bytes: Uint8Array;
  fileName: string;
  splitLevel: number;
  /** Becomes the new guide's coordinator. */
  userId: string;
}

/**
 * Creates a guide from a Word file, all or nothing. Once the file is converted, the journal (one
 * durable write) names the guide and its sections' documents; the guide's index lists its images
 * only after that (their files, which nothing lists, are written while the file converts), and one
 * metadata write (guide, coordinator, sections) commits them once they are all durable. A failure
 * or a crash before that write leaves nothing visible, and the journal's settling deletes what was
 * written. With `documentsAfterCommit` (embedded store), the journal also carries the sections'
 * content, which is what is durable at the commit; their documents are written right after it,
 * held until then (see `DocumentsAfterCommit`). Otherwise they are written before the commit, once
 * the journal names them.
 */
export async function importGuide(context: ImportContext, input: GuideImportInput): Promise<ImportedGuide> {
  const { journal, guides, docStore } = context;
  const guideId = newId('g');
  // Written once the file is converted and not before: a journal started with the conversion
  // waited for turns of the event loop the conversion did not give (10–15 ms after it, in the
  // bench), and what it had to cover, the images' files, needs no covering.
  let follow!: (journalWritten: Promise<unknown>) => void;
  let abandon!: (reason: Error) => void;
  const journaled = new Promise<unknown>((resolve, reject) => {
    follow = resolve;
    abandon = reject;
  });
  journaled.catch(() => {}); // the images' listing awaits it; nothing else may see its failure as unhandled
  const images = storingSink(context.images, guideId, input.userId, () => journaled);
  let journalId: string | null = null;
  let named: Promise<unknown> = Promise.resolve();
  let committed = false;
  try {
    const plan = await planImport(input, context.limits, images);
    const records = sectionRecords(plan);
    const docNames = records.map((r) => r.id);
    const documents = records.map((r, i): [string, JsonNode[]] => [r.id, plan.sections[i]!.content]);
    const later = context.documentsAfterCommit;
    const writing = journal.begin({ guideId, newGuide: true, docNames, ...(later ? { contents: documents.map(([, blocks]) => blocks) } : {}) });
    named = writing.then(
      (id) => void (journalId = id),
      () => {},
    );
    follow(writing);
    const id = later ? await writing : await writeSectionDocuments(docStore, documents, writing).then(() => writing);
    await images.stored();
    const reserved = later?.reserve(docNames);
    let guide;
    try {
      guide = await guides.createImportedGuide({ id: guideId, title: plan.title, language: plan.language, coordinatorId: input.userId }, records);
    } catch (err) {
      if (reserved && guides.findGuide(guideId)) {
        // The metadata write failed after the guide entered memory, where it is already seen: its
        // documents are written as after a commit, still held, and the journal stays until the next
        // start, which undoes the import or finishes it after what the disk says.
        reserved.write(id, documents, { keepJournal: true });
        committed = true;
      } else reserved?.cancel();
      throw err;
    }
    if (reserved) reserved.write(id, documents);
    else await journal.end(id);
    return { guideId: guide.id, title: guide.title, sectionCount: records.length, warnings: plan.warnings };
  } catch (err) {
    // A no-op once the journal was asked for (the listing follows its write); no promise made
    // here, which would be a rejection nobody handles.
    abandon(new Error('the import stopped before its journal was written'));
    // Nothing the import started may still be writing while the rollback deletes what it wrote.
    await Promise.all([named, images.stored().catch(() => {})]);
    if (journalId !== null && !committed) {
      // The import's own error is the one to report; a journal that cannot be settled now is
      // settled at the next start.
      await journal.settle(journalId).catch((settling: unknown) => context.log.error({ err: settling }, 'settling a failed import failed; the next start settles it'));
    }
    throw err;
  } finally {
    context.images.done(guideId);
  }
}

/** One record per planned section, parents found from depths (a parent comes before its children). */
export function sectionRecords(plan: Pick<ImportPlan, 'sections'>): ImportedSectionRecord[] {
  const lastAtDepth: number[] = [];
  return plan.sections.map((section, index) => {
    lastAtDepth[section.depth] = index;
    lastAtDepth.length = section.depth + 1;
    return {
      id: newId('s'),
      title: section.title,
      parentIndex: section.depth === 0 ? null : (lastAtDepth[section.depth - 1] ?? null),
      wordCount: section.stats.words,
      unnumbered: section.unnumbered === true,
    };
  });
}
