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
 * only after that (their files, which nothing lists, are placed as each image is cleaned, while the
 * file converts), and one metadata write (guide, coordinator, sections) commits them once they are
 * all durable. A failure or a crash before that write leaves nothing visible, and the journal's
 * settling deletes what was written. With `documentsAfterCommit` (embedded store), the journal
 * also holds the sections' content and the images' bytes, which is what is durable at the commit;
 * their documents are written and the images' files synced right after it, the documents held
 * until then (see `DocumentsAfterCommit`). Otherwise the documents are written and the files
 * synced before the commit, once the journal names them.
 */
export async function importGuide(context: ImportContext, input: GuideImportInput): Promise<ImportedGuide> {
  const { journal, guides, docStore } = context;
  const guideId = newId('g');
  // The journal is written once the file is converted and not before: one started with the
  // conversion waited for turns of the event loop the conversion did not give (10–15 ms after it,
  // in the bench), and what it had to cover, the images' files, needs no covering.
  const images = storingSink(context.images, guideId, input.userId);
  let journalId: string | null = null;
  let named: Promise<unknown> = Promise.resolve();
  let filesWritten: Outcome = Promise.resolve(null);
  let committed = false;
  try {
    const plan = await planImport(input, context.limits, images);
    const records = sectionRecords(plan);
    const docNames = records.map((r) => r.id);
    const documents = records.map((r, i): [string, JsonNode[]] => [r.id, plan.sections[i]!.content]);
    const later = context.documentsAfterCommit;
    const writing = journal.begin({ guideId, newGuide: true, docNames, ...(later ? { contents: documents.map(([, blocks]) => blocks), images: images.files() } : {}) });
    named = writing.then(
      (id) => void (journalId = id),
      () => {},
    );
    // Without a journal that holds their bytes, the images' files are durable before their listing.
    if (!later) filesWritten = outcome(images.writeFiles());
    const id = later ? await writing : await writeSectionDocuments(docStore, documents, writing).then(() => writing);
    const files = await filesWritten;
    if (files) throw files.failed;
    // The journal names the guide: its index may list the images.
    await images.list();
    const reserved = later?.reserve(docNames);
    let guide;
    try {
      guide = await guides.createImportedGuide({ id: guideId, title: plan.title, language: plan.language, coordinatorId: input.userId }, records);
    } catch (err) {
      if (reserved && guides.findGuide(guideId)) {
        // The metadata write failed after the guide entered memory, where it is already seen: its
        // documents are written as after a commit, still held, and the journal stays until the next
        // start, which undoes the import or finishes it after what the disk says.
        reserved.write(id, documents, { keepJournal: true, alsoDurable: () => images.writeFiles() });
        committed = true;
      } else reserved?.cancel();
      throw err;
    }
    if (reserved) reserved.write(id, documents, { alsoDurable: () => images.writeFiles() });
    else await journal.end(id);
    return { guideId: guide.id, title: guide.title, sectionCount: records.length, warnings: plan.warnings };
  } catch (err) {
    // Nothing the import started may still be writing while the rollback deletes what it wrote.
    await Promise.all([named, filesWritten]);
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

type Outcome = Promise<{ failed: unknown } | null>;
// Caught at once: a rejection left unhandled across a turn of the event loop stops the process.
const outcome = (work: Promise<unknown>): Outcome =>
  work.then(
    () => null,
    (failed: unknown) => ({ failed }),
  );

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
