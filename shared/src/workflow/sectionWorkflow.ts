import type { SectionStatus } from '../types/domain.ts';
import type { GuideRole } from '../permissions/roles.ts';
import { can, type GuideAction } from '../permissions/matrix.ts';

export const TRANSITION_NAMES = ['submit', 'approve', 'requestChanges', 'reopen', 'withdraw'] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** Which assignment the acting member needs, unless they coordinate the guide. */
type Assignment = 'author' | 'reviewer' | null;

export interface TransitionRule {
  name: TransitionName;
  from: SectionStatus;
  to: SectionStatus;
  /** The permission-matrix action the role must hold. */
  action: GuideAction;
  assignment: Assignment;
  noteRequired: boolean;
}

/**
 * The section workflow: the only table of allowed transitions. Roles come from the permission
 * matrix (workflow.submit / review / reopen); on top of it:
 * - submitting needs to be one of the section's assigned authors (coordinators always may);
 * - reviewing needs to be one of its assigned reviewers *when reviewers are assigned*; a section
 *   without assigned reviewers may be reviewed by any reviewer of the guide, so nothing waits on
 *   an assignment nobody made;
 * - withdrawing a submission (to keep writing, since the text is frozen during review) needs to be
 *   one of its assigned authors, or the coordinator.
 * Two transitions lead from review to draft (requestChanges, withdraw): a request names the one it
 * means; without a name the first rule of the table the member may make is taken.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { name: 'submit', from: 'draft', to: 'review', action: 'workflow.submit', assignment: 'author', noteRequired: false },
  { name: 'approve', from: 'review', to: 'validated', action: 'workflow.review', assignment: 'reviewer', noteRequired: false },
  { name: 'requestChanges', from: 'review', to: 'draft', action: 'workflow.review', assignment: 'reviewer', noteRequired: true },
  { name: 'reopen', from: 'validated', to: 'draft', action: 'workflow.reopen', assignment: null, noteRequired: true },
  { name: 'withdraw', from: 'review', to: 'draft', action: 'workflow.withdraw', assignment: 'author', noteRequired: false },
];

export const MAX_TRANSITION_NOTE_LENGTH = 2000;

export interface WorkflowActor {
  userId: string;
  role: GuideRole | null;
}

export interface WorkflowSubject {
  status: SectionStatus;
  authorIds: readonly string[];
  reviewerIds: readonly string[];
}

export type TransitionDecision =
  | { ok: true; rule: TransitionRule }
  /** No transition leads from the current state to the target, for anybody (HTTP 409). */
  | { ok: false; reason: 'notFromState'; allowedTargets: SectionStatus[] }
  /** The transition exists but this member may not make it (HTTP 403). */
  | { ok: false; reason: 'forbidden'; rule: TransitionRule }
  /** The transition needs a note saying why (HTTP 400). */
  | { ok: false; reason: 'noteRequired'; rule: TransitionRule };

/** May this member make this transition on this section (role and assignment; not the note)? */
export function mayMake(rule: TransitionRule, subject: WorkflowSubject, actor: WorkflowActor): boolean {
  if (!can(actor.role, rule.action)) return false;
  if (actor.role === 'coordinator') return true;
  if (rule.assignment === 'author') return subject.authorIds.includes(actor.userId);
  if (rule.assignment === 'reviewer') return subject.reviewerIds.length === 0 || subject.reviewerIds.includes(actor.userId);
  return true;
}

/** Decides a requested transition: the server asks this for every REST transition. */
export function decideTransition(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  to: SectionStatus,
  note?: string | null,
  name?: TransitionName,
): TransitionDecision {
  const candidates = TRANSITIONS.filter((r) => r.from === subject.status && r.to === to && (name === undefined || r.name === name));
  const rule = candidates.find((r) => mayMake(r, subject, actor)) ?? candidates[0];
  if (!rule) {
    return { ok: false, reason: 'notFromState', allowedTargets: [...new Set(TRANSITIONS.filter((r) => r.from === subject.status).map((r) => r.to))] };
  }
  if (!mayMake(rule, subject, actor)) return { ok: false, reason: 'forbidden', rule };
  if (rule.noteRequired && !(note ?? '').trim()) return { ok: false, reason: 'noteRequired', rule };
  return { ok: true, rule };
}

/** The transitions this member may make now (what the client offers as buttons). */
export function availableTransitions(subject: WorkflowSubject, actor: WorkflowActor): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.from === subject.status && mayMake(r, subject, actor));
}

/**
 * A section's text is frozen for everyone while it is in review (the reviewer judges a fixed text;
 * its author withdraws the submission to keep writing) and once validated, until it is reopened.
 * Comments stay open in both.
 */
export function isContentLocked(status: SectionStatus): boolean {
  return status === 'review' || status === 'validated';
}
