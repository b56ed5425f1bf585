import { useSyncExternalStore } from 'react';
import { colorForUser, type UserView } from '@dalil/shared';
import { setCsrfToken } from '../api/csrf.ts';
import { ApiRequestError, onUnauthorized } from '../api/http.ts';
import { forgetCopies } from '../api/offlineCopies.ts';
import { getSession, login as apiLogin, logout as apiLogout, updateMe } from '../api/session.ts';
import { keepSignIn, keptSignIn } from './keptSignIn.ts';

/** Who is using this tab: the signed-in account, shown to others with a colour of their own. */
export interface CurrentUser extends UserView {
  color: string;
}

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'error'; message: string }
  | { kind: 'signedIn'; user: CurrentUser };


const listeners = new Set<() => void>();
// a second visit starts signed in as the last time, at its first render (see keptSignIn.ts)
let state: SessionState = startingState();

function startingState(): SessionState {
  const kept = keptSignIn();
  if (!kept) return { kind: 'loading' };
  setCsrfToken(kept.csrfToken);
  return { kind: 'signedIn', user: { ...kept.user, color: colorForUser(kept.user.id) } };
}

function set(next: SessionState): void {
  if (next.kind === 'anonymous') keepSignIn(null);
  state = next;
  for (const listener of listeners) listener();
}

function signedIn(user: UserView, csrf: string): void {
  setCsrfToken(csrf);
  keepSignIn({ user, csrfToken: csrf });
  // the server confirming the kept answer changes nothing on screen: no re-render of the whole app
  if (state.kind === 'signedIn' && sameUser(state.user, user)) return;
  set({ kind: 'signedIn', user: { ...user, color: colorForUser(user.id) } });
}

function sameUser(current: CurrentUser, next: UserView): boolean {
  const { color: _color, ...shown } = current;
  return JSON.stringify(shown) === JSON.stringify(next);
}

/**
 * Asks the server who we are (the session cookie is HTTP-only, so only it knows). Meanwhile, when
 * this browser kept the last answer and it was "signed in", the app starts on it: a second visit on
 * a slow link opens its page a round trip sooner. The server's answer then replaces it, and if the
 * session ended meanwhile the login page comes (the server refuses every call of a stale session).
 */
export async function loadSession(): Promise<void> {
  const keptUserId = state.kind === 'signedIn' ? state.user.id : null;
  try {
    const { me } = await getSession();
    // another account signed in meanwhile (another tab): what was kept belongs to the previous one
    if (me && keptUserId !== null && keptUserId !== me.user.id) await forgetCopies();
    if (me) signedIn(me.user, me.csrfToken);
    else {
      setCsrfToken(null);
      void forgetCopies();
      set({ kind: 'anonymous' });
    }
  } catch (err) {
    setCsrfToken(null);
    if (err instanceof ApiRequestError && err.status === 401) {
      void forgetCopies();
      set({ kind: 'anonymous' });
    }
    else set({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  await apiLogin(email, password);
  // the offline copies of the previous account (if any) must not show through
  await forgetCopies();
  await loadSession();
}

export async function signOut(): Promise<void> {
  try {
    await apiLogout();
  } finally {
    // whoever uses this device next must not see this account's guides, even offline
    await forgetCopies();
    setCsrfToken(null);
    set({ kind: 'anonymous' });
  }
}

export async function renameMe(name: string): Promise<void> {
  const trimmed = name.trim();
  if (state.kind !== 'signedIn' || !trimmed || trimmed === state.user.name) return;
  const { user } = await updateMe({ name: trimmed });
  set({ kind: 'signedIn', user: { ...state.user, ...user } });
}

// an expired or revoked session shows the login page instead of failing action after action
onUnauthorized(() => {
  if (state.kind === 'signedIn') {
    void forgetCopies();
    setCsrfToken(null);
    set({ kind: 'anonymous' });
  }
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/** For components that only render inside a signed-in session. */
export function useCurrentUser(): CurrentUser {
  const session = useSession();
  if (session.kind !== 'signedIn') throw new Error('useCurrentUser outside a signed-in session');
  return session.user;
}
