import { useEffect, useState, useSyncExternalStore } from 'react';
import { SectionSession } from './SectionSession.ts';
import type { CollabStatus } from './status.ts';

const idle: CollabStatus = { connection: 'connecting', save: 'unknown' };
const noSubscription = (): (() => void) => () => undefined;

/**
 * The one hook that owns a section's socket lifecycle: opens a session for `docName`, closes it
 * when the section changes or the component unmounts, and exposes its status.
 */
export function useSectionSession(docName: string): { session: SectionSession | null; status: CollabStatus } {
  const [session, setSession] = useState<SectionSession | null>(null);

  useEffect(() => {
    const next = new SectionSession(docName);
    setSession(next);
    return () => {
      setSession(null);
      next.destroy();
    };
  }, [docName]);

  const status = useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    () => (session ? session.status : idle),
  );
  return { session, status };
}
