import type { PersonRef, Thread, ThreadMessage, ThreadMessageView, ThreadView } from '@dalil/shared';
import type { AccountRepository } from '../storage/accountRepository.ts';

/** A thread as the API shows it: people by name (a departed account still shows as someone). */
export function threadView(thread: Thread, sectionTitle: string, accounts: AccountRepository): ThreadView {
  const person = (id: string): PersonRef => ({ id, name: accounts.nameOf(id) });
  return {
    id: thread.id,
    sectionId: thread.sectionId,
    sectionTitle,
    status: thread.status,
    quote: thread.quote,
    detached: thread.detached,
    createdBy: person(thread.createdBy),
    createdAt: thread.createdAt,
    updatedAt: thread.updatedAt,
    resolvedBy: thread.resolvedBy ? person(thread.resolvedBy) : null,
    resolvedAt: thread.resolvedAt,
    messages: thread.messages.map((m) => messageView(m, accounts)),
  };
}

/** A message as the API shows it, in a comment thread or a suggestion's discussion. */
export function messageView(m: ThreadMessage, accounts: AccountRepository): ThreadMessageView {
  const person = (id: string): PersonRef => ({ id, name: accounts.nameOf(id) });
  return {
    id: m.id,
    author: person(m.authorId),
    body: m.deletedAt ? '' : m.body,
    mentions: m.mentions.map(person),
    createdAt: m.createdAt,
    editedAt: m.editedAt,
    deleted: m.deletedAt !== null,
  };
}
