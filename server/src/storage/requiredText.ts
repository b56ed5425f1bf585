import { cleanText } from '@dalil/shared';
import { badRequest } from '../domain/errors.ts';

/** `cleanText` for a field that must say something: 400 when nothing visible is left. */
export function requiredText(raw: string, what: string, options: { multiline?: boolean } = {}): string {
  const clean = cleanText(raw, options);
  if (clean === null) throw badRequest(`${what} must not be empty (control and invisible characters do not count)`);
  return clean;
}
