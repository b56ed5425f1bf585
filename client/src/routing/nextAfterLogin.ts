import { paths } from '@dalil/shared/routes';

/**
 * Where to go after signing in from /login?next=…: only a path of this app, never another origin
 * ("//evil.example" and "/\evil.example" are protocol-relative URLs to browsers).
 */
export function nextAfterLogin(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return paths.guides();
  return next;
}
