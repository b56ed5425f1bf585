import type { Invitation, InvitationView } from '@dalil/shared';

/** An invitation as the API shows it: never its token or hash. `nameOf` gives the current names of those who used it. */
export function invitationView(i: Invitation, nameOf: (userId: string) => string | undefined): InvitationView {
  return {
    label: i.label,
    usedBy: i.usedBy.flatMap((use) => {
      const name = nameOf(use.userId);
      return name === undefined ? [] : [{ userId: use.userId, name, at: use.at }];
    }),
    id: i.id,
    role: i.role,
    multiUse: i.multiUse,
    expiresAt: i.expiresAt,
    revokedAt: i.revokedAt,
    uses: i.uses,
    createdAt: i.createdAt,
  };
}
