/** A suggestion the server refused for good, as its author is told about it. */
export interface RefusedSuggestion {
  reason: string;
  /** What the author had typed (empty for a deletion or a formatting change). */
  text: string;
}

/**
 * Kept in sessionStorage per section: the refusal usually comes as the section locks, which ends
 * the section's session and makes its editor anew; the notice must outlive that (and a reload).
 */
const key = (userId: string, sectionId: string) => `dalil:refusedSuggestion:${userId}:${sectionId}`;

export function readRefused(userId: string, sectionId: string): RefusedSuggestion | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key(userId, sectionId)) ?? 'null') as RefusedSuggestion | null;
    return stored && typeof stored.reason === 'string' && typeof stored.text === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export function keepRefused(userId: string, sectionId: string, refused: RefusedSuggestion | null): void {
  try {
    if (refused) sessionStorage.setItem(key(userId, sectionId), JSON.stringify(refused));
    else sessionStorage.removeItem(key(userId, sectionId));
  } catch {
    // storage refused: the notice still shows until this editor goes
  }
}
