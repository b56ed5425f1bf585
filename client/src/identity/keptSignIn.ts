import type { UserView } from '@dalil/shared';

const STORAGE_KEY = 'dalil.signedIn';

export interface KeptSignIn {
  user: UserView;
  csrfToken: string;
}

/**
 * Who was signed in on this browser when the server last said so, kept in localStorage because it
 * reads synchronously: a second visit starts signed in at its very first render and asks for the
 * guide's replies at once, instead of waiting for Cache Storage (a round trip to the browser
 * process, 0.1–0.2 s on a busy phone). The server's answer of this visit still decides (see
 * loadSession); signing out, an expired session or another account forget it.
 */
export function keptSignIn(): KeptSignIn | null {
  try {
    const kept = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<KeptSignIn> | null;
    return kept && typeof kept.csrfToken === 'string' && typeof kept.user?.id === 'string' ? (kept as KeptSignIn) : null;
  } catch {
    return null; // storage off (private mode) or unreadable: start as before, from the server
  }
}

export function keepSignIn(signIn: KeptSignIn | null): void {
  try {
    if (signIn) localStorage.setItem(STORAGE_KEY, JSON.stringify(signIn));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept: the next visit asks the server first
  }
}
