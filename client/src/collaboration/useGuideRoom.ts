import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AccessSignal } from './accessSignals.ts';
import { GuideRoom, IDLE_GUIDE_ROOM, type GuideRoomSnapshot } from './GuideRoom.ts';
import type { PresenceState } from './presence.ts';
import { useAfterSectionEditor } from '../loading/useAfterSectionEditor.ts';

const noSubscription = (): (() => void) => () => undefined;

/**
 * Owns the guide room's socket for as long as the guide is open, and keeps our presence
 * (name, colour, open section) published in it. `onAccessSignal` hears what the server says
 * about our access (session ended, removed, role changed) when it closes the socket.
 */
export function useGuideRoom(
  roomName: string | null,
  /** null: listen to the room's announcements without appearing in it (pages outside the guide's text). */
  presence: PresenceState | null,
  onAccessSignal?: (signal: AccessSignal) => void,
  /** The `contentVersion` of the guide the page shows (see GuideRoom). */
  loadedContentVersion?: number | null,
): GuideRoomSnapshot {
  const [room, setRoom] = useState<GuideRoom | null>(null);
  const user = presence?.user ?? null;
  const sectionId = presence?.sectionId ?? null;
  const signalHandler = useRef(onAccessSignal);
  signalHandler.current = onAccessSignal;
  // read when the room first syncs, so the guide's freshest reply counts (not a kept copy's)
  const loadedContent = useRef(loadedContentVersion);
  loadedContent.current = loadedContentVersion;
  const tracksContent = loadedContentVersion !== undefined;

  const afterEditor = useAfterSectionEditor();
  useEffect(() => {
    if (!roomName || !afterEditor) return undefined;
    const next = new GuideRoom(
      roomName,
      presence,
      (signal) => signalHandler.current?.(signal),
      tracksContent ? () => loadedContent.current ?? null : undefined,
    );
    setRoom(next);
    return () => {
      setRoom(null);
      next.destroy();
    };
    // presence changes are pushed by the effect below; only the room name reopens the socket (it
    // first opens once a page load that opened on a section has its editor)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomName, afterEditor]);

  useEffect(() => {
    if (user) room?.setPresence({ user: { id: user.id, name: user.name, color: user.color }, sectionId });
  }, [room, user?.id, user?.name, user?.color, sectionId]);

  return useSyncExternalStore(room ? room.subscribe : noSubscription, () => (room ? room.snapshot : IDLE_GUIDE_ROOM));
}
