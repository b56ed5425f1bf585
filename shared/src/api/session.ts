import { Type, type Static } from '@sinclair/typebox';
import { GUIDE_ROLES } from '../permissions/roles.ts';

/**
 * `GET /api/me/session`: who is signed in, or nobody. Always 200, so that a signed-out visit (an
 * expected state, not an error) does not make the browser log a failed request the way the 401
 * of `GET /api/me` does.
 */
export const SessionViewSchema = Type.Object(
  {
    me: Type.Union([
      Type.Null(),
      Type.Object({
        user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
        csrfToken: Type.String(),
        memberships: Type.Array(Type.Object({ guideId: Type.String(), role: Type.Union(GUIDE_ROLES.map((r) => Type.Literal(r))) })),
      }),
    ]),
  },
  { additionalProperties: false },
);
export type SessionView = Static<typeof SessionViewSchema>;
