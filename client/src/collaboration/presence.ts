/** What each client publishes in the guide room's awareness. */
export interface PresenceState {
  /** `id` (the account) lets the table of contents show an assignee who is present once, not twice. */
  user: { id?: string; name: string; color: string };
  /** The section open in that client, or null when it is on the table of contents only. */
  sectionId: string | null;
}

export interface Participant extends PresenceState {
  clientId: number;
  isSelf: boolean;
}

/** Awareness states are whatever peers sent: keep only well-formed ones. */
export function toParticipant(clientId: number, state: unknown, selfId: number): Participant | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, sectionId } = state as Partial<PresenceState>;
  if (typeof user !== 'object' || user === null) return null;
  if (typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  return {
    clientId,
    isSelf: clientId === selfId,
    user: {
      ...(typeof user.id === 'string' && user.id.length <= 64 ? { id: user.id } : {}),
      name: safeName(user.name),
      color: safeColor(user.color),
    },
    sectionId: typeof sectionId === 'string' ? sectionId : null,
  };
}

/** A peer's colour ends up in inline styles: accept only plain hex colours. */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#475569';
}

/** A peer's name as shown on carets and avatars (bounded: it comes from someone else's client). */
export function safeName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 60) : '?';
}
