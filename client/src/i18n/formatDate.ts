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

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (`YYYY-MM-DD`, as due dates are stored) in the UI language, without a time. */
export function formatDay(day: string, language: string): string {
  // read and written in UTC: the day must not shift with the browser's time zone
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const locale = language === 'ar' ? 'ar-TN-u-nu-latn' : language;
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(date);
}
