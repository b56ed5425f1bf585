/**
 * The session's CSRF token (from GET /api/me), echoed on every mutating request. Kept apart from
 * the session state so the fetch wrapper needs no React.
 */
let token: string | null = null;

export function setCsrfToken(value: string | null): void {
  token = value;
}

export function csrfToken(): string | null {
  return token;
}
