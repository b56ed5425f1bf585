import type { Room } from '@dalil/server/collaboration/room.ts';
import type { YClient } from './yClient.ts';
import { waitFor } from './waitFor.ts';

let next = 0;

/**
 * Resolves once the server has handled every frame `client` sent before the call. The server
 * handles one socket's frames in order, so a presence change seen in the room comes after all of
 * them: after this, "the server did not apply my update" is a fact, not the luck of a sleep. With
 * `alsoSeenBy`, also waits until those peers received the token, so "nothing was relayed to them"
 * is a fact too.
 */
export async function barrier(client: YClient, room: () => Room | undefined, alsoSeenBy: YClient[] = []): Promise<void> {
  const token = `barrier-${process.pid}-${++next}`;
  client.provider.awareness.setLocalStateField('barrier', token);
  const hasToken = (states: Map<number, Record<string, unknown>> | undefined) =>
    [...(states?.values() ?? [])].some((state) => state.barrier === token);
  await waitFor('the server handled everything sent before the barrier', () => hasToken(room()?.awareness.getStates()), {
    timeoutMs: 10_000,
  });
  // The server relays to each socket in order: a peer that has the token has everything the server
  // relayed to it before.
  await waitFor('peers received everything relayed before the barrier', () => alsoSeenBy.every((peer) => hasToken(peer.provider.awareness.getStates())), {
    timeoutMs: 10_000,
  });
}
