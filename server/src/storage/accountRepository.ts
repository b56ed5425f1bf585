import type { Session, User } from '@dalil/shared';
import { badRequest, Conflict, notFound } from '../domain/errors.ts';
import type { MetadataChange, MetadataStore } from './metadataStore.ts';

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string;
}
import { newId } from './ids.ts';
import { requiredText } from './requiredText.ts';

const SESSION_DAYS = 30;

/** Told, synchronously and within the change that ended them, which sessions are gone. */
export type SessionsEndedListener = (tokenHashes: string[]) => void;

/** Users and their sessions. Passwords arrive here already hashed. */
export class AccountRepository {
  private readonly sessionsEndedListeners: SessionsEndedListener[] = [];

  constructor(private readonly store: MetadataStore) {}

  /**
   * Every path that ends sessions (logout, password change, reset, expiry sweep) goes through
   * `endSessions`, which tells these listeners before returning: the live sockets of those sessions
   * close in the same tick, before any other frame or request is handled.
   */
  onSessionsEnded(listener: SessionsEndedListener): void {
    this.sessionsEndedListeners.push(listener);
  }

  findUserByEmail(email: string): User | undefined {
    const wanted = normalizeEmail(email);
    return this.store.accounts.users.find((u) => u.email === wanted);
  }

  findUser(userId: string): User | undefined {
    return this.store.accounts.users.find((u) => u.id === userId);
  }

  /** The name shown next to someone's words or actions; an account that is gone still shows as someone. */
  nameOf(userId: string): string {
    return this.findUser(userId)?.name ?? '—';
  }

  listUsers(): User[] {
    return [...this.store.accounts.users].sort((a, b) => a.email.localeCompare(b.email));
  }

  createUser(input: NewAccount): Promise<User> {
    return this.store.mutate((change) => this.addUser(change, input));
  }

  /**
   * Adds an account as part of a larger change (inside `MetadataStore.mutate`), so that creating
   * it and what it is created for happen in one synchronous step. Throws before changing anything.
   */
  addUser(change: MetadataChange, input: NewAccount): User {
    const data = change.accounts();
    const email = normalizeEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('email is not a valid address');
    const name = requiredText(input.name, 'name');
    if (data.users.some((u) => u.email === email)) throw new Conflict('email_taken', 'an account with this email already exists');
    const user: User = { id: newId('u'), email, name, passwordHash: input.passwordHash, createdAt: new Date().toISOString() };
    data.users.push(user);
    return user;
  }

  /**
   * Changes a name or a password. A new password ends every session of the account except
   * `keepSessionTokenHash` (the one it was changed from): whoever knew the old one is out.
   */
  updateUser(userId: string, change: { name?: string; passwordHash?: string }, keepSessionTokenHash?: string): Promise<User> {
    const name = change.name === undefined ? undefined : requiredText(change.name, 'name');
    return this.store.mutate((records) => {
      const data = records.accounts();
      const user = data.users.find((u) => u.id === userId);
      if (!user) throw notFound('user');
      if (name) user.name = name;
      if (change.passwordHash) {
        user.passwordHash = change.passwordHash;
        this.endSessions(data, (s) => s.userId === userId && s.tokenHash !== keepSessionTokenHash);
      }
      return user;
    });
  }

  createSession(userId: string, tokenHash: string): Promise<Session> {
    return this.store.mutate((change) => this.addSession(change, userId, tokenHash));
  }

  /** Adds a session as part of a larger change (inside `MetadataStore.mutate`). */
  addSession(change: MetadataChange, userId: string, tokenHash: string): Session {
    const data = change.accounts();
    const now = Date.now();
    const session: Session = {
      tokenHash,
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_DAYS * 86_400_000).toISOString(),
    };
    // Expired sessions are dropped whenever a new one is made, so the list does not grow forever.
    const nowIso = new Date(now).toISOString();
    this.endSessions(data, (s) => s.expiresAt <= nowIso);
    data.sessions.push(session);
    return session;
  }

  /** The live session with this token hash and its user, or null. */
  findSession(tokenHash: string): { session: Session; user: User } | null {
    const session = this.store.accounts.sessions.find((s) => s.tokenHash === tokenHash);
    if (!session || session.expiresAt <= new Date().toISOString()) return null;
    const user = this.findUser(session.userId);
    return user ? { session, user } : null;
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.store.mutate((change) => {
      this.endSessions(change.accounts(), (s) => s.tokenHash === tokenHash);
    });
  }

  /** Removes the sessions `ending` selects and tells the listeners, inside the caller's mutation. */
  private endSessions(data: { sessions: Session[] }, ending: (session: Session) => boolean): void {
    const ended: string[] = [];
    data.sessions = data.sessions.filter((s) => {
      if (!ending(s)) return true;
      ended.push(s.tokenHash);
      return false;
    });
    if (ended.length > 0) for (const listener of this.sessionsEndedListeners) listener(ended);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
