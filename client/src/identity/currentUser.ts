import { useSyncExternalStore } from 'react';
import { colorForUser, type UserView } from '@dalil/shared';
import { setCsrfToken } from '../api/csrf.ts';
import { ApiRequestError, onUnauthorized } from '../api/http.ts';
import { forgetCopies } from '../api/offlineCopies.ts';
import { getSession, login as apiLogin, logout as apiLogout, updateMe } from '../api/session.ts';

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
let state: SessionState = { kind: 'loading' };

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function signedIn(user: UserView, csrf: string): void {
  setCsrfToken(csrf);
  set({ kind: 'signedIn', user: { ...user, color: colorForUser(user.id) } });
}

/** Asks the server who we are (the session cookie is HTTP-only, so only it knows). */
export async function loadSession(): Promise<void> {
  try {
    const { me } = await getSession();
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
