import { isContentLocked } from '@dalil/shared';
import type { ImportedIntoSection } from '@dalil/shared/api/import.ts';
import { Conflict, notFound } from '../domain/errors.ts';
import { storingSink, type ImportContext } from './importContext.ts';
import { planImport } from './importPlan.ts';
import { appendBlocks, writeSectionDocuments } from './sectionDocument.ts';
import { sectionRecords } from './importGuide.ts';

export interface SectionImportInput {
  guideId: string;
  sectionId: string;
  bytes: Uint8Array;
  fileName: string;
  /** Headings of level ≤ splitLevel become sub-sections of the section instead of its text. */
  split: boolean;
  splitLevel: number;
  userId: string;
}

/**
 * Appends a Word file to a section as one server edit, which every open editor receives like a
 * collaborator's. With `split`, the text before the first heading is appended and the headings
 * become new sub-sections (written like a new guide's: documents first, one metadata write).
 * The caller checks who may; this checks that the section exists and is not validated.
 */
export async function importIntoSection(context: ImportContext, input: SectionImportInput): Promise<ImportedIntoSection> {
  const { guides, journal, docStore, live } = context;
  const section = guides.getSection(input.guideId, input.sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  const lockedError = () => new Conflict('section_locked', 'the section is validated: reopen it before importing into it');
  if (isContentLocked(section.status)) throw lockedError();

  const images = storingSink(context.images, input.guideId, input.userId);
  const plan = await planImport(input, context.limits, images);
  // Its figures name the images: they are durable before any text refers to them.
  await images.writeFiles();
  await images.list();
  const intro = input.split ? (plan.sections[0]?.introduction ? plan.sections[0].content : []) : plan.allBlocks;
  const subSections = input.split ? plan.sections.filter((s) => !s.introduction) : [];

  let created: Array<{ id: string; title: string }> = [];
  if (subSections.length > 0) {
    const records = sectionRecords({ sections: subSections });
    const entry = { guideId: input.guideId, newGuide: false, docNames: records.map((r) => r.id) };
    const journalId = await journal.begin(entry);
    try {
      await writeSectionDocuments(docStore, records.map((r, i) => [r.id, subSections[i]!.content]));
      // Checked again: the section may have been validated or trashed while the file converted.
      const now = guides.getSection(input.guideId, input.sectionId);
      if (now.deletedAt !== null || isContentLocked(now.status)) throw lockedError();
      const sections = await guides.createImportedSections(input.guideId, input.sectionId, records);
      await journal.end(journalId);
      created = sections.map((s) => ({ id: s.id, title: s.title }));
      live.structureChanged(input.guideId, guides.getGuide(input.guideId).structureVersion);
    } catch (err) {
      await journal.settle(journalId);
      throw err;
    }
  }
  if (intro.length > 0) {
    const current = guides.getSection(input.guideId, input.sectionId);
    if (current.deletedAt !== null || isContentLocked(current.status)) throw lockedError();
    await live.editSection(input.guideId, current.docName, (doc) => appendBlocks(doc, intro));
  }
  return { sectionId: section.id, blocks: intro.length, createdSections: created, warnings: plan.warnings };
}
