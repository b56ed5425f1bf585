import type { Session, User } from '@dalil/shared';
import { ApiError, badRequest, notFound } from '../errors.ts';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';

const SESSION_DAYS = 30;

/** Users and their sessions. Passwords arrive here already hashed. */
export class AccountRepository {
  constructor(private readonly store: MetadataStore) {}

  findUserByEmail(email: string): User | undefined {
    const wanted = normalizeEmail(email);
    return this.store.data.users.find((u) => u.email === wanted);
  }

  findUser(userId: string): User | undefined {
    return this.store.data.users.find((u) => u.id === userId);
  }

  /** The name shown next to someone's words or actions; an account that is gone still shows as someone. */
  nameOf(userId: string): string {
    return this.findUser(userId)?.name ?? '—';
  }

  listUsers(): User[] {
    return [...this.store.data.users].sort((a, b) => a.email.localeCompare(b.email));
  }

  createUser(input: { email: string; name: string; passwordHash: string }): Promise<User> {
    const email = normalizeEmail(input.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest('email is not a valid address');
    const name = input.name.replace(/\s+/g, ' ').trim();
    if (!name) throw badRequest('name must not be empty');
    return this.store.mutate((data) => {
      if (data.users.some((u) => u.email === email)) throw new ApiError(409, 'email_taken', 'an account with this email already exists');
      const user: User = { id: newId('u'), email, name, passwordHash: input.passwordHash, createdAt: new Date().toISOString() };
      data.users.push(user);
      return user;
    });
  }

  updateUser(userId: string, change: { name?: string; passwordHash?: string }): Promise<User> {
    const name = change.name?.replace(/\s+/g, ' ').trim();
    if (change.name !== undefined && !name) throw badRequest('name must not be empty');
    return this.store.mutate((data) => {
      const user = data.users.find((u) => u.id === userId);
      if (!user) throw notFound('user');
      if (name) user.name = name;
      if (change.passwordHash) {
        user.passwordHash = change.passwordHash;
        // A new password ends every other session: whoever knew the old one is out.
        data.sessions = data.sessions.filter((s) => s.userId !== userId);
      }
      return user;
    });
  }

  createSession(userId: string, tokenHash: string): Promise<Session> {
    const now = Date.now();
    const session: Session = {
      tokenHash,
      userId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + SESSION_DAYS * 86_400_000).toISOString(),
    };
    return this.store.mutate((data) => {
      // Expired sessions are dropped whenever a new one is made, so the list does not grow forever.
      const nowIso = new Date(now).toISOString();
      data.sessions = data.sessions.filter((s) => s.expiresAt > nowIso);
      data.sessions.push(session);
      return session;
    });
  }

  /** The live session with this token hash and its user, or null. */
  findSession(tokenHash: string): { session: Session; user: User } | null {
    const session = this.store.data.sessions.find((s) => s.tokenHash === tokenHash);
    if (!session || session.expiresAt <= new Date().toISOString()) return null;
    const user = this.findUser(session.userId);
    return user ? { session, user } : null;
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.store.mutate((data) => {
      data.sessions = data.sessions.filter((s) => s.tokenHash !== tokenHash);
    });
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
