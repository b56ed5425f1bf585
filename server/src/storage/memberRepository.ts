import type { GuideRole, Invitation, Membership } from '@dalil/shared';
import { Conflict, Gone, notFound } from '../domain/errors.ts';
import type { MetadataChange, MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';

export type InvitationState = 'valid' | 'expired' | 'revoked' | 'used';

/** Who belongs to which guide with which role, and the invitations that bring people in. */
export class MemberRepository {
  constructor(private readonly store: MetadataStore) {}

  roleOf(guideId: string, userId: string): GuideRole | null {
    return this.membersOf(guideId).find((m) => m.userId === userId)?.role ?? null;
  }

  membershipsOf(userId: string): Membership[] {
    return [...this.store.guides()].flatMap((r) => r.memberships.filter((m) => m.userId === userId));
  }

  listMembers(guideId: string): Membership[] {
    return [...this.membersOf(guideId)];
  }

  /** Adds or changes a membership. A guide always keeps at least one coordinator. */
  setRole(guideId: string, userId: string, role: GuideRole): Promise<Membership> {
    return this.store.mutate((change) => {
      const data = change.guide(guideId);
      let membership = data.memberships.find((m) => m.userId === userId);
      if (membership && membership.role === 'coordinator' && role !== 'coordinator') this.requireOtherCoordinator(guideId, userId);
      if (!membership) {
        membership = { guideId, userId, role, createdAt: new Date().toISOString() };
        data.memberships.push(membership);
      }
      membership.role = role;
      return membership;
    });
  }

  /** Adds a member with `role` unless they already are one (their role then stays); says whether they were added. */
  addIfAbsent(guideId: string, userId: string, role: GuideRole): Promise<boolean> {
    return this.store.mutate((change) => {
      const data = change.guide(guideId);
      if (data.memberships.some((m) => m.userId === userId)) return false;
      data.memberships.push({ guideId, userId, role, createdAt: new Date().toISOString() });
      return true;
    });
  }

  /** Removes a member and their section assignments; resolves with the guide's new structure version. */
  removeMember(guideId: string, userId: string): Promise<number> {
    return this.store.mutate((change) => {
      const data = change.guide(guideId);
      const membership = data.memberships.find((m) => m.userId === userId);
      if (!membership) throw notFound('member');
      if (membership.role === 'coordinator') this.requireOtherCoordinator(guideId, userId);
      data.memberships = data.memberships.filter((m) => m !== membership);
      for (const section of data.sections) {
        section.authorIds = section.authorIds.filter((id) => id !== userId);
        section.reviewerIds = section.reviewerIds.filter((id) => id !== userId);
      }
      // Assignees show in every open table of contents: announce it like a structure change.
      const guide = data.guide;
      guide.structureVersion += 1;
      return guide.structureVersion;
    });
  }

  createInvitation(input: {
    guideId: string;
    role: GuideRole;
    tokenHash: string;
    multiUse: boolean;
    expiresInHours: number;
    createdBy: string;
    label?: string | null;
  }): Promise<Invitation> {
    const now = Date.now();
    const invitation: Invitation = {
      id: newId('i'),
      guideId: input.guideId,
      role: input.role,
      tokenHash: input.tokenHash,
      multiUse: input.multiUse,
      expiresAt: new Date(now + input.expiresInHours * 3_600_000).toISOString(),
      revokedAt: null,
      uses: 0,
      createdBy: input.createdBy,
      createdAt: new Date(now).toISOString(),
      label: input.label?.trim() || null,
      usedBy: [],
    };
    return this.store.mutate((change) => {
      change.guide(input.guideId).invitations.push(invitation);
      return invitation;
    });
  }

  listInvitations(guideId: string): Invitation[] {
    return [...(this.store.guide(guideId)?.invitations ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  findInvitationByTokenHash(tokenHash: string): Invitation | undefined {
    for (const records of this.store.guides()) {
      const invitation = records.invitations.find((i) => i.tokenHash === tokenHash);
      if (invitation) return invitation;
    }
    return undefined;
  }

  invitationState(invitation: Invitation, now = new Date().toISOString()): InvitationState {
    if (invitation.revokedAt) return 'revoked';
    if (invitation.expiresAt <= now) return 'expired';
    if (!invitation.multiUse && invitation.uses > 0) return 'used';
    return 'valid';
  }

  revokeInvitation(guideId: string, invitationId: string): Promise<Invitation> {
    return this.store.mutate((change) => {
      const invitation = change.guide(guideId).invitations.find((i) => i.id === invitationId);
      if (!invitation) throw notFound('invitation');
      invitation.revokedAt ??= new Date().toISOString();
      return invitation;
    });
  }

  /**
   * Uses an invitation for `userId`. Checked and applied in one synchronous step, so two people
   * cannot both use a single-use link. An existing member keeps their role: an invitation must not
   * be a way to change one's own role.
   */
  acceptInvitation(tokenHash: string, userId: string): Promise<{ invitation: Invitation; membership: Membership }> {
    return this.store.mutate((change) => this.useInvitation(change, tokenHash, userId));
  }

  /** Throws the reason an invitation cannot be used now; changes nothing. */
  requireUsableInvitation(tokenHash: string): Invitation {
    const invitation = this.findInvitationByTokenHash(tokenHash);
    if (!invitation) throw notFound('invitation');
    const state = this.invitationState(invitation);
    if (state !== 'valid') throw invitationUnusable(state);
    return invitation;
  }

  /** `acceptInvitation` as part of a larger change (inside `MetadataStore.mutate`). */
  useInvitation(change: MetadataChange, tokenHash: string, userId: string): { invitation: Invitation; membership: Membership } {
    const invitation = this.requireUsableInvitation(tokenHash);
    const data = change.guide(invitation.guideId);
    let membership = data.memberships.find((m) => m.userId === userId);
    if (!membership) {
      membership = { guideId: invitation.guideId, userId, role: invitation.role, createdAt: new Date().toISOString() };
      data.memberships.push(membership);
      invitation.uses += 1;
      invitation.usedBy.push({ userId, at: membership.createdAt });
    }
    return { invitation, membership };
  }

  private membersOf(guideId: string): readonly Membership[] {
    return this.store.guide(guideId)?.memberships ?? [];
  }

  private requireOtherCoordinator(guideId: string, userId: string): void {
    const others = this.membersOf(guideId).filter((m) => m.role === 'coordinator' && m.userId !== userId);
    if (others.length === 0) throw new Conflict('last_coordinator', 'a guide must keep at least one coordinator');
  }
}

export function invitationUnusable(state: Exclude<InvitationState, 'valid'>): Gone {
  return new Gone(`invitation_${state}`, `this invitation is ${state === 'used' ? 'already used' : state}`);
}
