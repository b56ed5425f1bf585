import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { colorForUser } from '@dalil/shared';

/** Largest accepted awareness state (JSON), in UTF-16 code units: a name, a colour, a cursor fit in a few hundred. */
export const MAX_AWARENESS_STATE_LENGTH = 4096;

/** Input the awareness rules refuse; the connection closes with `CloseCode.presenceRefused`. */
export class PresenceRefused extends Error {}

export interface AwarenessIdentity {
  userId: string;
  name: string;
}

/**
 * Rewrites an incoming awareness update so that presence tells the truth: only the first awareness
 * client id a connection used is accepted (no flooding, no impersonating other entries), and its
 * `user` is replaced by the authenticated account (a client may pick its colour, not its name).
 * Returns null when nothing in the update is acceptable. Throws PresenceRefused for a state over
 * MAX_AWARENESS_STATE_LENGTH, another error on malformed input.
 */
export function bindAwarenessUpdate(
  update: Uint8Array,
  identity: AwarenessIdentity,
  bound: { clientId: number | null },
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    bound.clientId ??= clientId;
    if (clientId !== bound.clientId) continue;
    if (json.length > MAX_AWARENESS_STATE_LENGTH) {
      throw new PresenceRefused(`awareness state too large (${json.length} > ${MAX_AWARENESS_STATE_LENGTH})`);
    }
    kept.push([clientId, clock, rewriteState(json, identity)]);
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

function rewriteState(json: string, identity: AwarenessIdentity): string {
  const state: unknown = JSON.parse(json);
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state must be an object');
  const claimed = (state as { user?: { color?: unknown } }).user;
  const color = typeof claimed?.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(claimed.color) ? claimed.color : colorForUser(identity.userId);
  return JSON.stringify({ ...state, user: { id: identity.userId, name: identity.name, color } });
}

