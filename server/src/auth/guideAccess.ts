import { can, type GuideAction, type GuideRole, type User } from '@dalil/shared';
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
    if (!this.guides.findGuide(guideId)) throw notFound('guide');
    const role = this.members.roleOf(guideId, user.id);
    if (!role) throw forbidden('you are not a member of this guide');
    if (!can(role, action)) throw forbidden();
    return { user, role };
  }

  /** The user's role in the guide when it allows `action`, else null: for answers without exceptions. */
  roleAllowing(user: User, guideId: string, action: GuideAction): GuideRole | null {
    const role = this.members.roleOf(guideId, user.id);
    return role && can(role, action) ? role : null;
  }
}
