import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random id safe in URLs, file names and document names (matches DOC_NAME_PATTERN). */
export function newId(prefix: string, length = 14): string {
  const bytes = randomBytes(length);
  let out = prefix;
  // 62 does not divide 256: the slight bias is irrelevant for identifiers that only need to be unique.
  for (const b of bytes) out += ALPHABET[b % 62];
  return out;
}
