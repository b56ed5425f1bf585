import { can, guideState, type GuideAction, type GuideRole, type User } from '@dalil/shared';
import { Forbidden, notFound, Unauthenticated } from '../domain/errors.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';

export const unauthenticated = () => new Unauthenticated();
export const forbidden = (message?: string) => new Forbidden(message);

/** Who is acting and with which role, once `authorize` let them through. */
export interface Actor {
  user: User;
  role: GuideRole;
}

/**
 * Answers "may this user do this in this guide?" for REST routes and the WebSocket handshake alike,
 * by asking the shared permission matrix about the user's role in the guide.
 */
export class GuideAccess {
  constructor(
    private readonly guides: GuideRepository,
    private readonly members: MemberRepository,
  ) {}

  /** The caller and their role when `action` is allowed; otherwise Unauthenticated, NotFound (no such guide) or Forbidden. */
  authorize(user: User | null | undefined, guideId: string, action: GuideAction): Actor {
    if (!user) throw unauthenticated();
    const guide = this.guides.findGuide(guideId);
    if (!guide) throw notFound('guide');
    const role = this.members.roleOf(guideId, user.id);
    const state = guideState(guide);
    // a guide in the trash is gone for everyone but the coordinators who may restore it
    if (state === 'trashed' && !can(role, action, state)) throw notFound('guide');
    if (!role) throw forbidden('you are not a member of this guide');
    if (!can(role, action)) throw forbidden();
    if (!can(role, action, state)) throw new Forbidden('this guide is archived: it is read-only until a coordinator restores it', 'guide_archived');
    return { user, role };
  }

  /** The user's role in the guide when it allows `action` (in the guide's current state), else null: for answers without exceptions. */
  roleAllowing(user: User, guideId: string, action: GuideAction): GuideRole | null {
    const guide = this.guides.findGuide(guideId);
    const role = this.members.roleOf(guideId, user.id);
    return guide && role && can(role, action, guideState(guide)) ? role : null;
  }
}
