import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { AccessSignal } from './accessSignals.ts';
import { SectionSession } from './SectionSession.ts';
import type { CollabStatus } from './status.ts';

const idle: CollabStatus = { connection: 'connecting', save: 'unknown' };
const noSubscription = (): (() => void) => () => undefined;

/**
 * The one hook that owns a section's socket lifecycle: opens a session for `docName`, closes it
 * when the section changes or the component unmounts, and exposes its status. `onAccessSignal`
 * hears what the server says about our access when it closes the socket.
 */
export function useSectionSession(
  docName: string,
  onAccessSignal?: (signal: AccessSignal) => void,
  locked = false,
): { session: SectionSession | null; status: CollabStatus } {
  const [session, setSession] = useState<SectionSession | null>(null);
  // the latest callback, without reopening the socket when the caller's function changes
  const signalHandler = useRef(onAccessSignal);
  signalHandler.current = onAccessSignal;

  useEffect(() => {
    const next = new SectionSession(docName, (signal) => signalHandler.current?.(signal), locked);
    setSession(next);
    return () => {
      setSession(null);
      next.destroy();
    };
    // a lock change means a fresh document from the server (see SectionSession)
  }, [docName, locked]);

  const status = useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    () => (session ? session.status : idle),
  );
  return { session, status };
}
