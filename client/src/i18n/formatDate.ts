/** Dates in the UI language; Arabic uses Latin digits as Tunisian administration does. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const locale = language === 'ar' ? 'ar-TN-u-nu-latn' : language;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
