import type { GuideState } from '../types/domain.ts';
import type { GuideRole } from './roles.ts';

/**
 * Everything a member may ask to do in a guide. The server checks these (REST routes and the
 * WebSocket handshake); the client only uses them to hide what would be refused.
 */
export const GUIDE_ACTIONS = [
  'guide.read',
  'guide.update',
  /** Archive a guide (read-only for everyone) and bring it back. */
  'guide.archive',
  /** Put a guide in the trash (purged after the retention period) and restore it meanwhile. */
  'guide.delete',
  'section.editText',
  'section.comment',
  'thread.moderate',
  'structure.manage',
  'members.read',
  'members.manage',
  'sections.assign',
  'workflow.submit',
  'workflow.withdraw',
  'workflow.review',
  'workflow.reopen',
  'guide.export',
  /** Make versions of the whole guide and restore a section from one (reading them is guide.read). */
  'versions.manage',
  /** Upload a picture into the guide (a figure of the text): whoever may edit the text. */
  'image.upload',
  /** Propose a change to a section's text (written as a suggestion, never into the text itself). */
  'suggestion.create',
  /** Accept or reject anyone's suggestion (an accepted one becomes ordinary text). */
  'suggestion.decide',
] as const;
export type GuideAction = (typeof GUIDE_ACTIONS)[number];

/**
 * The role × action matrix: the one place that decides who may do what.
 * Contributors (CSOs) bring cases and comment but do not rewrite the text; reviewers comment and
 * decide on sections; readers only read.
 */
const MATRIX: Record<GuideRole, ReadonlySet<GuideAction>> = {
  coordinator: new Set(GUIDE_ACTIONS),
  author: new Set<GuideAction>([
    'guide.read',
    'section.editText',
    'section.comment',
    'members.read',
    'workflow.submit',
    'workflow.withdraw',
    'guide.export',
    'image.upload',
    'suggestion.create',
    'suggestion.decide',
  ]),
  contributor: new Set<GuideAction>(['guide.read', 'section.comment', 'members.read', 'suggestion.create']),
  reviewer: new Set<GuideAction>(['guide.read', 'section.comment', 'members.read', 'workflow.review', 'guide.export', 'suggestion.create']),
  reader: new Set<GuideAction>(['guide.read']),
};

/**
 * What the guide's state still allows, whatever the role: an archived guide is read-only for
 * everyone (reading, exporting, and its coordinators bringing it back or deleting it); a guide
 * in the trash only lets its coordinators restore it.
 */
const STATE_ALLOWS: Record<Exclude<GuideState, 'active'>, ReadonlySet<GuideAction>> = {
  archived: new Set<GuideAction>(['guide.read', 'members.read', 'guide.export', 'guide.archive', 'guide.delete']),
  trashed: new Set<GuideAction>(['guide.delete']),
};

export function can(role: GuideRole | null | undefined, action: GuideAction, state: GuideState = 'active'): boolean {
  if (role == null || !MATRIX[role].has(action)) return false;
  return state === 'active' || STATE_ALLOWS[state].has(action);
}

/** The actions a role allows in a guide in this state, as sent to clients with each guide (so they never re-derive them). */
export function allowedActions(role: GuideRole | null | undefined, state: GuideState = 'active'): GuideAction[] {
  return GUIDE_ACTIONS.filter((action) => can(role, action, state));
}
