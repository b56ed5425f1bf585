import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token for cookies and invitation links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The CSRF token of a session: derived, so nothing more needs storing. */
export function csrfTokenFor(secret: Buffer, sessionTokenHash: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionTokenHash}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
