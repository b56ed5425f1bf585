import { Type, type Static } from '@sinclair/typebox';
import { MAX_NAME_LENGTH } from '../identity/accountRules.ts';
import { Nullable, Role } from './common.ts';

/** Wire shapes of invitation links (`/api/guides/:guideId/invitations`, `/api/invitations/:token`). */

export const InvitationView = Type.Object({
  id: Type.String(),
  role: Role,
  multiUse: Type.Boolean(),
  expiresAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  uses: Type.Integer(),
  createdAt: Type.String(),
  /** Whom the link is for, in the coordinator's words. */
  label: Nullable(Type.String()),
  /** Who joined with it (names as they are now), oldest first. */
  usedBy: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), at: Type.String() })),
});
export type InvitationView = Static<typeof InvitationView>;

/** Only returned once, when the invitation is created: the token is not stored in clear. */
export const CreatedInvitationView = Type.Object({
  ...InvitationView.properties,
  token: Type.String(),
  /** Path of the acceptance page, to prefix with the server's origin. */
  path: Type.String(),
});
export type CreatedInvitationView = Static<typeof CreatedInvitationView>;

export const CreateInvitationBody = Type.Object(
  {
    role: Role,
    multiUse: Type.Optional(Type.Boolean()),
    expiresInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 90 })),
    label: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const InvitationTokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });

export const InvitationPreview = Type.Object({
  guideId: Type.String(),
  guideTitle: Type.String(),
  role: Role,
  /** false when expired, revoked or used up. */
  valid: Type.Boolean(),
  reason: Nullable(Type.Union([Type.Literal('expired'), Type.Literal('revoked'), Type.Literal('used')])),
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const AcceptInvitationBody = Type.Object(
  {
    /** Needed only when the caller has no session: creates the account. */
    email: Type.Optional(Type.String({ maxLength: 320 })),
    name: Type.Optional(Type.String({ maxLength: MAX_NAME_LENGTH })),
    password: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;

export const AcceptedInvitation = Type.Object({ guideId: Type.String(), role: Role });
export type AcceptedInvitation = Static<typeof AcceptedInvitation>;
