import {
  decideTransition,
  isContentLocked,
  type BlockingThread,
  type GuideRole,
  type SectionStatus,
  type TransitionName,
  type TransitionRule,
  type WorkflowEvent,
} from '@dalil/shared';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { SnapshotStore } from '../storage/snapshotStore.ts';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { SuggestionRepository } from '../storage/suggestionRepository.ts';
import type { WorkflowRepository } from '../storage/workflowRepository.ts';
import type { LiveDocuments } from '../routes/routeServices.ts';
import { newId } from '../storage/ids.ts';
import { approvedContent } from './approvedContent.ts';
import { figuresWithoutAlt } from './figuresWithoutAlt.ts';
import { transitionRecipients } from './transitionRecipients.ts';

export interface TransitionServices {
  guides: GuideRepository;
  members: MemberRepository;
  threads: ThreadRepository;
  suggestions: SuggestionRepository;
  live: LiveDocuments;
  workflow: WorkflowRepository;
  snapshots: SnapshotStore;
  notifications: NotificationRepository;
}

export interface TransitionRequest {
  guideId: string;
  sectionId: string;
  actorId: string;
  /** The actor's role in the guide (null when not a member: refused). */
  role: GuideRole | null;
  to: SectionStatus;
  /** Which transition is meant when several lead to `to`. */
  transition?: TransitionName;
  note?: string | null;
}

export type TransitionOutcome =
  | { ok: true; event: WorkflowEvent; structureVersion: number; notifyError: unknown }
  | { ok: false; reason: 'trashed' }
  | { ok: false; reason: 'notFromState'; from: SectionStatus; allowedTargets: SectionStatus[] }
  | { ok: false; reason: 'forbidden'; rule: TransitionRule; byAssignment: boolean }
  | { ok: false; reason: 'noteRequired'; rule: TransitionRule }
  | { ok: false; reason: 'openThreads'; threads: BlockingThread[] }
  | { ok: false; reason: 'openSuggestions'; count: number }
  | { ok: false; reason: 'figuresWithoutAlt'; figures: number[] };

/**
 * Moves a section through the workflow: decides with the shared state machine, refuses an
 * approval while threads are open (when the guide asks for it), freezes the text when it enters
 * review or validation and keeps a snapshot of the text submitted or approved (what later rounds
 * are compared with), records the transition, and tells the people concerned.
 * A concurrent transition that won the race makes the repository throw a Conflict (409).
 */
export async function transitionSection(services: TransitionServices, request: TransitionRequest): Promise<TransitionOutcome> {
  const { guides, members, threads, live, workflow, snapshots, notifications } = services;
  const { guideId, sectionId, actorId, role } = request;
  const section = guides.getSection(guideId, sectionId);
  if (section.deletedAt !== null) return { ok: false, reason: 'trashed' };
  const note = request.note?.trim() || null;
  const from = section.status;
  const decision = decideTransition(section, { userId: actorId, role }, request.to, note, request.transition);
  if (!decision.ok) {
    if (decision.reason === 'notFromState') return { ok: false, reason: 'notFromState', from, allowedTargets: decision.allowedTargets };
    if (decision.reason === 'forbidden') {
      return { ok: false, reason: 'forbidden', rule: decision.rule, byAssignment: decision.rule.assignment !== null && role !== 'coordinator' };
    }
    return { ok: false, reason: 'noteRequired', rule: decision.rule };
  }
  const rule = decision.rule;

  if (rule.to === 'validated' && guides.getGuide(guideId).requireResolvedThreads) {
    const open = threads.openThreadsOf(guideId, sectionId);
    if (open.length > 0) return { ok: false, reason: 'openThreads', threads: open.map((t) => ({ id: t.id, sectionId, quote: t.quote })) };
  }

  // Open suggestions would be frozen with the text (nobody may accept one in review): decide them first.
  if ((rule.to === 'review' || rule.to === 'validated') && guides.getGuide(guideId).requireResolvedThreads) {
    const count = services.suggestions.openOf(guideId, sectionId).length;
    if (count > 0) return { ok: false, reason: 'openSuggestions', count };
  }

  if (rule.to === 'review') {
    // accessibility: every figure needs a description before reviewers see the section
    const figures = await live.readSection(guideId, section.docName, figuresWithoutAlt);
    if (figures.length > 0) return { ok: false, reason: 'figuresWithoutAlt', figures };
  }

  // Submissions and validations keep the text as it was decided on.
  const keepsSnapshot = rule.to === 'review' || rule.to === 'validated';
  let snapshotId: string | null = null;
  let result: Awaited<ReturnType<WorkflowRepository['record']>>;
  try {
    if (keepsSnapshot) {
      // Lock first, then read: no update can slip in between the snapshot and the lock.
      live.setSectionLocked(section.docName, true);
      snapshotId = newId('v');
      await snapshots.save(sectionId, snapshotId, await live.readSection(guideId, section.docName, approvedContent));
    }
    result = await workflow.record({ guideId, sectionId, from, to: rule.to, actorId, note, snapshotId, transition: rule.name });
  } finally {
    // Whatever happened, the lock follows the status now stored (a concurrent transition may have won).
    live.setSectionLocked(section.docName, isContentLocked(guides.getSection(guideId, sectionId).status));
  }
  live.structureChanged(guideId, result.structureVersion);

  const { kind, recipientIds } = transitionRecipients(section, rule.name, members.listMembers(guideId));
  let notifyError: unknown = null;
  await notifications.notify({ recipientIds, actorId, guideId, sectionId, kind, note }).catch((err: unknown) => {
    notifyError = err;
  });
  return { ok: true, event: result.event, structureVersion: result.structureVersion, notifyError };
}
