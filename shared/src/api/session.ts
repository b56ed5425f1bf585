import { Type, type Static } from '@sinclair/typebox';
import { MeView } from './account.ts';
import { Nullable } from './common.ts';

/**
 * `GET /api/me/session`: who is signed in, or nobody. Always 200, so that a signed-out visit (an
 * expected state, not an error) does not make the browser log a failed request the way the 401
 * of `GET /api/me` does.
 */
export const SessionViewSchema = Type.Object({ me: Nullable(MeView) }, { additionalProperties: false });
export type SessionView = Static<typeof SessionViewSchema>;
