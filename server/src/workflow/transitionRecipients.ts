import type { Membership, NotificationKind, Section, SectionStatus } from '@dalil/shared';

/**
 * Who hears of a transition: reviewers of a submitted section (the assigned ones, or every
 * reviewer of the guide when none is assigned, since any of them may then review it), authors of
 * changes requested and approvals, both of a reopening. The actor is left out by the repository.
 */
export function transitionRecipients(
  section: Pick<Section, 'authorIds' | 'reviewerIds'>,
  from: SectionStatus,
  to: SectionStatus,
  members: readonly Membership[],
): { kind: NotificationKind; recipientIds: string[] } {
  if (from === 'draft' && to === 'review') {
    const reviewers = section.reviewerIds.length > 0 ? section.reviewerIds : members.filter((m) => m.role === 'reviewer').map((m) => m.userId);
    return { kind: 'submitted', recipientIds: reviewers };
  }
  if (to === 'validated') return { kind: 'approved', recipientIds: [...section.authorIds] };
  if (from === 'review') return { kind: 'changesRequested', recipientIds: [...section.authorIds] };
  return { kind: 'reopened', recipientIds: [...section.authorIds, ...section.reviewerIds] };
}
