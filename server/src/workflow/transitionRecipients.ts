import type { Membership, NotificationKind, Section, TransitionName } from '@dalil/shared';

/**
 * Who hears of a transition: reviewers of a submitted section (the assigned ones, or every
 * reviewer of the guide when none is assigned, since any of them may then review it) and of a
 * submission withdrawn, authors of changes requested and approvals, both of a reopening. The
 * guide's coordinators hear of submissions (and their withdrawal) and approvals too: they pilot
 * the writing from afar, and a section sent for review or validated is a step of the deliverable. The actor is left out
 * by the repository.
 */
export function transitionRecipients(
  section: Pick<Section, 'authorIds' | 'reviewerIds'>,
  transition: TransitionName,
  members: readonly Membership[],
): { kind: NotificationKind; recipientIds: string[] } {
  const reviewers = (): string[] =>
    section.reviewerIds.length > 0 ? [...section.reviewerIds] : members.filter((m) => m.role === 'reviewer').map((m) => m.userId);
  const coordinators = (): string[] => members.filter((m) => m.role === 'coordinator').map((m) => m.userId);
  switch (transition) {
    case 'submit':
      return { kind: 'submitted', recipientIds: [...reviewers(), ...coordinators()] };
    case 'withdraw':
      return { kind: 'withdrawn', recipientIds: [...reviewers(), ...coordinators()] };
    case 'approve':
      return { kind: 'approved', recipientIds: [...section.authorIds, ...coordinators()] };
    case 'requestChanges':
      return { kind: 'changesRequested', recipientIds: [...section.authorIds] };
    case 'reopen':
      return { kind: 'reopened', recipientIds: [...section.authorIds, ...section.reviewerIds] };
  }
}
