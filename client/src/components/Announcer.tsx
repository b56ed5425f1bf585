import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the whole app: screen readers hear what keyboard moves and structure
 * actions did ("position 2 of 5, level 1") without focus leaving the table of contents.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const toggle = useRef(false);
  const announce = useCallback<Announce>((text) => {
    // a trailing invisible character makes a repeated message count as a change
    toggle.current = !toggle.current;
    setMessage(toggle.current ? text : `${text}\u00a0`);
  }, []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
