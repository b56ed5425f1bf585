import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AccessSignal } from './accessSignals.ts';
import { IDLE_SECTION_STATUS, SectionSession } from './SectionSession.ts';
import type { CollabStatus } from './status.ts';

const noSubscription = (): (() => void) => () => undefined;

/**
 * The one hook that owns a section's socket lifecycle: opens a session for `docName`, closes it
 * when the section changes or the component unmounts, and says whether it has synced (a boolean:
 * the status line's frequent changes are read by `useSectionStatus`, not here). A change of edit
 * rights opens a new session too: a read-only one never lets local changes out. `onAccessSignal`
 * hears what the server says about our access when it closes the socket.
 */
export function useSectionSession(
  docName: string,
  readOnly: boolean,
  onAccessSignal?: (signal: AccessSignal) => void,
  /** A validated section (see SectionSessionOptions.locked); a change opens a fresh session. */
  locked = false,
  /** Asked when a session opens: the document's state if it is already on its way (SectionSessionOptions.initialState). */
  initialState?: () => Promise<Uint8Array> | undefined,
): { session: SectionSession | null; synced: boolean } {
  const [session, setSession] = useState<SectionSession | null>(null);
  // the latest callback, without reopening the socket when the caller's function changes
  const signalHandler = useRef(onAccessSignal);
  signalHandler.current = onAccessSignal;
  const stateSource = useRef(initialState);
  stateSource.current = initialState;

  useEffect(() => {
    const next = new SectionSession(docName, {
      readOnly,
      locked,
      onAccessSignal: (signal) => signalHandler.current?.(signal),
      initialState: stateSource.current?.(),
    });
    // the editor comes once the document holds the local copy (SectionSession.localReady)
    void next.localReady.then(() => {
      if (!next.isDestroyed) setSession(next);
    });
    return () => {
      setSession(null);
      next.destroy();
    };
  }, [docName, readOnly, locked]);

  const synced = useSyncExternalStore(session ? session.subscribe : noSubscription, () => session?.synced ?? false);
  return { session, synced };
}

/** The session's full status (connection, saved, pending changes): changes while typing. */
export function useSectionStatus(session: SectionSession | null): CollabStatus {
  return useSyncExternalStore(session ? session.subscribe : noSubscription, () => (session ? session.status : IDLE_SECTION_STATUS));
}
