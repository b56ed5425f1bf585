/**
 * "Guide-de-l-equipe_v2_2026-11-30.docx": title, version (or "provisoire") and date. The UTF-8 name
 * keeps the title as written (Arabic included); the ASCII fallback is for clients that ignore filename*.
 */
export function exportFileName(o: { title: string; versionLabel: string | null; provisional: boolean; date: string; extension: string }): { utf8: string; ascii: string } {
  const version = o.versionLabel ?? (o.provisional ? 'provisoire' : 'courant');
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80);
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80);
  const title = clean(o.title) || 'guide';
  return {
    utf8: `${title}_${clean(version)}_${o.date}.${o.extension}`,
    ascii: `${ascii(o.title) || 'guide'}_${ascii(version) || 'version'}_${o.date}.${o.extension}`,
  };
}

/** Content-Disposition for a download: ASCII `filename` plus RFC 5987 `filename*`. */
export function contentDisposition(name: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(name.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
