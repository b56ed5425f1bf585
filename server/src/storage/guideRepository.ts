import type { Guide, GuideAction, GuideLanguage, GuideNumbering, Section } from '@dalil/shared';
import { can, tocOrder } from '@dalil/shared';
import { badRequest, Invalid, notFound } from '../domain/errors.ts';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';
import { requiredText } from './requiredText.ts';

export interface NewSection {
  title: string;
  parentId?: string | null;
  position?: number;
}

/** A section an import brings, with its id chosen beforehand (its document is written first). */
export interface ImportedSectionRecord {
  id: string;
  title: string;
  /** Index in the same list of its parent, or null for the import's top level. */
  parentIndex: number | null;
  wordCount: number;
  /** Front matter that takes no number (a new guide's introduction); other imports ignore it. */
  unnumbered?: boolean;
}

export interface SectionChange {
  title?: string;
  parentId?: string | null;
  position?: number;
}

export interface SectionAssignment {
  authorIds?: string[];
  reviewerIds?: string[];
  /** YYYY-MM-DD, or null to remove it. */
  dueDate?: string | null;
}

/**
 * Guides and their table of contents. All rules about structure live here: positions are dense
 * per parent, a section cannot move under itself, trash and restore keep subtrees together.
 */
export class GuideRepository {
  constructor(private readonly store: MetadataStore) {}

  listGuides(): Guide[] {
    return [...this.store.guides()].map((r) => r.guide).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  findGuide(guideId: string): Guide | undefined {
    return this.store.guide(guideId)?.guide;
  }

  getGuide(guideId: string): Guide {
    const guide = this.findGuide(guideId);
    if (!guide) throw notFound('guide');
    return guide;
  }

  /** Live sections in table-of-contents order. */
  listSections(guideId: string): Section[] {
    return tocOrder(this.sectionsOf(guideId).filter((s) => s.deletedAt === null));
  }

  listTrash(guideId: string): Section[] {
    return this.sectionsOf(guideId)
      .filter((s) => s.deletedAt !== null)
      .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
  }

  findSectionByDocName(docName: string): Section | undefined {
    return this.store.guideOfDoc(docName)?.sections.find((s) => s.docName === docName);
  }

  findSection(guideId: string, sectionId: string): Section | undefined {
    return this.sectionsOf(guideId).find((s) => s.id === sectionId);
  }

  isLiveSection(guideId: string, sectionId: string): boolean {
    const section = this.findSection(guideId, sectionId);
    return section !== undefined && section.deletedAt === null;
  }

  liveSectionIds(guideId: string): Set<string> {
    return new Set(this.sectionsOf(guideId).filter((s) => s.deletedAt === null).map((s) => s.id));
  }

  getSection(guideId: string, sectionId: string): Section {
    const section = this.findSection(guideId, sectionId);
    if (!section) throw notFound('section');
    return section;
  }

  /** Creates a guide whose creator is its coordinator, in one write. */
  createGuide(input: { title: string; language: GuideLanguage; coordinatorId: string }): Promise<Guide> {
    const now = new Date().toISOString();
    const guide: Guide = {
      id: newId('g'),
      title: cleanTitle(input.title),
      language: input.language,
      structureVersion: 1,
      requireResolvedThreads: true,
      numbering: { enabled: true, unnumberedSectionIds: [] },
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      deletedAt: null,
    };
    return this.store.mutate((records) => {
      records.addGuide(guide).memberships.push({ guideId: guide.id, userId: input.coordinatorId, role: 'coordinator', createdAt: now });
      return guide;
    });
  }

  /**
   * Creates an imported guide, its coordinator's membership and all its sections in one metadata
   * write: the write that commits an import (its documents exist already, under the sections' ids).
   */
  createImportedGuide(
    input: { id: string; title: string; language: GuideLanguage; coordinatorId: string },
    sections: ImportedSectionRecord[],
  ): Promise<Guide> {
    const now = new Date().toISOString();
    const guide: Guide = {
      id: input.id,
      title: cleanTitle(input.title),
      language: input.language,
      structureVersion: 1,
      requireResolvedThreads: true,
      numbering: { enabled: true, unnumberedSectionIds: sections.filter((s) => s.unnumbered).map((s) => s.id) },
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      deletedAt: null,
    };
    const records = sections.map((s) => ({ ...s, title: cleanTitle(s.title) }));
    return this.store.mutate((change) => {
      if (this.store.guide(guide.id)) throw badRequest('guide id already taken');
      const data = change.addGuide(guide);
      data.memberships.push({ guideId: guide.id, userId: input.coordinatorId, role: 'coordinator', createdAt: now });
      pushImportedSections(data, guide.id, null, records, now);
      return guide;
    });
  }

  /** Adds imported sections under `parentId` (after its existing children) in one write. */
  createImportedSections(guideId: string, parentId: string | null, sections: ImportedSectionRecord[]): Promise<Section[]> {
    const records = sections.map((s) => ({ ...s, title: cleanTitle(s.title) }));
    return this.store.mutate((change) => {
      const data = change.guide(guideId);
      const guide = data.guide;
      if (parentId !== null) this.requireLiveSection(guideId, parentId, 'parent section');
      const created = pushImportedSections(data, guideId, parentId, records, new Date().toISOString());
      touch(guide, true);
      return created;
    });
  }

  updateGuide(guideId: string, change: { title?: string; language?: GuideLanguage; requireResolvedThreads?: boolean; numbering?: GuideNumbering }): Promise<Guide> {
    return this.store.mutate((records) => {
      const guide = records.guide(guideId).guide;
      const title = change.title !== undefined ? cleanTitle(change.title) : guide.title;
      guide.title = title;
      if (change.language !== undefined) guide.language = change.language;
      if (change.requireResolvedThreads !== undefined) guide.requireResolvedThreads = change.requireResolvedThreads;
      if (change.numbering !== undefined) guide.numbering = { enabled: change.numbering.enabled, unnumberedSectionIds: [...new Set<string>(change.numbering.unnumberedSectionIds)] };
      touch(guide, true);
      return guide;
    });
  }

  /** Archives a guide (read-only for everyone, listed apart) or brings it back. */
  setArchived(guideId: string, archived: boolean): Promise<Guide> {
    return this.store.mutate((records) => {
      const guide = records.guide(guideId).guide;
      if (guide.deletedAt !== null) throw notFound('guide');
      guide.archivedAt = archived ? (guide.archivedAt ?? new Date().toISOString()) : null;
      touch(guide, true);
      return guide;
    });
  }

  /** Puts a guide in the trash, or takes it out (`trashed` false). Nothing else of it changes. */
  setTrashed(guideId: string, trashed: boolean): Promise<Guide> {
    return this.store.mutate((records) => {
      const guide = records.guide(guideId).guide;
      if (!trashed && guide.deletedAt === null) throw badRequest('guide is not in the trash');
      guide.deletedAt = trashed ? (guide.deletedAt ?? new Date().toISOString()) : null;
      touch(guide, true);
      return guide;
    });
  }

  /** Guides in the trash since before `cutoff` (ISO time): those whose trash period is over. */
  trashedBefore(cutoff: string): Guide[] {
    return [...this.store.guides()].map((r) => r.guide).filter((g) => g.deletedAt !== null && g.deletedAt <= cutoff);
  }

  /**
   * Removes a guide and everything recorded about it (sections, members, invitations, threads,
   * history, notifications) in one metadata write; returns its sections, whose files the caller
   * deletes next (a crash between the two leaves files nobody names, never a record without its file).
   */
  purgeGuide(guideId: string): Promise<Section[]> {
    return this.store.mutate((records) => {
      const sections = [...records.removeGuide(guideId).sections];
      return sections;
    });
  }

  createSection(guideId: string, input: NewSection): Promise<Section> {
    return this.store.mutate((change) => {
      const data = change.guide(guideId);
      const guide = data.guide;
      const parentId = input.parentId ?? null;
      if (parentId !== null) this.requireLiveSection(guideId, parentId, 'parent section');
      const now = new Date().toISOString();
      const id = newId('s');
      const section: Section = {
        id,
        guideId,
        title: cleanTitle(input.title),
        parentId,
        position: 0,
        status: 'draft',
        docName: id,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        deletionId: null,
        authorIds: [],
        reviewerIds: [],
        wordCount: 0,
        dueDate: null,
        editedAt: null,
      };
      data.sections.push(section);
      placeAmongSiblings(data, section, input.position);
      touch(guide, true);
      return section;
    });
  }

  /**
   * Renames or moves a section (structure) and/or sets who writes and reviews it and when it is due,
   * in one write. Everything is checked before anything changes: a refused change leaves no trace.
   */
  updateSection(guideId: string, sectionId: string, change: SectionChange & SectionAssignment): Promise<Section> {
    return this.store.mutate((records) => {
      const data = records.guide(guideId);
      const guide = data.guide;
      const section = this.requireLiveSection(guideId, sectionId, 'section');
      const title = change.title !== undefined ? cleanTitle(change.title) : section.title;
      const moving = change.parentId !== undefined || change.position !== undefined;
      const parentId = change.parentId !== undefined ? change.parentId : section.parentId;
      if (moving && parentId !== null) {
        this.requireLiveSection(guideId, parentId, 'parent section');
        if (this.isSelfOrDescendant(guideId, sectionId, parentId)) {
          throw badRequest('a section cannot be moved under itself or one of its sub-sections');
        }
      }
      // Assignable: members whose role may do the assigned job (the one permission matrix decides).
      const roleOf = (userId: string) => data.memberships.find((m) => m.userId === userId)?.role;
      const check = (ids: string[] | undefined, job: GuideAction, what: string) => {
        for (const id of ids ?? []) {
          if (!can(roleOf(id), job)) throw new Invalid(`${id} is not a member who can be assigned as ${what}`, 'not_assignable');
        }
      };
      check(change.authorIds, 'workflow.submit', 'author');
      check(change.reviewerIds, 'workflow.review', 'reviewer');
      const dueDate = change.dueDate == null ? null : cleanDueDate(change.dueDate);

      section.title = title;
      if (moving) {
        const oldParent = section.parentId;
        section.parentId = parentId;
        section.position = Number.MAX_SAFE_INTEGER;
        renumber(data, guideId, oldParent);
        placeAmongSiblings(data, section, change.position);
      }
      if (change.authorIds) section.authorIds = [...new Set(change.authorIds)];
      if (change.reviewerIds) section.reviewerIds = [...new Set(change.reviewerIds)];
      if (change.dueDate !== undefined) section.dueDate = dueDate;
      touch(section);
      // Titles, places and assignees all show in every open table of contents.
      touch(guide, true);
      return section;
    });
  }

  /**
   * Records what a section's settled text says: its word count and, when members edited it, when.
   * Writes only when something changed; resolves with whether it did.
   */
  async recordContentSettled(section: Section, wordCount: number, editedAt: string | null, numbered?: Section['numbered']): Promise<boolean> {
    const newerEdit = editedAt !== null && (section.editedAt ?? '') < editedAt;
    const newCounts = numbered !== undefined && JSON.stringify(numbered) !== JSON.stringify(section.numbered);
    if (section.wordCount === wordCount && !newerEdit && !newCounts) return false;
    await this.store.mutate((records) => {
      records.guide(section.guideId);
      section.wordCount = wordCount;
      if (newCounts) section.numbered = numbered;
      if (newerEdit) section.editedAt = editedAt;
    });
    return true;
  }


  /** Moves a section and its live subtree to the trash; returns the trashed sections. */
  trashSection(guideId: string, sectionId: string): Promise<Section[]> {
    return this.store.mutate((records) => {
      const data = records.guide(guideId);
      const guide = data.guide;
      const root = this.requireLiveSection(guideId, sectionId, 'section');
      const deletionId = newId('d', 10);
      const now = new Date().toISOString();
      const trashed = this.liveSubtree(guideId, root.id);
      for (const s of trashed) {
        s.deletedAt = now;
        s.deletionId = deletionId;
      }
      renumber(data, guideId, root.parentId);
      touch(guide, true);
      return trashed;
    });
  }

  /** The sections trashed together with this one (what restoring it brings back). */
  deletionBatch(guideId: string, sectionId: string): Section[] {
    const section = this.getSection(guideId, sectionId);
    if (section.deletionId === null) return [];
    return this.sectionsOf(guideId).filter((s) => s.deletionId === section.deletionId);
  }

  /** Brings back a trashed section with everything trashed together with it. */
  restoreSection(guideId: string, sectionId: string): Promise<Section> {
    return this.store.mutate((records) => {
      const data = records.guide(guideId);
      const guide = data.guide;
      const section = this.getSection(guideId, sectionId);
      if (section.deletedAt === null) throw badRequest('section is not in the trash');
      const batch = data.sections.filter((s) => s.deletionId === section.deletionId);
      // Restore the whole deletion batch around its root, so the subtree comes back intact even if
      // the user picked one of its sub-sections in the trash.
      const batchIds = new Set(batch.map((s) => s.id));
      const root = batch.find((s) => s.parentId === null || !batchIds.has(s.parentId)) ?? section;
      for (const s of batch) {
        s.deletedAt = null;
        s.deletionId = null;
        touch(s);
      }
      if (root.parentId !== null && !this.isLiveSection(guideId, root.parentId)) root.parentId = null;
      const wanted = root.position;
      root.position = Number.MAX_SAFE_INTEGER;
      placeAmongSiblings(data, root, wanted);
      touch(guide, true);
      return root;
    });
  }

  private requireLiveSection(guideId: string, sectionId: string, what: string): Section {
    const section = this.findSection(guideId, sectionId);
    if (!section || section.deletedAt !== null) throw notFound(what);
    return section;
  }

  private sectionsOf(guideId: string): readonly Section[] {
    return this.store.guide(guideId)?.sections ?? [];
  }

  private isSelfOrDescendant(guideId: string, ancestorId: string, candidateId: string): boolean {
    const byId = new Map(this.sectionsOf(guideId).map((s) => [s.id, s]));
    let current: string | null = candidateId;
    for (let hops = 0; current !== null && hops <= byId.size; hops++) {
      if (current === ancestorId) return true;
      current = byId.get(current)?.parentId ?? null;
    }
    return false;
  }

  private liveSubtree(guideId: string, rootId: string): Section[] {
    const live = this.sectionsOf(guideId).filter((s) => s.deletedAt === null);
    const out: Section[] = [];
    const queue = [rootId];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const s = live.find((x) => x.id === id);
      if (s) out.push(s);
      for (const child of live) if (child.parentId === id) queue.push(child.id);
    }
    return out;
  }
}

function pushImportedSections(
  data: { sections: Section[] },
  guideId: string,
  rootParentId: string | null,
  records: ImportedSectionRecord[],
  now: string,
): Section[] {
  const created: Section[] = [];
  const nextPosition = new Map<string | null, number>();
  nextPosition.set(rootParentId, siblingsOf(data, guideId, rootParentId).length);
  for (const record of records) {
    const parentId = record.parentIndex === null ? rootParentId : created[record.parentIndex]!.id;
    const position = nextPosition.get(parentId) ?? 0;
    nextPosition.set(parentId, position + 1);
    const section: Section = {
      id: record.id,
      guideId,
      title: record.title,
      parentId,
      position,
      status: 'draft',
      docName: record.id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      deletionId: null,
      authorIds: [],
      reviewerIds: [],
      wordCount: record.wordCount,
      dueDate: null,
      editedAt: null,
    };
    data.sections.push(section);
    created.push(section);
  }
  return created;
}

function siblingsOf(data: { sections: Section[] }, guideId: string, parentId: string | null): Section[] {
  return data.sections
    .filter((s) => s.guideId === guideId && s.parentId === parentId && s.deletedAt === null)
    .sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
}

function renumber(data: { sections: Section[] }, guideId: string, parentId: string | null): void {
  siblingsOf(data, guideId, parentId).forEach((s, i) => (s.position = i));
}

/** Puts `section` at `position` among its siblings (end when absent or too large), renumbering all. */
function placeAmongSiblings(data: { sections: Section[] }, section: Section, position: number | undefined): void {
  const others = siblingsOf(data, section.guideId, section.parentId).filter((s) => s.id !== section.id);
  const at = Math.max(0, Math.min(position ?? others.length, others.length));
  others.splice(at, 0, section);
  others.forEach((s, i) => (s.position = i));
}

function touch(entity: { updatedAt: string; structureVersion?: number }, structureChanged = false): void {
  entity.updatedAt = new Date().toISOString();
  if (structureChanged && entity.structureVersion !== undefined) entity.structureVersion += 1;
}

function cleanDueDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  // 2026-02-31 parses into March: the round trip catches days that do not exist
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badRequest('dueDate must be a real day written YYYY-MM-DD');
  }
  return value;
}

function cleanTitle(title: string): string {
  return requiredText(title, 'title');
}
