import { can } from './matrix.ts';
import type { GuideRole } from './roles.ts';

/**
 * Ownership rules of comment messages, on top of the role matrix: a member may change only their
 * own words; a coordinator may delete anyone's (moderation) but never rewrite them.
 */
export interface MessageOwnership {
  authorId: string;
  deleted: boolean;
}

export function canEditMessage(role: GuideRole | null | undefined, userId: string, message: MessageOwnership): boolean {
  return can(role, 'section.comment') && !message.deleted && message.authorId === userId;
}

export function canDeleteMessage(role: GuideRole | null | undefined, userId: string, message: MessageOwnership): boolean {
  if (message.deleted) return false;
  return (can(role, 'section.comment') && message.authorId === userId) || can(role, 'thread.moderate');
}
