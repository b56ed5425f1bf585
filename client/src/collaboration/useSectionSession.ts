import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AccessSignal } from './accessSignals.ts';
import { SectionSession } from './SectionSession.ts';
import type { CollabStatus } from './status.ts';

const idle: CollabStatus = { connection: 'connecting', save: 'unknown', pending: null };
const noSubscription = (): (() => void) => () => undefined;

/**
 * The one hook that owns a section's socket lifecycle: opens a session for `docName`, closes it
 * when the section changes or the component unmounts, and exposes its status. A change of edit
 * rights opens a new session too: a read-only one never lets local changes out. `onAccessSignal`
 * hears what the server says about our access when it closes the socket.
 */
export function useSectionSession(
  docName: string,
  readOnly: boolean,
  onAccessSignal?: (signal: AccessSignal) => void,
  /** A validated section (see SectionSessionOptions.locked); a change opens a fresh session. */
  locked = false,
): { session: SectionSession | null; status: CollabStatus } {
  const [session, setSession] = useState<SectionSession | null>(null);
  // the latest callback, without reopening the socket when the caller's function changes
  const signalHandler = useRef(onAccessSignal);
  signalHandler.current = onAccessSignal;

  useEffect(() => {
    const next = new SectionSession(docName, { readOnly, locked, onAccessSignal: (signal) => signalHandler.current?.(signal) });
    setSession(next);
    return () => {
      setSession(null);
      next.destroy();
    };
  }, [docName, readOnly, locked]);

  const status = useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    () => (session ? session.status : idle),
  );
  return { session, status };
}
