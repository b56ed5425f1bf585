const ALLOWED = /^(https?:|mailto:)/i;

/**
 * What people type into a link field ("www.commune.tn", "contact@…") made into a safe href, or
 * null. Only the protocols the schema's Link extension accepts get through.
 */
export function normalizeUrl(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (ALLOWED.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null; // javascript:, data:, …
  if (/^[^\s@/]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}
