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
 * Creates a guide from a Word file, all or nothing: the journal names the guide and the documents
 * before they are written, images and documents are written under names nothing refers to, and one
 * metadata write (guide, coordinator, sections) commits them once they are all durable. A failure
 * or a crash before that write leaves nothing visible, and the journal's settling deletes what was
 * written. With `documentsAfterCommit` (embedded store), the journal's second write carries the
 * sections' content and is what is durable at the commit; their documents are written right after
 * it, held until then (see `DocumentsAfterCommit`).
 */
export async function importGuide(context: ImportContext, input: GuideImportInput): Promise<ImportedGuide> {
  const { journal, guides, docStore } = context;
  const guideId = newId('g');
  const entry = { guideId, newGuide: true, docNames: [] as string[] };
  // The journal is written while the file converts: only the images' commit and the documents
  // must come after it, and they wait for it.
  const begun = journal.begin(entry).then(
    (id) => ({ id }),
    (failed: unknown) => ({ failed }),
  );
  const journalId = async () => {
    const b = await begun;
    if ('failed' in b) throw b.failed;
    return b.id;
  };
  // The images are written while the conversion goes on; the commit waits for them.
  const images = storingSink(context.images, guideId, input.userId, journalId);
  let named: Promise<unknown> = Promise.resolve();
  let committed = false;
  try {
    const plan = await planImport(input, context.limits, images);
    const id = await journalId();
    const records = sectionRecords(plan);
    entry.docNames = records.map((r) => r.id);
    const documents = records.map((r, i): [string, JsonNode[]] => [r.id, plan.sections[i]!.content]);
    const later = context.documentsAfterCommit;
    if (later) {
      const journaled = journal.write(id, { ...entry, contents: documents.map(([, blocks]) => blocks) });
      named = journaled.catch(() => {});
      await journaled;
    } else {
      // The journal names the documents while they are encoded; they are written once it does.
      const naming = journal.write(id, entry);
      named = naming.catch(() => {});
      await writeSectionDocuments(docStore, documents, naming);
    }
    await images.stored();
    const reserved = later?.reserve(entry.docNames);
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
    // Nothing the import started may still be writing while the rollback deletes what it wrote.
    await Promise.all([named, images.stored().catch(() => {})]);
    const b = await begun;
    if (!('failed' in b) && !committed) {
      // The import's own error is the one to report; a journal that cannot be settled now is
      // settled at the next start.
      await journal.settle(b.id).catch((settling: unknown) => context.log.error({ err: settling }, 'settling a failed import failed; the next start settles it'));
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
