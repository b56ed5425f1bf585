import type { Room } from '@dalil/server/collaboration/room.ts';
import type { YClient } from './yClient.ts';
import { waitFor } from './waitFor.ts';

let next = 0;

/**
 * Resolves once the server has handled every frame `client` sent before the call. The server
 * handles one socket's frames in order, so a presence change seen in the room comes after all of
 * them: after this, "the server did not apply my update" is a fact, not the luck of a sleep.
 */
export async function barrier(client: YClient, room: () => Room | undefined): Promise<void> {
  const token = `barrier-${process.pid}-${++next}`;
  client.provider.awareness.setLocalStateField('barrier', token);
  await waitFor(
    'the server handled everything sent before the barrier',
    () => [...(room()?.awareness.getStates().values() ?? [])].some((state) => state.barrier === token),
    { timeoutMs: 10_000 },
  );
}
