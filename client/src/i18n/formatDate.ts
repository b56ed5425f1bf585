const formats = new Map<string, Intl.DateTimeFormat>();

/** Dates in the UI language; Arabic uses Latin digits as Tunisian administration does. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const locale = language === 'ar' ? 'ar-TN-u-nu-latn' : language;
  // building a formatter costs far more than using one; lists format dozens of dates per render
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(date);
}
