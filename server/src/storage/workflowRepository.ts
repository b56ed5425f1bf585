import type { WorkflowEvent } from '@dalil/shared';
import { Conflict, notFound } from '../domain/errors.ts';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';

/** A transition to record; `from` is the status the caller's decision was made against. */
export type NewTransition = Omit<WorkflowEvent, 'id' | 'createdAt'>;

/**
 * Section statuses and their history. Which transition is allowed is decided by the shared
 * workflow module before we get here; this only applies one atomically with its record.
 */
export class WorkflowRepository {
  constructor(private readonly store: MetadataStore) {}

  /** Oldest first. */
  historyOf(guideId: string, sectionId: string): WorkflowEvent[] {
    return (this.store.guide(guideId)?.workflowEvents ?? []).filter((e) => e.sectionId === sectionId);
  }

  /** The latest validation of a section (its snapshot is what later versions are compared with). */
  lastValidation(guideId: string, sectionId: string): WorkflowEvent | undefined {
    return this.historyOf(guideId, sectionId).findLast((e) => e.to === 'validated');
  }

  /**
   * The submission before the current one, when the section is in review again after being sent
   * back or withdrawn since its last validation: the text the reviewer saw in the previous round.
   */
  previousSubmission(guideId: string, sectionId: string): WorkflowEvent | undefined {
    const history = this.historyOf(guideId, sectionId);
    const lastValidated = history.findLastIndex((e) => e.to === 'validated');
    const submissions = history.filter((e, i) => i > lastValidated && e.to === 'review' && e.snapshotId);
    return submissions.length >= 2 ? submissions[submissions.length - 2] : undefined;
  }

  /** The transition that sent the section back to draft, while it is still the latest one. */
  pendingChangeRequest(guideId: string, sectionId: string): WorkflowEvent | undefined {
    const last = this.historyOf(guideId, sectionId).at(-1);
    if (!last || last.from !== 'review' || last.to !== 'draft') return undefined;
    // Events recorded before transitions were named: from review to draft was a change request.
    return last.transition === undefined || last.transition === 'requestChanges' ? last : undefined;
  }

  /** When each section of a guide last changed status. */
  lastTransitionAt(guideId: string): Map<string, string> {
    const at = new Map<string, string>();
    for (const e of this.store.guide(guideId)?.workflowEvents ?? []) at.set(e.sectionId, e.createdAt);
    return at;
  }

  /**
   * Sets the new status and records the transition in one write. The status is checked again here:
   * when two people act at once, the second finds the section moved on and gets 409.
   * Bumps the guide's structure version (status shows in every table of contents).
   */
  record(input: NewTransition): Promise<{ event: WorkflowEvent; structureVersion: number }> {
    return this.store.mutate((change) => {
      if (!this.store.guide(input.guideId)) throw notFound('section');
      const data = change.guide(input.guideId);
      const guide = data.guide;
      const section = data.sections.find((s) => s.id === input.sectionId && s.deletedAt === null);
      if (!section) throw notFound('section');
      if (section.status !== input.from) {
        throw new Conflict('transition_not_allowed', `the section is now ${section.status}, no longer ${input.from}; reload it`);
      }
      const now = new Date().toISOString();
      const event: WorkflowEvent = {
        id: newId('w'),
        guideId: input.guideId,
        sectionId: input.sectionId,
        from: input.from,
        to: input.to,
        actorId: input.actorId,
        note: input.note,
        createdAt: now,
        snapshotId: input.snapshotId,
        ...(input.transition ? { transition: input.transition } : {}),
      };
      change.workflowOf(input.guideId).workflowEvents.push(event);
      section.status = input.to;
      section.updatedAt = now;
      guide.updatedAt = now;
      guide.structureVersion += 1;
      return { event, structureVersion: guide.structureVersion };
    });
  }
}
